package org.unknot.care.measures;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinics;
import org.unknot.patient.PatientId;

/**
 * The zone in which a patient's days and deadlines are named: that of the clinic of the
 * visit a score or questionnaire belongs to; otherwise that of the patient's latest
 * visit; otherwise the network's zone for video visits.
 */
@Component
public class ClinicTime {

	private final Appointments appointments;

	private final Clinics clinics;

	private final CatalogProperties catalog;

	ClinicTime(Appointments appointments, Clinics clinics, CatalogProperties catalog) {
		this.appointments = appointments;
		this.clinics = clinics;
		this.catalog = catalog;
	}

	/** The zone of the visit's clinic, or else of the patient's. */
	public ZoneId of(UUID appointmentId, PatientId patientId) {
		return appointmentId == null ? ofPatient(patientId)
				: appointments.find(appointmentId)
					.map(visit -> clinics.zoneOf(visit.location()))
					.orElseGet(() -> ofPatient(patientId));
	}

	/** The zone of the patient's latest visit's clinic. */
	public ZoneId ofPatient(PatientId patientId) {
		return appointments.ofPatient(patientId)
			.stream()
			.max(Comparator.comparing(Appointment::start))
			.map(visit -> clinics.zoneOf(visit.location()))
			.orElse(catalog.virtualZone());
	}

	/** Where the questionnaire's deadline is read. */
	public ZoneId of(QuestionnaireRequests.Request request) {
		return of(request.appointmentId(), PatientId.of(request.patientId()));
	}

}
