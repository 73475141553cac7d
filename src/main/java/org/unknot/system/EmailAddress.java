package org.unknot.system;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as a person types it: one {@code @}, a dot in the domain, no spaces,
 * at most 254 characters (RFC 5321's limit for a path). Kept in lower case, so that the
 * same address typed twice is the same address.
 */
public record EmailAddress(String value) {

	public static final int MAX_LENGTH = 254;

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public EmailAddress {
		if (!looksValid(value)) {
			throw new IllegalArgumentException("Not an email address: " + value);
		}
		value = value.strip().toLowerCase(Locale.ROOT);
	}

	/** The address typed, if it is one. */
	public static Optional<EmailAddress> parse(String typed) {
		return looksValid(typed) ? Optional.of(new EmailAddress(typed)) : Optional.empty();
	}

	public static boolean looksValid(String typed) {
		if (typed == null) {
			return false;
		}
		String stripped = typed.strip();
		return stripped.length() <= MAX_LENGTH && SHAPE.matcher(stripped).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
