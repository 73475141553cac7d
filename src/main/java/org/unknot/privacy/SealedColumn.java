package org.unknot.privacy;

import java.util.regex.Pattern;

/**
 * A column holding sealed values, declared as a bean by the module that owns it so that
 * {@link Reencryption} can move its values to a new key. The context of a value is
 * {@code table.column:id}.
 */
public record SealedColumn(String table, String idColumn, String column) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	public SealedColumn {
		for (String name : new String[] { table, idColumn, column }) {
			if (name == null || !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
			}
		}
	}

	/** The context a value of this column in row {@code id} is sealed in. */
	public String context(Object id) {
		return table + "." + column + ":" + id;
	}
}
