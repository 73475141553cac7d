package org.unknot.practitioner;

import java.util.Locale;

/**
 * NUCC health care provider taxonomy codes, as a claim names a practitioner's kind of
 * care: ten characters, three digits then six digits or capital letters, ending in X
 * (225700000X for a massage therapist, 225100000X for a physical therapist).
 */
public final class TaxonomyCode {

	static final String RULE = "A taxonomy code has 10 characters and ends in X, like 225700000X.";

	private TaxonomyCode() {
	}

	public static boolean valid(String code) {
		return code != null && code.matches("[0-9]{3}[0-9A-Z]{6}X");
	}

	/** Blank is no code, which is allowed; anything else must be a code. */
	static boolean validOrBlank(String typed) {
		return typed == null || typed.isBlank() || valid(typed.strip().toUpperCase(Locale.ROOT));
	}

	/** The code as stored (upper case), or null for blank. */
	static String normalized(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(Locale.ROOT);
	}

}
