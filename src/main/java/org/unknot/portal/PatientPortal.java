package org.unknot.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioners;
import org.unknot.care.SessionNotes;
import org.unknot.system.NotFound;
import org.unknot.patient.PatientId;

/** What a signed-in patient sees of their own care, and the export of all of it. */
@Service
public class PatientPortal {

	private final Patients patients;

	private final Appointments appointments;

	private final CareServices services;

	private final Clinics clinics;

	private final Practitioners practitioners;

	private final CatalogProperties catalog;

	private final AuditLog audit;

	private final SessionNotes notes;

	private final Clock clock;

	private final CareExport care;

	private final MoneyExport money;

	PatientPortal(Patients patients, Appointments appointments, CareServices services, Clinics clinics,
			Practitioners practitioners, CatalogProperties catalog, AuditLog audit, SessionNotes notes, Clock clock,
			CareExport care, MoneyExport money) {
		this.money = money;
		this.care = care;
		this.notes = notes;
		this.patients = patients;
		this.appointments = appointments;
		this.services = services;
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A visit as the patient sees it, in the local time of where it happens, with the ids
	 * that book the same again.
	 */
	public record Visit(java.util.UUID id, ZonedDateTime start, ZonedDateTime end, String service, String practitioner,
			String where, String status, boolean changeable, String serviceId, String locationId,
			String practitionerId) {

		/** Cancelled, or missed without a word: neither to come nor done. */
		boolean calledOff() {
			return "cancelled".equals(status) || "noshow".equals(status);
		}

		/** Neither called off nor begun by then. */
		boolean toCome(Instant now) {
			return !calledOff() && start.toInstant().isAfter(now);
		}

	}

	/**
	 * The visits to come (soonest first), those done (latest first), and those cancelled
	 * or missed; {@code progress}: the pain scores of each recorded session, oldest
	 * first.
	 */
	public record Overview(Patient patient, List<Visit> toCome, List<Visit> done, List<Visit> calledOff,
			List<Progress> progress) {
	}

	/** Pain before and after one session, on the day it was recorded. */
	public record Progress(java.time.LocalDate day, Integer painBefore, Integer painAfter) {
	}

	/**
	 * The overview, as the patient is shown it: their own reading of their record is
	 * audited too.
	 */
	@Transactional
	public Overview shownTo(SignedIn me, String address) {
		Overview overview = overview(me);
		audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), overview.patient().id(), "READ",
				"patient-record", null, address, AuditEvent.Outcome.SUCCESS));
		return overview;
	}

	/** Read-write: reading the patient's own session records is audited. */
	@Transactional
	public Overview overview(SignedIn me) {
		Patient patient = patientOf(me);
		Instant now = clock.instant();
		List<Visit> toCome = new ArrayList<>();
		List<Visit> done = new ArrayList<>();
		List<Visit> calledOff = new ArrayList<>();
		for (Visit visit : visits(patient)) {
			(visit.calledOff() ? calledOff : visit.toCome(now) ? toCome : done).add(visit);
		}
		toCome.sort(java.util.Comparator.comparing(Visit::start));
		done.sort(java.util.Comparator.comparing(Visit::start).reversed());
		calledOff.sort(java.util.Comparator.comparing(Visit::start).reversed());
		List<Progress> progress = notes
			.ofPatient(PatientId.of(patient.id()),
					new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), null))
			.stream()
			.map(note -> new Progress(java.time.LocalDate.ofInstant(note.writtenAt(), catalog.virtualZone()),
					note.painBefore(), note.painAfter()))
			.toList();
		return new Overview(patient, toCome, done, calledOff, progress);
	}

	/** One of the patient's visits still to come, as the overview shows it. */
	@Transactional(readOnly = true)
	public Optional<Visit> toCome(SignedIn me, java.util.UUID id) {
		Instant now = clock.instant();
		return visits(patientOf(me)).stream().filter(visit -> visit.id().equals(id) && visit.toCome(now)).findFirst();
	}

	/**
	 * Everything Unknot holds about the patient, as a document they can keep; the export
	 * is audited.
	 */
	@Transactional
	public Map<String, Object> export(SignedIn me, String address) {
		Patient patient = patientOf(me);
		audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patient.id(), "EXPORT",
				"patient-record", null, address, AuditEvent.Outcome.SUCCESS));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("exportedAt", clock.instant().toString());
		document.put("account", Map.of("email", me.email(), "name", me.displayName()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("givenName", patient.givenName());
		details.put("familyName", patient.familyName());
		details.put("email", patient.email());
		details.put("phone", patient.phone() == null ? "" : patient.phone());
		details.put("birthDate", patient.birthDate().toString());
		document.put("patient", details);
		document.put("visits", visits(patient).stream().map(visit -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", visit.id().toString());
			row.put("start", visit.start().toOffsetDateTime().toString());
			row.put("end", visit.end().toOffsetDateTime().toString());
			row.put("service", visit.service());
			row.put("practitioner", visit.practitioner());
			row.put("where", visit.where());
			row.put("status", visit.status());
			return row;
		}).toList());
		document.put("sessions",
				notes
					.ofPatient(PatientId.of(patient.id()),
							new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), address))
					.stream()
					.map(note -> {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("visit", note.appointmentId().toString());
						row.put("writtenAt", note.writtenAt().toString());
						row.put("painBefore", note.painBefore());
						row.put("painAfter", note.painAfter());
						row.put("note", note.note());
						return row;
					})
					.toList());
		SessionNotes.Actor actor = new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), address);
		document.put("assessments", care.assessments(patient.id(), actor));
		document.put("treatmentPlans", care.plans(patient.id(), actor));
		document.put("questionnaireAnswers", care.answers(patient.id()));
		document.put("payments", money.ledger(patient.id()));
		document.put("packages", money.packages(patient.id()));
		document.put("authorizations", money.authorizations(patient.id()));
		document.put("superbills", money.superbills(me, address, patient.id(), firstVisitDay(patient).orElse(null),
				catalog.virtualZone()));
		return document;
	}

	/**
	 * The patient changes their name or phone, checked by the same rules as when booking;
	 * each change is audited.
	 */
	@Transactional
	public void updateContact(SignedIn me, PatientDetails.Contact contact, String address) {
		Patient patient = patientOf(me);
		patients.updateContact(patient.id(), contact);
		audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patient.id(), "UPDATE",
				"patient-record", null, address, AuditEvent.Outcome.SUCCESS));
	}

	Patient patientOf(SignedIn me) {
		if (me.patientId() == null) {
			throw new NotFound(null, "patient record for this account", me.email());
		}
		return patients.find(me.patientId())
			.orElseThrow(() -> new NotFound(null, "patient", me.patientId().toString()));
	}

	private java.util.Optional<java.time.LocalDate> firstVisitDay(Patient patient) {
		return visits(patient).stream()
			.map(visit -> visit.start().toLocalDate())
			.min(java.util.Comparator.naturalOrder());
	}

	private List<Visit> visits(Patient patient) {
		Map<String, CareService> serviceById = services.byId();
		Map<String, Clinic> clinicById = clinics.byId();
		Map<String, String> names = practitioners.displayNames();
		Instant now = clock.instant();
		return appointments.ofPatient(PatientId.of(patient.id())).stream().map(visit -> {
			String clinicId = visit.location().clinicIdOrNull();
			Clinic clinic = clinicId == null ? null : clinicById.get(clinicId);
			ZoneId zone = clinic == null ? catalog.virtualZone() : clinic.zone();
			CareService service = serviceById.get(visit.serviceId().value());
			return new Visit(visit.id(), ZonedDateTime.ofInstant(visit.start(), zone),
					ZonedDateTime.ofInstant(visit.end(), zone),
					service == null ? visit.serviceId().value() : service.name(),
					names.getOrDefault(visit.practitionerId().value(), visit.practitionerId().value()),
					clinic == null ? "Video visit" : clinic.name(), visit.status().code(),
					"booked".equals(visit.status().code()) && visit.start().isAfter(now), visit.serviceId().value(),
					visit.location().value(), visit.practitionerId().value());
		}).toList();
	}

}
