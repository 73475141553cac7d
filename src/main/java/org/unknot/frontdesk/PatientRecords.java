package org.unknot.frontdesk;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditEvent.Outcome;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.care.Intakes;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.care.SessionNote;
import org.unknot.care.SessionNotes;
import org.unknot.system.NotFound;
import org.unknot.patient.PatientId;

/**
 * Opens a patient's record for a staff member, and writes who, what, when, from where and
 * the outcome to the audit trail every time. Practitioners see the patients they treat;
 * the front desk the patients of their clinics; admins any. Anyone else must give a
 * reason ("break-glass"), which is audited and shown to admins.
 */
@Service
public class PatientRecords {

	static final int MIN_REASON = 10;

	private final Patients patients;

	private final Appointments appointments;

	private final CareServices services;

	private final Clinics clinics;

	private final CatalogProperties catalog;

	private final AuditLog audit;

	private final SessionNotes notes;

	private final Intakes intakes;

	private final InsuranceChoices insurance;

	PatientRecords(Patients patients, Appointments appointments, CareServices services, Clinics clinics,
			CatalogProperties catalog, AuditLog audit, SessionNotes notes, Intakes intakes,
			InsuranceChoices insurance) {
		this.notes = notes;
		this.intakes = intakes;
		this.insurance = insurance;
		this.patients = patients;
		this.appointments = appointments;
		this.services = services;
		this.clinics = clinics;
		this.catalog = catalog;
		this.audit = audit;
	}

	/**
	 * {@code notes} are empty for the front desk: the minimum necessary for scheduling
	 * leaves them out.
	 */
	public record PatientRecord(Patient patient, List<Visit> visits, List<SessionNote> notes, boolean brokeGlass) {

		/**
		 * When a session record was written, in the zone of its visit's clinic (UTC only
		 * if its visit is not among the patient's).
		 */
		public java.time.ZonedDateTime writtenAt(SessionNote note) {
			ZoneId zone = visits.stream()
				.filter(visit -> visit.id().equals(note.appointmentId()))
				.map(visit -> visit.start().getZone())
				.findFirst()
				.orElse(java.time.ZoneOffset.UTC);
			return note.writtenAt().atZone(zone);
		}

	}

	/**
	 * One visit in a patient's history: when, what, with whom, where, how it ended, and
	 * (for those who may see them) the intake given for it and how it is paid.
	 */
	public record Visit(UUID id, ZonedDateTime start, String service, String practitionerId, String where,
			String status, Intakes.RecordedIntake intake, InsuranceChoice insurance) {
	}

	/**
	 * A staff member without a treating relationship who gave no (or too short a) reason.
	 */
	public static class ReasonRequired extends RuntimeException {

		ReasonRequired() {
			super("A reason is needed to open the record of a patient you do not treat.");
		}

	}

	@Transactional
	public PatientRecord open(SignedIn me, PatientId whose, String reason, String address) {
		UUID patientId = whose.value();
		Patient patient = patients.find(patientId)
			.orElseThrow(() -> new NotFound(null, "patient", patientId.toString()));
		List<Appointment> visits = appointments.ofPatient(whose);
		boolean entitled = entitled(me, visits);
		boolean brokeGlass = false;
		if (!entitled) {
			if (reason == null || reason.strip().length() < MIN_REASON) {
				audit.recordRegardless(event(me, patientId, null, address, Outcome.DENIED));
				throw new ReasonRequired();
			}
			brokeGlass = true;
		}
		audit.record(event(me, patientId, brokeGlass ? reason.strip() : null, address, Outcome.SUCCESS));
		List<Visit> history = entries(visits, me.role() != Role.FRONT_DESK);
		if (history.stream().anyMatch(visit -> visit.intake() != null)) {
			audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patientId, "READ", "intake",
					brokeGlass ? reason.strip() : null, address, Outcome.SUCCESS));
		}
		if (history.stream().anyMatch(visit -> visit.insurance() != null)) {
			audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patientId, "READ", "insurance",
					brokeGlass ? reason.strip() : null, address, Outcome.SUCCESS));
		}
		List<SessionNote> sessionNotes = me.role() == Role.FRONT_DESK ? List.of() : notes.ofPatient(whose,
				new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), address));
		return new PatientRecord(patient, history, sessionNotes, brokeGlass);
	}

	/**
	 * The patients among these whom this staff member may see without giving a reason:
	 * for lists of patients that show only those (a front desk its own clinics'
	 * patients), in the order given.
	 */
	@Transactional(readOnly = true)
	public List<UUID> theirs(SignedIn me, List<UUID> patientIds) {
		if (me.role() == Role.ADMIN) {
			return patientIds;
		}
		return patientIds.stream()
			.filter(patient -> entitled(me, appointments.ofPatient(PatientId.of(patient))))
			.toList();
	}

	/** Whether this staff member has a reason of their own to see this patient. */
	static boolean entitled(SignedIn me, List<Appointment> visits) {
		if (me.role() == Role.ADMIN) {
			return true;
		}
		if (me.role() == Role.PRACTITIONER) {
			return visits.stream().anyMatch(visit -> visit.practitionerId().value().equals(me.practitionerId()));
		}
		if (me.role() == Role.FRONT_DESK) {
			return visits.stream()
				.anyMatch(visit -> visit.location().clinicIdOrNull() != null
						&& me.clinicIds().contains(visit.location().clinicIdOrNull()));
		}
		return false;
	}

	/**
	 * The front desk sees how visits are paid, not what patients said of their health.
	 */
	private List<Visit> entries(List<Appointment> visits, boolean withIntake) {
		Map<String, CareService> byId = services.byId();
		Map<String, Clinic> clinicById = clinics.byId();
		return visits.stream().map(visit -> {
			String clinicId = visit.location().clinicIdOrNull();
			ZoneId zone = clinics.zoneOf(visit.location());
			String where = clinicId == null ? "Video visit" : clinicById.get(clinicId).name();
			CareService service = byId.get(visit.serviceId().value());
			return new Visit(visit.id(), ZonedDateTime.ofInstant(visit.start(), zone),
					service == null ? visit.serviceId().value() : service.name(), visit.practitionerId().value(), where,
					visit.status().label(), withIntake ? intakes.of(visit.id()).orElse(null) : null,
					insurance.of(visit.id()).orElse(null));
		}).toList();
	}

	private static AuditEvent event(SignedIn me, UUID patientId, String reason, String address, Outcome outcome) {
		return new AuditEvent("account:" + me.accountId(), me.role().name(), patientId, "READ", "patient-record",
				reason, address, outcome);
	}

}
