package org.unknot.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Whether this node's keys open what a database holds: one sealed value of every sealed
 * column is opened. Data restored from a backup, or a node pointed at another network's
 * database, is checked before it is served: without the keys that sealed it, every read
 * of that information would fail.
 */
@Service
public class KeyCheck {

	private final FieldCipher cipher;

	private final List<SealedColumn> columns;

	KeyCheck(FieldCipher cipher, List<SealedColumn> columns) {
		this.cipher = cipher;
		this.columns = columns;
	}

	/**
	 * The first column whose value these keys cannot open, and why; read through
	 * {@code connection}, so inside its transaction.
	 */
	public Optional<String> firstUnreadable(Connection connection) throws SQLException {
		for (SealedColumn column : columns) {
			try (PreparedStatement first = connection
				.prepareStatement("SELECT " + column.idColumn() + ", " + column.column() + " FROM " + column.table()
						+ " WHERE " + column.column() + " IS NOT NULL LIMIT 1");
					ResultSet row = first.executeQuery()) {
				if (row.next()) {
					try {
						cipher.open(row.getString(2), column.context(row.getObject(1)));
					}
					catch (FieldCipher.SealBroken unreadable) {
						return Optional.of(column.table() + "." + column.column() + ": " + unreadable.getMessage());
					}
				}
			}
		}
		return Optional.empty();
	}

}
