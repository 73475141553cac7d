package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;

/** A visit was booked (published inside the booking's transaction). */
public record AppointmentBooked(UUID appointmentId, UUID patientId, UUID seriesId, String serviceId,
		String practitionerId, LocationId location, Instant start, Instant end, int sequence) {

	static AppointmentBooked of(Appointment a) {
		return new AppointmentBooked(a.id(), a.patientId(), a.seriesId(), a.serviceId(), a.practitionerId(),
				a.location(), a.start(), a.end(), a.sequence());
	}
}
