package org.unknot.system;

/** What a typed value means once the spaces a person leaves around it are set aside. */
public final class Text {

	private Text() {
	}

	/** The value without surrounding spaces, or null when nothing was typed. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
