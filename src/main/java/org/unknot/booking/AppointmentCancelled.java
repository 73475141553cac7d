package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;

/** A booked visit was cancelled (published inside the cancellation's transaction); its time is free. */
public record AppointmentCancelled(UUID appointmentId, UUID patientId, String serviceId, String practitionerId,
		LocationId location, Instant start, Instant end, int sequence, String reason) {

	static AppointmentCancelled of(Appointment a) {
		return new AppointmentCancelled(a.id(), a.patientId(), a.serviceId(), a.practitionerId(), a.location(),
				a.start(), a.end(), a.sequence(), a.cancellationReason());
	}
}
