package org.unknot.website.booking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A free time as a button sends it: {@code 2027-03-15T10:00-04:00~practitioner-id}. */
record SlotValue(OffsetDateTime start, String practitioner) {

	static Optional<SlotValue> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		int tilde = value.indexOf('~');
		if (tilde <= 0 || tilde == value.length() - 1 || value.length() > 200) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(new SlotValue(OffsetDateTime.parse(value.substring(0, tilde)), value.substring(tilde + 1)));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	String value() {
		return start + "~" + practitioner;
	}
}
