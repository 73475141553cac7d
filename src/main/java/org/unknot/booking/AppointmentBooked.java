package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/** A visit was booked (published inside the booking's transaction). */
public record AppointmentBooked(UUID appointmentId, PatientId patientId, UUID seriesId, ServiceId serviceId,
		PractitionerId practitionerId, LocationId location, Instant start, Instant end, int sequence) {

	static AppointmentBooked of(Appointment a) {
		return new AppointmentBooked(a.id(), a.patientId(), a.seriesId(), a.serviceId(), a.practitionerId(),
				a.location(), a.start(), a.end(), a.sequence());
	}
}
