package org.unknot.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.care.Assessment;
import org.unknot.care.Assessments;
import org.unknot.care.DiagnosisCode;
import org.unknot.care.DiagnosisCodes;
import org.unknot.care.SessionNotes;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.frontdesk.CareAccess;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.WorkingHours;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.Money;
import org.unknot.system.NotFound;

/**
 * Issues superbills: a patient's attended, self-pay visits in a span of days (or one
 * visit), one superbill per clinic that bills them. A video visit is billed by the clinic
 * where its practitioner works in person. Only the patient themself, an admin and the
 * front desk of the patient's clinics get one; each is audited, with the assessment it
 * reads.
 */
@Service
public class Superbills {

	/** A superbill covers at most a year of visits. */
	public static final int MAX_DAYS = 366;

	private final Patients patients;

	private final Appointments appointments;

	private final CareServices services;

	private final Clinics clinics;

	private final Practitioners practitioners;

	private final InsuranceChoices insurance;

	private final Assessments assessments;

	private final DiagnosisCodes codes;

	private final SessionNotes notes;

	private final VideoVisitPlaces places;

	private final CareAccess access;

	private final AuditLog audit;

	private final ObjectProvider<PaymentsReceived> payments;

	private final Clock clock;

	Superbills(Patients patients, Appointments appointments, CareServices services, Clinics clinics,
			Practitioners practitioners, InsuranceChoices insurance, Assessments assessments, DiagnosisCodes codes,
			SessionNotes notes, VideoVisitPlaces places, CareAccess access, AuditLog audit,
			ObjectProvider<PaymentsReceived> payments, Clock clock) {
		this.patients = patients;
		this.appointments = appointments;
		this.services = services;
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.insurance = insurance;
		this.assessments = assessments;
		this.codes = codes;
		this.notes = notes;
		this.places = places;
		this.access = access;
		this.audit = audit;
		this.payments = payments;
		this.clock = clock;
	}

	/**
	 * The superbills of one patient for a span of days, as one document.
	 *
	 * @param paymentsKnown whether a payment ledger answered; without one the bills list
	 * charges only
	 */
	public record Issued(Superbill.Patient patient, LocalDate from, LocalDate to, List<Superbill> bills,
			boolean paymentsKnown) {

		public Issued {
			bills = List.copyOf(bills);
		}

		public boolean empty() {
			return bills.isEmpty();
		}

	}

	/** Who asks, and from where, for the audit trail. */
	public record Asker(SignedIn me, String address) {
	}

	/** Why a superbill is issued: to be read on a page, or downloaded. */
	public enum Use {

		READ, EXPORT

	}

	/**
	 * The span of days from {@code from} to {@code to}, both included; refused (naming
	 * the field) when it runs backwards or is longer than {@link #MAX_DAYS}.
	 */
	public static void checkSpan(LocalDate from, LocalDate to) {
		List<FieldProblem> problems = new ArrayList<>();
		if (to.isBefore(from)) {
			problems.add(new FieldProblem("to", "The last day comes on or after the first."));
		}
		else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			problems.add(
					new FieldProblem("to", "A superbill covers at most " + MAX_DAYS + " days; choose a shorter span."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The span of days cannot be billed as entered.", problems);
		}
	}

	/** The span a superbill page starts with: this year so far. */
	public List<LocalDate> thisYear(ZoneId zone) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return List.of(today.withDayOfYear(1), today);
	}

	@Transactional
	public Issued forSpan(Asker asker, PatientId patientId, LocalDate from, LocalDate to, Use use) {
		checkSpan(from, to);
		Patient patient = allowed(asker.me(), patientId);
		return issue(asker, patient, from, to, visit -> true, use);
	}

	/** The superbill of one attended visit; any other visit is not found. */
	@Transactional
	public Issued forVisit(Asker asker, PatientId patientId, UUID visitId, Use use) {
		Patient patient = allowed(asker.me(), patientId);
		Appointment visit = appointments.find(visitId)
			.filter(found -> patientId.equals(found.patientId()) && found.status() == AppointmentStatus.FULFILLED)
			.orElseThrow(() -> new NotFound("visit", "attended visit", visitId.toString()));
		LocalDate day = LocalDate.ofInstant(visit.start(), clinics.zoneOf(visit.location()));
		return issue(asker, patient, day, day, candidate -> candidate.id().equals(visitId), use);
	}

	/**
	 * Records where the patient was during a video visit of theirs: at home (place of
	 * service 10) or elsewhere (02). Any other visit is not found.
	 */
	@Transactional
	public void recordVideoPlace(Asker asker, PatientId patientId, UUID visitId, boolean patientAtHome) {
		if (asker.me().role() == Role.PATIENT) {
			throw new AccessDeniedException("The front desk records where a video visit took place");
		}
		allowed(asker.me(), patientId);
		appointments.find(visitId)
			.filter(found -> patientId.equals(found.patientId()) && found.location().isVirtual())
			.orElseThrow(() -> new NotFound("visit", "video visit", visitId.toString()));
		places.record(visitId, patientAtHome, actor(asker));
	}

	private Patient allowed(SignedIn me, PatientId patientId) {
		if (me.role() == Role.PATIENT) {
			if (!patientId.value().equals(me.patientId())) {
				throw new NotFound(null, "patient", patientId.toString());
			}
			return patients.get(patientId.value());
		}
		Patient patient = patients.get(patientId.value());
		boolean staff = me.role() == Role.ADMIN || me.role() == Role.FRONT_DESK;
		if (!staff || !access.views(me, patientId)) {
			throw new AccessDeniedException(
					"Superbills are for the patient, the front desk of their clinics and admins");
		}
		return patient;
	}

	private Issued issue(Asker asker, Patient patient, LocalDate from, LocalDate to, Predicate<Appointment> chosen,
			Use use) {
		Map<LocationId, ZoneId> zones = new HashMap<>();
		List<Appointment> attended = appointments.ofPatient(PatientId.of(patient.id()))
			.stream()
			.filter(visit -> visit.status() == AppointmentStatus.FULFILLED && chosen.test(visit))
			.filter(visit -> {
				LocalDate day = dayOf(visit, zones);
				return !day.isBefore(from) && !day.isAfter(to);
			})
			.filter(visit -> insurance.of(visit.id()).map(InsuranceChoice::selfPay).orElse(true))
			.sorted(Comparator.comparing(Appointment::start))
			.toList();
		Superbill.Patient billed = new Superbill.Patient(patient.id(), patient.givenName() + " " + patient.familyName(),
				patient.birthDate(), patient.phone(), patient.email());
		PaymentsReceived ledger = payments.getIfAvailable();
		audit.record(new AuditEvent(actor(asker), asker.me().role().name(), patient.id(), use.name(), "superbill", null,
				asker.address(), AuditEvent.Outcome.SUCCESS));
		if (attended.isEmpty()) {
			return new Issued(billed, from, to, List.of(), ledger != null);
		}
		List<Assessment> assessed = assessments.ofPatient(PatientId.of(patient.id()),
				new SessionNotes.Actor(actor(asker), asker.me().role().name(), asker.address()));
		List<UUID> ids = attended.stream().map(Appointment::id).toList();
		Map<UUID, Integer> minutes = notes.minutesTreated(ids);
		Map<UUID, Boolean> atHome = places.atHome(ids);
		Map<String, CareService> byService = services.byId();
		Map<String, Practitioner> byPractitioner = new HashMap<>();
		practitioners.all().forEach(practitioner -> byPractitioner.put(practitioner.id(), practitioner));
		Map<String, Clinic> byClinic = clinics.byId();
		Map<UUID, Money> feesAtBooking = ledger == null ? Map.of() : ledger.feesAtBooking(ids);
		Map<String, List<Superbill.Visit>> byBillingClinic = new LinkedHashMap<>();
		for (Appointment visit : attended) {
			CareService service = byService.get(visit.serviceId().value());
			Practitioner practitioner = byPractitioner.get(visit.practitionerId().value());
			LocalDate day = dayOf(visit, zones);
			boolean video = visit.location().isVirtual();
			int treated = minutes.getOrDefault(visit.id(),
					(int) Duration.between(visit.start(), visit.end()).toMinutes());
			Superbill.Visit billedVisit = new Superbill.Visit(visit.id(), day,
					PlaceOfService.of(video, atHome.getOrDefault(visit.id(), true)),
					new Superbill.Practitioner(practitioner.displayName(), practitioner.npi(),
							practitioner.taxonomyCode()),
					service.billingCodes(), treated,
					feesAtBooking.getOrDefault(visit.id(), Money.usd(service.priceCents())),
					diagnoses(inForce(assessed, day, zones.get(visit.location()))));
			byBillingClinic.computeIfAbsent(billingClinic(visit, byClinic), clinic -> new ArrayList<>())
				.add(billedVisit);
		}
		List<Superbill.Payment> received = ledger == null ? List.of() : ledger.forVisits(ids);
		List<Superbill> bills = byBillingClinic.entrySet()
			.stream()
			.map(entry -> Superbill.of(billed, clinic(byClinic.get(entry.getKey())), from, to, entry.getValue(),
					received))
			.filter(bill -> !bill.empty())
			.toList();
		return new Issued(billed, from, to, bills, ledger != null);
	}

	private LocalDate dayOf(Appointment visit, Map<LocationId, ZoneId> zones) {
		return LocalDate.ofInstant(visit.start(), zones.computeIfAbsent(visit.location(), clinics::zoneOf));
	}

	/**
	 * The assessment in force on a day: the newest recorded by the end of it; for a visit
	 * before any, the first recorded (a diagnosis written up later still names what was
	 * treated).
	 */
	private static Assessment inForce(List<Assessment> newestFirst, LocalDate day, ZoneId zone) {
		if (newestFirst.isEmpty()) {
			return null;
		}
		Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
		return newestFirst.stream()
			.filter(assessment -> assessment.recordedAt().isBefore(endOfDay))
			.findFirst()
			.orElse(newestFirst.get(newestFirst.size() - 1));
	}

	private List<DiagnosisCode> diagnoses(Assessment assessment) {
		if (assessment == null) {
			return List.of();
		}
		return assessment.diagnosisCodes()
			.stream()
			.map(code -> codes.find(code).orElseGet(() -> new DiagnosisCode(code, code)))
			.toList();
	}

	/**
	 * The clinic of an in-person visit; for a video visit, the first clinic where its
	 * practitioner has hours, or else the network's first clinic.
	 */
	private String billingClinic(Appointment visit, Map<String, Clinic> byClinic) {
		String clinicId = visit.location().clinicIdOrNull();
		if (clinicId != null) {
			return clinicId;
		}
		return practitioners.workingHoursOf(visit.practitionerId())
			.stream()
			.map(WorkingHours::clinicId)
			.filter(id -> id != null && byClinic.containsKey(id))
			.findFirst()
			.orElse(byClinic.keySet().iterator().next());
	}

	private static Superbill.Clinic clinic(Clinic clinic) {
		return new Superbill.Clinic(clinic.name(), clinic.address().street(), clinic.address().city(),
				clinic.address().state(), clinic.address().postalCode(), clinic.phone(), clinic.taxId(), clinic.zone());
	}

	private static String actor(Asker asker) {
		return "account:" + asker.me().accountId();
	}

}
