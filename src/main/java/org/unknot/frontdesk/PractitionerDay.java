package org.unknot.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/** One practitioner's visits on a day, wherever they are. */
@Service
public class PractitionerDay {

	private final Appointments appointments;

	private final Patients patients;

	private final CareServices services;

	private final Clinics clinics;

	PractitionerDay(Appointments appointments, Patients patients, CareServices services, Clinics clinics) {
		this.appointments = appointments;
		this.patients = patients;
		this.services = services;
		this.clinics = clinics;
	}

	/** A visit of the day, with where it is ("Video visit" for video). */
	public record DayVisit(CalendarEntry entry, String where) {
	}

	@Transactional(readOnly = true)
	public List<DayVisit> of(PractitionerId practitionerId, LocalDate day, ZoneId zone) {
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		List<Appointment> visits = appointments.ofPractitioner(practitionerId, from, to);
		Map<UUID, Patient> byId = patients.byIds(visits.stream()
			.map(Appointment::patientId)
			.filter(Objects::nonNull)
			.map(PatientId::value)
			.collect(Collectors.toSet()));
		Map<String, CareService> serviceById = services.byId();
		Map<String, Clinic> clinicById = clinics.byId();
		return visits.stream().map(visit -> {
			String clinicId = visit.location().clinicIdOrNull();
			Clinic clinic = clinicId == null ? null : clinicById.get(clinicId);
			ZoneId local = clinic == null ? zone : clinic.zone();
			Patient patient = visit.patientId() == null ? null : byId.get(visit.patientId().value());
			CareService service = serviceById.get(visit.serviceId().value());
			var entry = new CalendarEntry(visit.id(), ZonedDateTime.ofInstant(visit.start(), local),
					ZonedDateTime.ofInstant(visit.end(), local),
					service == null ? visit.serviceId().value() : service.name(), visit.practitionerId().value(),
					visit.patientId() == null ? null : visit.patientId().value(),
					patient == null ? "" : patient.givenName() + " " + patient.familyName(), visit.roomId(),
					visit.status().code(), service == null ? Duration.ZERO : service.bufferBefore(),
					service == null ? Duration.ZERO : service.bufferAfter());
			return new DayVisit(entry, clinic == null ? "Video visit" : clinic.name());
		}).toList();
	}

}
