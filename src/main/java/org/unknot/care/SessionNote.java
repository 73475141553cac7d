package org.unknot.care;

import java.time.Instant;
import java.util.UUID;

/**
 * A practitioner's record of one visit. Pain scores are 0 (none) to 10 (worst
 * imaginable), or null if not asked.
 *
 * @param minutesTreated the minutes of hands-on treatment, when the practitioner gave
 * them (superbills count these by the 8-minute rule rather than the booked length)
 */
public record SessionNote(UUID appointmentId, String practitionerId, UUID patientId, Integer painBefore,
		Integer painAfter, String note, Instant writtenAt, Integer minutesTreated) {
}
