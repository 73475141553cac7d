package org.unknot.care.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * One answered questionnaire, by its score.
 *
 * @param enteredBy who entered the answers: "patient", "patient-link" or a staff actor
 */
public record MeasureResponse(UUID id, UUID patientId, String measure, UUID planId, UUID appointmentId, double score,
		String enteredBy, Instant answeredAt) {
}
