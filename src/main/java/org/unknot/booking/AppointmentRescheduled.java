package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;

/**
 * A visit moved (published inside the move's transaction); the time it left, with its
 * previous practitioner, is free now.
 *
 * @param seriesId the series it was booked in, or null
 */
public record AppointmentRescheduled(UUID appointmentId, UUID patientId, UUID seriesId, String serviceId,
		LocationId location, String previousPractitionerId, Instant previousStart, Instant previousEnd,
		String practitionerId, Instant start, Instant end, int sequence) {
}
