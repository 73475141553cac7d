package org.unknot.care;

import java.time.Instant;
import java.util.UUID;

/**
 * A practitioner's record of one visit. Pain scores are 0 (none) to 10 (worst
 * imaginable), or null if not asked.
 */
public record SessionNote(UUID appointmentId, String practitionerId, UUID patientId, Integer painBefore,
		Integer painAfter, String note, Instant writtenAt) {
}
