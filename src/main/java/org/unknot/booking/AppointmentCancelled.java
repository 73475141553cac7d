package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;

/**
 * A booked visit was cancelled (published inside the cancellation's transaction); its
 * time is free.
 *
 * @param seriesId the series it was booked in, or null
 */
public record AppointmentCancelled(UUID appointmentId, UUID patientId, UUID seriesId, String serviceId,
		String practitionerId, LocationId location, Instant start, Instant end, int sequence, String reason) {

	static AppointmentCancelled of(Appointment a) {
		return new AppointmentCancelled(a.id(), a.patientId(), a.seriesId(), a.serviceId(), a.practitionerId(),
				a.location(), a.start(), a.end(), a.sequence(), a.cancellationReason());
	}
}
