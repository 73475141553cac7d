package org.unknot.booking;

import java.time.Instant;
import java.util.UUID;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * A booked visit was cancelled (published inside the cancellation's transaction); its
 * time is free.
 *
 * @param seriesId the series it was booked in, or null
 * @param cancelledBy who cancelled it, so that fees need not guess from the reason
 */
public record AppointmentCancelled(UUID appointmentId, PatientId patientId, UUID seriesId, ServiceId serviceId,
		PractitionerId practitionerId, LocationId location, Instant start, Instant end, int sequence, String reason,
		CancelledBy cancelledBy) {

	static AppointmentCancelled of(Appointment a, CancelledBy by) {
		return new AppointmentCancelled(a.id(), a.patientId(), a.seriesId(), a.serviceId(), a.practitionerId(),
				a.location(), a.start(), a.end(), a.sequence(), a.cancellationReason(), by);
	}

	public boolean byPatient() {
		return cancelledBy == CancelledBy.PATIENT;
	}

}
