package org.unknot.insurance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.AppointmentMarkedNoShow;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinics;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.patient.PatientId;

/**
 * Payers' authorizations and the visits counted against them. A visit booked under a plan
 * for which the patient has an authorization covering the service must fit one: within
 * its dates and under its cap. A single visit that fits none is refused for that payer
 * (the patient can still book it as self-pay); in a series, each visit that fits none is
 * booked as not covered, so the series says which of its visits are. Without an
 * authorization on file for the service, booking under the plan is as before.
 */
@Service
public class Authorizations {

	static final int REFERENCE_MAX = 60;

	static final int VISITS_MAX = 365;

	private final JdbcClient jdbc;

	private final InsurancePlans plans;

	private final CareServices services;

	private final Clinics clinics;

	private final Clock clock;

	Authorizations(JdbcClient jdbc, InsurancePlans plans, CareServices services, Clinics clinics, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.services = services;
		this.clinics = clinics;
		this.clock = clock;
	}

	/**
	 * What the front desk types from the payer's letter; null where nothing readable was
	 * typed.
	 */
	public record Terms(String planId, String reference, Integer visits, LocalDate firstDay, LocalDate lastDay,
			List<String> serviceIds, List<String> cptCodes) {
	}

	/** Records an authorization for a patient; answers its id. */
	@Transactional
	public UUID record(PatientId patientId, Terms terms) {
		List<FieldProblem> problems = problems(terms);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The authorization cannot be recorded as entered.", problems);
		}
		UUID id = UUID.randomUUID();
		int written = jdbc.sql("""
				INSERT INTO insurance_authorization (id, patient_id, plan_id, reference, visits, first_day, last_day,
				    service_ids, cpt_codes, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (plan_id, reference) DO NOTHING""")
			.params(id, patientId.value(), terms.planId(), terms.reference().strip(), terms.visits(), terms.firstDay(),
					terms.lastDay(), distinct(terms.serviceIds()), distinct(cptCodes(terms.cptCodes())),
					Timestamp.from(clock.instant()))
			.update();
		if (written == 0) {
			throw new InvalidRequest("reference",
					"This plan already has an authorization with reference " + terms.reference().strip() + ".");
		}
		return id;
	}

	/** A patient's authorizations, the latest ending first. */
	@Transactional(readOnly = true)
	public List<Authorization> of(PatientId patientId) {
		return load("WHERE a.patient_id = ? ORDER BY a.last_day DESC, a.reference", patientId.value());
	}

	/**
	 * Every authorization still running with {@link Authorization#FEW_VISITS} visits or
	 * {@link Authorization#FEW_DAYS} days left, the soonest ending first.
	 */
	@Transactional(readOnly = true)
	public List<Authorization> runningLow(LocalDate today) {
		return load("WHERE a.last_day >= ? ORDER BY a.last_day, a.reference", today).stream()
			.filter(authorization -> authorization.runningLow(today))
			.toList();
	}

	/**
	 * Counts a visit just booked against the authorization it fits, and answers the payer
	 * choice to record for it: covered when it fits one, not covered when it is one of a
	 * series that fits none.
	 * @throws InvalidRequest naming {@code payer.plan} when a single visit fits none
	 */
	@Transactional
	public InsuranceChoice count(Appointment visit, InsuranceChoice choice, boolean oneOfSeries) {
		if (choice.selfPay() || visit.patientId() == null) {
			return choice;
		}
		CareService service = services.get("service", visit.serviceId().value());
		List<Authorization> candidates = covering(visit.patientId().value(), choice.planId(), service);
		if (candidates.isEmpty()) {
			return choice;
		}
		LocalDate day = visit.start().atZone(clinics.zoneOf(visit.location())).toLocalDate();
		Optional<Authorization> fits = candidates.stream()
			.filter(authorization -> authorization.coversDay(day) && authorization.left() > 0)
			.findFirst();
		if (fits.isPresent()) {
			jdbc.sql("INSERT INTO authorized_visit (appointment_id, authorization_id, counted_at) VALUES (?, ?, ?)")
				.params(visit.id(), fits.get().id(), Timestamp.from(clock.instant()))
				.update();
			return new InsuranceChoice(choice.planId(), choice.memberId(), true);
		}
		if (oneOfSeries) {
			return new InsuranceChoice(choice.planId(), choice.memberId(), false);
		}
		throw new InvalidRequest("payer.plan", refusal(candidates, day, service)
				+ " Book this visit as self-pay, or ask the front desk about a new authorization.");
	}

	/**
	 * The patient's authorizations of this plan that cover the service, each locked for
	 * the count that follows, the soonest ending first.
	 */
	private List<Authorization> covering(UUID patientId, String planId, CareService service) {
		return jdbc.sql("""
				SELECT id FROM insurance_authorization
				 WHERE patient_id = ? AND plan_id = ? AND (? = ANY (service_ids) OR cpt_codes && ?::text[])
				 ORDER BY last_day, id FOR UPDATE""")
			.params(patientId, planId, service.id(), service.billingCodes().toArray(String[]::new))
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> load("WHERE a.id = ?", id).get(0))
			.toList();
	}

	/** The authorization a visit counts against, if any. */
	@Transactional(readOnly = true)
	public Optional<Authorization> countedFor(UUID appointmentId) {
		return load("WHERE a.id = (SELECT authorization_id FROM authorized_visit WHERE appointment_id = ?)",
				appointmentId)
			.stream()
			.findFirst();
	}

	/**
	 * A cancelled visit is given back to its authorization, in the cancellation's own
	 * transaction (so it is back exactly when the cancellation commits).
	 */
	@EventListener
	void on(AppointmentCancelled cancelled) {
		release(cancelled.appointmentId());
	}

	/**
	 * A missed visit is given back to its authorization as well: payers pay for visits
	 * that took place, not for no-shows, so a visit the patient did not come to uses none
	 * of the visits they authorized. (A package credit, by contrast, stays spent: the
	 * clinic kept the time.)
	 */
	@EventListener
	void on(AppointmentMarkedNoShow missed) {
		release(missed.appointmentId());
	}

	/** Gives a visit back to the authorization it counted against, if any. */
	@Transactional
	public void release(UUID appointmentId) {
		jdbc.sql("UPDATE authorized_visit SET released_at = ? WHERE appointment_id = ? AND released_at IS NULL")
			.params(Timestamp.from(clock.instant()), appointmentId)
			.update();
	}

	/**
	 * Checks a visit just moved against the authorization it counts against: still within
	 * its dates, nothing changes; otherwise it counts against another authorization of
	 * the same plan that covers the new day and has a visit left. Answers why no
	 * authorization covers it at its new time, if none does (it then still counts where
	 * it did, for the caller to refuse the move or to {@link #release} it).
	 */
	@Transactional
	public Optional<String> recount(Appointment moved) {
		Optional<Authorization> counted = jdbc.sql("""
				SELECT authorization_id FROM authorized_visit WHERE appointment_id = ? AND released_at IS NULL""")
			.param(moved.id())
			.query(UUID.class)
			.optional()
			.map(id -> load("WHERE a.id = ?", id).get(0));
		LocalDate day = moved.start().atZone(clinics.zoneOf(moved.location())).toLocalDate();
		if (counted.isEmpty() || counted.get().coversDay(day)) {
			return Optional.empty();
		}
		CareService service = services.get("service", moved.serviceId().value());
		List<Authorization> candidates = covering(moved.patientId().value(), counted.get().planId(), service);
		Optional<Authorization> fits = candidates.stream()
			.filter(authorization -> authorization.coversDay(day) && authorization.left() > 0)
			.findFirst();
		if (fits.isPresent()) {
			jdbc.sql("UPDATE authorized_visit SET authorization_id = ?, counted_at = ? WHERE appointment_id = ?")
				.params(fits.get().id(), Timestamp.from(clock.instant()), moved.id())
				.update();
			return Optional.empty();
		}
		return Optional.of(refusal(candidates, day, service));
	}

	private String refusal(List<Authorization> candidates, LocalDate day, CareService service) {
		Authorization nearest = candidates.stream()
			.filter(authorization -> authorization.coversDay(day))
			.findFirst()
			.orElse(candidates.get(candidates.size() - 1));
		String what = nearest.planName() + " authorized " + nearest.visits() + " visits for " + service.name() + " ("
				+ nearest.window() + ", reference " + nearest.reference() + ")";
		String why = nearest.coversDay(day) ? ": all of them are booked or used." : ", and "
				+ DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US).format(day) + " is outside those dates.";
		return what + why;
	}

	private List<FieldProblem> problems(Terms terms) {
		List<FieldProblem> problems = new ArrayList<>();
		if (terms.planId() == null || plans.any(terms.planId()).isEmpty()) {
			problems.add(new FieldProblem("planId", "Choose the plan that gave the authorization."));
		}
		if (terms.reference() == null || terms.reference().isBlank()) {
			problems.add(new FieldProblem("reference", "Enter the payer's reference number from the authorization."));
		}
		else if (terms.reference().strip().length() > REFERENCE_MAX) {
			problems.add(new FieldProblem("reference", "Keep the reference to " + REFERENCE_MAX + " characters."));
		}
		if (terms.visits() == null || terms.visits() < 1 || terms.visits() > VISITS_MAX) {
			problems.add(
					new FieldProblem("visits", "Enter how many visits were authorized, from 1 to " + VISITS_MAX + "."));
		}
		if (terms.firstDay() == null) {
			problems.add(new FieldProblem("firstDay", "Enter the first day the authorization covers."));
		}
		if (terms.lastDay() == null) {
			problems.add(new FieldProblem("lastDay", "Enter the last day the authorization covers."));
		}
		else if (terms.firstDay() != null && terms.lastDay().isBefore(terms.firstDay())) {
			problems.add(new FieldProblem("lastDay", "The last day cannot come before the first."));
		}
		else if (terms.firstDay() != null && terms.lastDay().isAfter(terms.firstDay().plusYears(2))) {
			problems.add(new FieldProblem("lastDay", "An authorization covers at most two years."));
		}
		List<String> serviceIds = terms.serviceIds() == null ? List.of() : terms.serviceIds();
		List<String> codes = cptCodes(terms.cptCodes());
		serviceIds.stream()
			.filter(id -> services.find(id).isEmpty())
			.findFirst()
			.ifPresent(unknown -> problems.add(new FieldProblem("services", "There is no service '" + unknown + "'.")));
		codes.stream()
			.filter(code -> !code.matches("[0-9]{4}[0-9A-Z]"))
			.findFirst()
			.ifPresent(bad -> problems
				.add(new FieldProblem("cptCodes", "'" + bad + "' is not a CPT code: five characters, such as 97110.")));
		if (serviceIds.isEmpty() && codes.isEmpty()) {
			problems.add(new FieldProblem("services", "Choose the services it covers, or enter its CPT codes."));
		}
		return problems;
	}

	private static List<String> cptCodes(List<String> typed) {
		return typed == null ? List.of()
				: typed.stream()
					.map(code -> code.strip().toUpperCase(Locale.ROOT))
					.filter(code -> !code.isEmpty())
					.toList();
	}

	private static String[] distinct(List<String> values) {
		Set<String> kept = new LinkedHashSet<>(values == null ? List.of() : values);
		return kept.toArray(String[]::new);
	}

	private List<Authorization> load(String where, Object... params) {
		return jdbc.sql("""
				SELECT a.*, p.name AS plan_name,
				       (SELECT count(*) FROM authorized_visit v
				         WHERE v.authorization_id = a.id AND v.released_at IS NULL) AS used
				  FROM insurance_authorization a JOIN insurance_plan p ON p.id = a.plan_id
				""" + where).params(params).query(Authorizations::authorization).list();
	}

	private static Authorization authorization(ResultSet rs, int n) throws SQLException {
		return new Authorization(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("plan_id"), rs.getString("plan_name"), rs.getString("reference"), rs.getInt("visits"),
				rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
				strings(rs.getArray("service_ids")), strings(rs.getArray("cpt_codes")), rs.getInt("used"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
