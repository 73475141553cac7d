package org.unknot.system;

import java.util.UUID;

/** What a typed value means once the spaces a person leaves around it are set aside. */
public final class Text {

	private Text() {
	}

	/** The value without surrounding spaces, or null when nothing was typed. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The id typed in an address, or null when it is not one (a link cut short, say). */
	public static UUID uuidOrNull(String value) {
		try {
			return value == null ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
