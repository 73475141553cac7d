package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * A visit moved (published inside the move's transaction); the time it left, with its
 * previous practitioner, is free now.
 *
 * @param seriesId the series it was booked in, or null
 */
public record AppointmentRescheduled(UUID appointmentId, PatientId patientId, UUID seriesId, ServiceId serviceId,
		LocationId location, PractitionerId previousPractitionerId, Instant previousStart, Instant previousEnd,
		PractitionerId practitionerId, Instant start, Instant end, int sequence) {
}
