package org.unknot.system.web;

import java.sql.SQLException;

import org.unknot.system.Causes;

/**
 * Tells a write that PostgreSQL refused because of the value itself (SQLSTATE class 22,
 * "data exception": a string too long for its column, a number out of range, a character
 * it cannot store, an impossible date) from every other failure.
 */
public final class StorableValues {

	public static final String REFUSED = "A value in the request cannot be stored: it is too long, out of range, "
			+ "or contains a character that is not allowed. Nothing was changed.";

	private StorableValues() {
	}

	/** Whether the failure was PostgreSQL refusing a value as data. */
	public static boolean refusedAsData(Throwable failure) {
		String state = sqlState(failure);
		return state != null && state.startsWith("22");
	}

	/** The SQLSTATE of the first SQL exception among the causes, or null. */
	public static String sqlState(Throwable failure) {
		return Causes.find(failure, SQLException.class, sql -> sql.getSQLState() != null)
			.map(SQLException::getSQLState)
			.orElse(null);
	}

}
