package org.unknot.patient;

import java.util.UUID;

import org.unknot.system.InvalidRequest;

import com.fasterxml.jackson.annotation.JsonValue;

/** A patient, by the id the practice gave them when they first booked. */
public record PatientId(@JsonValue UUID value) {

	public PatientId {
		if (value == null) {
			throw new InvalidRequest("patient", "A patient is named by their id.");
		}
	}

	public static PatientId of(UUID value) {
		return new PatientId(value);
	}

	/** The id as written in an address or a request: a UUID, else refused. */
	public static PatientId of(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequest("patient", "A patient is named by their id.");
		}
		try {
			return new PatientId(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException notAUuid) {
			throw new InvalidRequest("patient", "A patient id is a UUID.");
		}
	}

	/** The id, or null for a row or a hold without a patient (as stored). */
	public static PatientId ofNullable(UUID value) {
		return value == null ? null : new PatientId(value);
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
