package org.unknot.system;

import java.util.OptionalLong;

/**
 * The reference version a transaction's booking check read with the bookings (the counter
 * that every change of clinics, services, hours, licences or payment policies moves, on
 * any node). A module that keeps such data in memory may answer from it in this
 * transaction when what it holds is at least that new: it is then as current as the check
 * itself, whichever node wrote the change. Outside a transaction, or before a check,
 * nothing is known and the data is read from PostgreSQL.
 */
public final class ReferenceVersions {

	private static final ReadInThisTransaction<Class<ReferenceVersions>, Long> SEEN = new ReadInThisTransaction<>();

	private ReferenceVersions() {
	}

	/** The check of this transaction read this version. */
	public static void seenInThisTransaction(long version) {
		SEEN.remember(ReferenceVersions.class, version);
	}

	/** The version this transaction's check read, if it made one. */
	public static OptionalLong seenInThisTransaction() {
		Long seen = SEEN.get(ReferenceVersions.class);
		return seen == null ? OptionalLong.empty() : OptionalLong.of(seen);
	}

}
