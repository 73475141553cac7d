package org.unknot.practitioner;

import java.time.Instant;

public record TimeOff(String practitionerId, Instant start, Instant end, String reason) {

	public TimeOff {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("Time off ends after it starts");
		}
	}
}
