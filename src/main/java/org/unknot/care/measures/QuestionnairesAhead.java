package org.unknot.care.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.care.PlanProgress;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.Clinics;
import org.unknot.patient.PatientId;

/**
 * Sends each plan visit's questionnaire ahead of it, when the plan's measure schedule
 * asks for one at that visit. One node at a time runs the job (it holds a lease in
 * {@code job_lease}); and each visit is looked at in the transaction that sends its
 * questionnaire, under a row keyed by the visit, so even two nodes running at once (a
 * lease that ran out mid-run) send a visit's questionnaire exactly once.
 */
public class QuestionnairesAhead {

	static final String JOB = "questionnaires-ahead";

	private static final Logger log = LoggerFactory.getLogger(QuestionnairesAhead.class);

	private final String node;

	private final JdbcClient jdbc;

	private final JobLeases leases;

	private final TreatmentPlans plans;

	private final QuestionnaireRequests requests;

	private final Clinics clinics;

	private final QuestionnaireProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	QuestionnairesAhead(String node, JdbcClient jdbc, JobLeases leases, TreatmentPlans plans,
			QuestionnaireRequests requests, Clinics clinics, QuestionnaireProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.node = node;
		this.jdbc = jdbc;
		this.leases = leases;
		this.plans = plans;
		this.requests = requests;
		this.clinics = clinics;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * If this node holds (or can take) the job's lease, looks at every plan visit
	 * starting within the lead time that has not been looked at, and sends what is due;
	 * answers how many questionnaires went out.
	 */
	public int run() {
		Instant now = clock.instant();
		if (!leases.take(JOB, node, now, now.plus(properties.lease()))) {
			return 0;
		}
		int sent = 0;
		for (PlanVisit visit : unchecked(now)) {
			if (check(visit)) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Looks at one plan visit now, whatever its lead time (as the demo does for its first
	 * visit), under the same once-per-visit row as the job; true if a questionnaire went
	 * out.
	 */
	public boolean checkNow(UUID planId, UUID appointmentId) {
		return check(new PlanVisit(planId, appointmentId));
	}

	/** A visit booked for a plan. */
	record PlanVisit(UUID planId, UUID appointmentId) {
	}

	private List<PlanVisit> unchecked(Instant now) {
		return jdbc.sql("""
				SELECT pv.plan_id, pv.appointment_id FROM plan_visit pv
				JOIN appointment a ON a.id = pv.appointment_id
				JOIN treatment_plan p ON p.id = pv.plan_id
				WHERE a.status = 'booked' AND a.start_at > ? AND a.start_at <= ?
				  AND p.status IN ('active', 'under-review')
				  AND EXISTS (SELECT 1 FROM measure_schedule s WHERE s.plan_id = pv.plan_id)
				  AND NOT EXISTS (SELECT 1 FROM questionnaire_visit_check c WHERE c.appointment_id = pv.appointment_id)
				ORDER BY a.start_at""")
			.params(Timestamp.from(now), Timestamp.from(now.plus(properties.ahead())))
			.query((rs, n) -> new PlanVisit(rs.getObject("plan_id", UUID.class),
					rs.getObject("appointment_id", UUID.class)))
			.list();
	}

	/**
	 * Looks at one visit, once: the check row and the questionnaire commit together, and
	 * a second node's insert of the same row waits for the first and then finds it there.
	 */
	boolean check(PlanVisit visit) {
		return Boolean.TRUE.equals(transaction.execute(status -> {
			int first = jdbc.sql("""
					INSERT INTO questionnaire_visit_check (appointment_id, plan_id, checked_by, checked_at)
					VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(visit.appointmentId(), visit.planId(), node, Timestamp.from(clock.instant()))
				.update();
			if (first == 0) {
				return false;
			}
			Optional<QuestionnaireRequests.Sent> sent = send(visit);
			sent.ifPresent(
					done -> jdbc.sql("UPDATE questionnaire_visit_check SET request_id = ? WHERE appointment_id = ?")
						.params(done.id(), visit.appointmentId())
						.update());
			return sent.isPresent();
		}));
	}

	private Optional<QuestionnaireRequests.Sent> send(PlanVisit visit) {
		TreatmentPlan plan = plans.find(visit.planId()).orElse(null);
		if (plan == null) {
			return Optional.empty();
		}
		PlanProgress progress = plans.progress(plan);
		List<Appointment> counted = progress.visits().stream().filter(Appointment::live).toList();
		Appointment appointment = counted.stream()
			.filter(candidate -> candidate.id().equals(visit.appointmentId()))
			.findFirst()
			.filter(found -> found.status() == AppointmentStatus.BOOKED)
			.orElse(null);
		if (appointment == null) {
			return Optional.empty();
		}
		ZoneId zone = clinics.zoneOf(appointment.location());
		UpcomingVisit upcoming = upcoming(plan, counted, appointment, zone);
		Optional<QuestionnaireRequests.Sent> sent = requests.sendDue(plan.id(), PatientId.of(plan.patientId()),
				appointment.id(), upcoming, appointment.start(), zone);
		sent.ifPresent(done -> log.info("Questionnaire {} sent ahead of plan visit {}", done.id(), appointment.id()));
		return sent;
	}

	/**
	 * The visit's place in the plan: its number among the plan's visits that count (done
	 * or booked, earliest first), the day of the one before, whether the plan is reviewed
	 * at it (the first visit on or after the review date) and whether it is the last.
	 */
	static UpcomingVisit upcoming(TreatmentPlan plan, List<Appointment> counted, Appointment visit, ZoneId zone) {
		int index = counted.indexOf(visit);
		LocalDate day = LocalDate.ofInstant(visit.start(), zone);
		LocalDate previous = index == 0 ? null : LocalDate.ofInstant(counted.get(index - 1).start(), zone);
		LocalDate reviewDate = plan.terms().reviewDate();
		boolean review = !day.isBefore(reviewDate) && (previous == null || previous.isBefore(reviewDate));
		return new UpcomingVisit(index + 1, plan.terms().startDate(), previous, day, review,
				index + 1 == plan.terms().visits());
	}

}
