package org.unknot.care;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;
import org.unknot.patient.PatientId;

import tools.jackson.databind.ObjectMapper;

/**
 * Treatment plans with every version of their terms and the visits booked for them. The
 * terms (goals and techniques) are sealed, bound to their version; opening a plan is
 * audited.
 */
@Repository
public class TreatmentPlans {

	static final SealedColumn TERMS = new SealedColumn("treatment_plan_version", "id", "terms");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ObjectMapper json;

	private final AuditLog audit;

	private final Appointments appointments;

	private final ApplicationEventPublisher events;

	TreatmentPlans(JdbcClient jdbc, FieldCipher cipher, ObjectMapper json, AuditLog audit, Appointments appointments,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
		this.audit = audit;
		this.appointments = appointments;
		this.events = events;
	}

	@Transactional
	public void save(TreatmentPlan plan) {
		jdbc.sql("""
				INSERT INTO treatment_plan (id, assessment_id, patient_id, practitioner_id, service_id, status,
				    current_version, signed_at, ended_at, discontinue_reason, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, current_version = EXCLUDED.current_version,
				    signed_at = EXCLUDED.signed_at, ended_at = EXCLUDED.ended_at,
				    discontinue_reason = EXCLUDED.discontinue_reason""")
			.params(plan.id(), plan.assessmentId(), plan.patientId(), plan.practitionerId(), plan.serviceId(),
					plan.status().code(), plan.current().number(), timestamp(plan.signedAt()),
					timestamp(plan.endedAt()), plan.discontinueReason(), Timestamp.from(plan.createdAt()))
			.update();
		for (PlanVersion version : plan.versions()) {
			PlanTerms terms = version.terms();
			jdbc.sql("""
					INSERT INTO treatment_plan_version (id, plan_id, version, every_weeks, visits, start_date,
					    review_date, terms, reason, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (id) DO UPDATE SET every_weeks = EXCLUDED.every_weeks, visits = EXCLUDED.visits,
					    start_date = EXCLUDED.start_date, review_date = EXCLUDED.review_date, terms = EXCLUDED.terms,
					    recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
				.params(version.id(), plan.id(), version.number(), terms.everyWeeks(), terms.visits(),
						Date.valueOf(terms.startDate()), Date.valueOf(terms.reviewDate()),
						cipher.seal(json.writeValueAsString(Stored.of(terms)), TERMS.context(version.id())),
						version.reason(), version.recordedBy(), Timestamp.from(version.recordedAt()))
				.update();
		}
		plan.takeEvents().forEach(events::publishEvent);
	}

	/** A plan for the code that acts on it (booking, verbs); not audited as a read. */
	public Optional<TreatmentPlan> find(UUID id) {
		return jdbc.sql("SELECT * FROM treatment_plan WHERE id = ?").param(id).query(this::map).optional();
	}

	/** A plan opened by someone already allowed to see it; audited. */
	@Transactional
	public Optional<TreatmentPlan> open(UUID id, SessionNotes.Actor actor) {
		Optional<TreatmentPlan> plan = find(id);
		plan.ifPresent(found -> audited(actor, found.patientId()));
		return plan;
	}

	/** A patient's plans, newest first; audited when there are any. */
	@Transactional
	public List<TreatmentPlan> ofPatient(PatientId patientId, SessionNotes.Actor actor) {
		List<TreatmentPlan> plans = jdbc
			.sql("SELECT * FROM treatment_plan WHERE patient_id = ? ORDER BY created_at DESC, id")
			.param(patientId.value())
			.query(this::map)
			.list();
		if (!plans.isEmpty()) {
			audited(actor, patientId.value());
		}
		return plans;
	}

	/** Links a visit booked for the plan; linking it again changes nothing. */
	public void link(UUID planId, UUID appointmentId, Instant at) {
		jdbc.sql("INSERT INTO plan_visit (plan_id, appointment_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(planId, appointmentId, Timestamp.from(at))
			.update();
	}

	public PlanProgress progress(TreatmentPlan plan) {
		List<Appointment> visits = jdbc.sql("SELECT appointment_id FROM plan_visit WHERE plan_id = ?")
			.param(plan.id())
			.query(UUID.class)
			.list()
			.stream()
			.map(appointments::find)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Appointment::start))
			.toList();
		return new PlanProgress(plan.terms().visits(), visits);
	}

	private void audited(SessionNotes.Actor actor, UUID patientId) {
		audit.record(new AuditEvent(actor.id(), actor.role(), patientId, "READ", "treatment-plan", null,
				actor.address(), AuditEvent.Outcome.SUCCESS));
	}

	private TreatmentPlan map(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new TreatmentPlan(id, rs.getObject("assessment_id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("practitioner_id"), rs.getString("service_id"), rs.getTimestamp("created_at").toInstant(),
				versions(id), PlanStatus.ofCode(rs.getString("status")), instant(rs.getTimestamp("signed_at")),
				instant(rs.getTimestamp("ended_at")), rs.getString("discontinue_reason"));
	}

	private List<PlanVersion> versions(UUID planId) {
		return jdbc.sql("SELECT * FROM treatment_plan_version WHERE plan_id = ? ORDER BY version")
			.param(planId)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				Stored stored = json.readValue(cipher.open(rs.getString("terms"), TERMS.context(id)), Stored.class);
				PlanTerms terms = stored.terms(rs.getInt("every_weeks"), rs.getInt("visits"),
						rs.getObject("start_date", LocalDate.class), rs.getObject("review_date", LocalDate.class));
				return new PlanVersion(id, rs.getInt("version"), terms, rs.getString("reason"),
						rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
			})
			.list();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** The sealed JSON form of what is clinical in the terms. */
	record Stored(List<Goal> goals, List<String> techniques) {

		static Stored of(PlanTerms terms) {
			return new Stored(terms.goals(), terms.techniquesInOrder().stream().map(Enum::name).toList());
		}

		PlanTerms terms(int everyWeeks, int visits, LocalDate start, LocalDate review) {
			return new PlanTerms(goals, techniques.stream().map(Technique::valueOf).collect(Collectors.toSet()),
					everyWeeks, visits, start, review);
		}
	}

	/** Declares the sealed column, so that re-encryption moves it to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn planTerms() {
			return TERMS;
		}

	}

}
