package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.PlanFixture;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.visit.BookedBy;
import org.unknot.visit.PlanBooking;

/**
 * The job that sends a plan visit's questionnaire ahead of it: what the schedule asks at
 * each visit, nothing twice, one node at a time, and still once per visit when two nodes
 * run at once.
 */
@UnknotIntegrationTest
class QuestionnairesAheadTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Patients patients;

	@Autowired
	Assessments assessments;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanBooking planBooking;

	@Autowired
	BookingDesk desk;

	@Autowired
	MeasureSchedules schedules;

	@Autowired
	JobLeases leases;

	JobNodes nodes;

	String clinic;

	TreatmentPlan plan;

	List<Appointment> visits;

	@BeforeEach
	void aWeeklyPlanOfFourVisitsBooked() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		nodes = new JobNodes(context).fresh();
		UUID patient = patients.identify(new PatientDetails("Ines", "Marlow",
				"ines-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1979, 4, 4)));
		plan = new PlanFixture(assessments, plans).signed(patient, therapist, TestNetwork.MASSAGE, 1, 4, MONDAY);
		schedules.set(plan.id(),
				List.of(ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 2),
						ScheduledMeasure.at(BuiltInMeasures.PGIC, Timing.REVIEW),
						ScheduledMeasure.at(BuiltInMeasures.PSFS, Timing.DISCHARGE)));
		planBooking.bookCourse(plan.id(), LocationId.ofClinic(clinic), at(MONDAY, 10),
				BookedBy.staff(UUID.randomUUID(), "FRONT_DESK"));
		visits = plans.progress(plan).visits();
		assertThat(visits).hasSize(4);
	}

	@Nested
	class OnOneNode {

		@Test
		void sendsWhatTheScheduleAsksAtEachVisitAndNothingTwice() {
			QuestionnairesAhead job = node("a", visits.get(0).start().minus(Duration.ofDays(1)), Duration.ofDays(30));

			assertThat(job.run()).isEqualTo(3);
			assertThat(job.run()).isZero();

			assertThat(asked(visits.get(0))).containsExactly(List.of(BuiltInMeasures.PAIN));
			assertThat(asked(visits.get(1))).isEmpty();
			assertThat(asked(visits.get(2))).containsExactly(List.of(BuiltInMeasures.PAIN, BuiltInMeasures.PGIC));
			assertThat(asked(visits.get(3))).containsExactly(List.of(BuiltInMeasures.PSFS));
			assertThat(messagesFor(visits)).isEqualTo(3);
			assertThat(expiry(visits.get(0))).isEqualTo(visits.get(0).start());
		}

		@Test
		void sendsOnlyForVisitsWithinTheLeadTime() {
			QuestionnairesAhead job = node("a", visits.get(0).start().minus(Duration.ofDays(1)), Duration.ofDays(2));

			assertThat(job.run()).isEqualTo(1);

			assertThat(asked(visits.get(0))).hasSize(1);
			assertThat(asked(visits.get(2))).isEmpty();
		}

		@Test
		void sendsNothingForACancelledVisit() {
			desk.cancelForClinic(visits.get(0).id(), "Patient away");

			QuestionnairesAhead job = node("a", visits.get(0).start().minus(Duration.ofDays(1)), Duration.ofDays(2));

			assertThat(job.run()).isZero();
			assertThat(asked(visits.get(0))).isEmpty();
		}

	}

	@Nested
	class OnTwoNodes {

		@Test
		void onlyTheLeaseHolderRunsUntilItsLeaseRunsOut() {
			Instant now = visits.get(0).start().minus(Duration.ofDays(3));
			QuestionnairesAhead a = node("a", now, Duration.ofDays(30));
			leases.take(QuestionnairesAhead.JOB, "a", now, now.plus(Duration.ofMinutes(15)));

			assertThat(node("b", now.plus(Duration.ofMinutes(14)), Duration.ofDays(30)).run()).isZero();
			assertThat(asked(visits.get(0))).isEmpty();

			assertThat(node("b", now.plus(Duration.ofMinutes(15)), Duration.ofDays(30)).run()).isEqualTo(3);
			assertThat(a.run()).isZero();
			assertThat(holder()).isEqualTo("b");
		}

		@Test
		void twoNodesLookingAtTheSameVisitsAtOnceSendEachOnce() throws Exception {
			Instant now = visits.get(0).start().minus(Duration.ofDays(1));
			List<QuestionnairesAhead> nodes = List.of(node("a", now, Duration.ofDays(30)),
					node("b", now, Duration.ofDays(30)));
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> sent = new ArrayList<>();
				for (QuestionnairesAhead node : nodes) {
					sent.add(pool.submit(() -> {
						int count = 0;
						for (Appointment visit : visits) {
							together.await();
							if (node.check(new QuestionnairesAhead.PlanVisit(plan.id(), visit.id()))) {
								count++;
							}
						}
						return count;
					}));
				}
				assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(3);
			}
			finally {
				pool.shutdownNow();
			}
			for (Appointment visit : visits) {
				assertThat(asked(visit)).hasSizeLessThanOrEqualTo(1);
			}
			assertThat(messagesFor(visits)).isEqualTo(3);
		}

	}

	private QuestionnairesAhead node(String name, Instant now, Duration ahead) {
		return nodes.node(name, now, ahead);
	}

	private List<List<String>> asked(Appointment visit) {
		return jdbc.sql("SELECT measures FROM questionnaire_request WHERE appointment_id = ?")
			.param(visit.id())
			.query(String.class)
			.list()
			.stream()
			.map(codes -> List.of(codes.split(",")))
			.toList();
	}

	private Instant expiry(Appointment visit) {
		return jdbc.sql("SELECT expires_at FROM questionnaire_request WHERE appointment_id = ?")
			.param(visit.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private long messagesFor(List<Appointment> visits) {
		return jdbc.sql("""
				SELECT count(*) FROM outbox_message m JOIN questionnaire_request r ON r.id = m.subject_id
				WHERE m.kind = 'QUESTIONNAIRE_DUE' AND m.channel = 'EMAIL' AND r.appointment_id = ANY (?)""")
			.param(visits.stream().map(Appointment::id).toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private String holder() {
		return jdbc.sql("SELECT owner FROM job_lease WHERE job = ?")
			.param(QuestionnairesAhead.JOB)
			.query(String.class)
			.single();
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(LocalTime.of(hour, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant();
	}

}
