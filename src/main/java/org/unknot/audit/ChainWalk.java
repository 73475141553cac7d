package org.unknot.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One pass over the sealed chain in position order, stopping at the first link that does
 * not hold: a gap, a sealed entry gone, a link sealed with another key or not following
 * the one before, content that no longer matches its seal. Entries written before the
 * chain was keyed are also checked against their old unkeyed hashes.
 */
final class ChainWalk {

	private final ChainKey key;

	private long count;

	private byte[] previousMac = ChainKey.GENESIS;

	private byte[] previousUnkeyed = ChainKey.GENESIS;

	private Long broken;

	private String why;

	ChainWalk(ChainKey key) {
		this.key = key;
	}

	boolean intact() {
		return broken == null;
	}

	void next(ResultSet row) throws SQLException {
		long position = row.getLong("position");
		long entryId = row.getLong("linked_id");
		count++;
		if (position != count) {
			fail(entryId, "link " + count + " of the chain is missing before it");
			return;
		}
		if (row.getObject("id") == null) {
			fail(entryId, "it was sealed at position " + position + " and is gone");
			return;
		}
		AuditEntry entry = AuditLog.map(row, 0);
		byte[] linkedTo = row.getBytes("previous_mac");
		byte[] mac = row.getBytes("mac");
		if (!key.id().equals(row.getString("key_id"))) {
			fail(entryId, "it was sealed with another key (" + row.getString("key_id") + ", this node's is " + key.id()
					+ ")");
		}
		else if (!MessageDigest.isEqual(linkedTo, previousMac)) {
			fail(entryId, "its link does not match the entry before it");
		}
		else if (!MessageDigest.isEqual(mac, key.seal(position, linkedTo, entry))) {
			fail(entryId, "its content does not match its seal");
		}
		else {
			checkUnkeyed(entry, row.getBytes("previous_hash"), row.getBytes("hash"));
		}
		previousMac = mac;
	}

	private void checkUnkeyed(AuditEntry entry, byte[] linkedTo, byte[] hash) {
		if (hash == null) {
			return;
		}
		if (!MessageDigest.isEqual(linkedTo, previousUnkeyed)
				|| !MessageDigest.isEqual(hash, entry.unkeyedHash(linkedTo))) {
			fail(entry.id(), "it was altered before the chain was keyed (its unkeyed hash does not match)");
		}
		previousUnkeyed = hash;
	}

	/** An entry that is neither sealed nor waiting to be: taken out of the queue. */
	void outsideTheChain(long entryId) {
		fail(entryId, "it is neither sealed into the chain nor waiting to be");
	}

	private void fail(long entryId, String reason) {
		broken = entryId;
		why = reason;
	}

	AuditLog.ChainVerdict verdict(long waiting) {
		return new AuditLog.ChainVerdict(count, broken, why, waiting);
	}

}
