package org.unknot.practitioner;

import org.unknot.system.InvalidRequest;

import com.fasterxml.jackson.annotation.JsonValue;

/** A practitioner, by the id that names them in addresses and in the API. */
public record PractitionerId(@JsonValue String value) {

	public PractitionerId {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest("practitioner", "A practitioner is named by their id.");
		}
	}

	public static PractitionerId of(String value) {
		return new PractitionerId(value);
	}

	/** The id, or null when none was chosen (anyone may do). */
	public static PractitionerId ofNullable(String value) {
		return value == null ? null : new PractitionerId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
