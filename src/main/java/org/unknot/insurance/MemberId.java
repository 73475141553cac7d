package org.unknot.insurance;

/**
 * The number on an insurance card (or a claim number), upper case without spaces or
 * dashes.
 */
public record MemberId(String value) {

	public MemberId {
		if (value == null || value.isBlank() || !value.equals(value.strip())) {
			throw new IllegalArgumentException("A member id has some characters and no surrounding spaces");
		}
	}

	/** The last four characters only, for pages and e-mails. */
	public String masked() {
		return value.length() <= 4 ? value : "•".repeat(value.length() - 4) + value.substring(value.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}
}
