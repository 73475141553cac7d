package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;

/**
 * The front desk marked a visit as missed: the patient did not come (published inside the
 * change's transaction).
 */
public record AppointmentMarkedNoShow(UUID appointmentId, PatientId patientId, ServiceId serviceId, LocationId location,
		Instant start) {

	static AppointmentMarkedNoShow of(Appointment a) {
		return new AppointmentMarkedNoShow(a.id(), a.patientId(), a.serviceId(), a.location(), a.start());
	}
}
