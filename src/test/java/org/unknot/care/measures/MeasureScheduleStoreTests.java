package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.PlanFixture;
import org.unknot.TestNetwork;
import org.unknot.AsTableOwner;
import org.unknot.UnknotIntegrationTest;
import org.unknot.system.DatabaseLogins;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlans;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.system.NotFound;

@UnknotIntegrationTest
class MeasureScheduleStoreTests {

	static final LocalDate START = LocalDate.of(2027, 3, 1);

	@Autowired
	MeasureSchedules schedules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseLogins logins;

	AsTableOwner owner;

	@Autowired
	Patients patients;

	@Autowired
	Assessments assessments;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlatformTransactionManager transactions;

	UUID plan;

	@BeforeEach
	void aSignedPlan() {
		var network = new TestNetwork(jdbc);
		String therapist = network.therapist();
		UUID patient = patients.identify(new PatientDetails("Theo", "Varga",
				"theo-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1990, 2, 2)));
		plan = new PlanFixture(assessments, plans).signed(patient, therapist, TestNetwork.MASSAGE, 2, 6, START).id();
	}

	@Test
	void keepsAPlansScheduleAndSaysWhatIsDueAtAVisit() {
		schedules.set(plan,
				List.of(ScheduledMeasure.at(BuiltInMeasures.PSFS, Timing.START),
						ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 1),
						ScheduledMeasure.at(BuiltInMeasures.PGIC, Timing.DISCHARGE)));

		assertThat(schedules.of(plan)).hasSize(3);
		assertThat(schedules.dueAt(plan, new UpcomingVisit(1, START, null, START, false, false)))
			.containsExactlyInAnyOrder("psfs", "pain-nrs");
		assertThat(schedules.dueAt(plan,
				new UpcomingVisit(6, START, START.plusWeeks(8), START.plusWeeks(10), false, true)))
			.containsExactlyInAnyOrder("pgic", "pain-nrs");
	}

	@Test
	void refusesAMeasureNobodyDefined() {
		assertThatThrownBy(() -> schedules.set(plan, List.of(ScheduledMeasure.at("nope", Timing.START))))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void refusesAScheduleForAPlanThatDoesNotExist() {
		assertThatThrownBy(() -> schedules.set(UUID.randomUUID(),
				List.of(ScheduledMeasure.at(BuiltInMeasures.PAIN, Timing.START))))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(
				() -> jdbc.sql("INSERT INTO measure_schedule (plan_id, measure, timing) VALUES (?, 'psfs', 'START')")
					.param(UUID.randomUUID())
					.update())
			.as("the database keeps the rule too")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	/**
	 * V51 replayed on lines in the shape they had before it (a plan id with no plan):
	 * those go, the plan's own lines stay. Rolled back, so the shared database keeps its
	 * key.
	 */
	@Test
	void theMigrationRemovesLinesOfNoPlanAndKeepsThePlansOwn() throws IOException {
		String migration = new ClassPathResource("db/migration/V51__measure_schedules_belong_to_plans.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		schedules.set(plan, List.of(ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 2)));
		UUID orphan = UUID.randomUUID();
		// migrations run as the owner of the tables
		owner = AsTableOwner.of(logins);
		JdbcClient jdbc = owner.jdbc();

		List<UUID> kept = owner.transactions().execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("ALTER TABLE measure_schedule DROP CONSTRAINT measure_schedule_plan").update();
			jdbc.sql("INSERT INTO measure_schedule (plan_id, measure, timing) VALUES (?, 'psfs', 'START')")
				.param(orphan)
				.update();
			jdbc.sql(migration).update();
			return jdbc.sql("SELECT plan_id FROM measure_schedule WHERE plan_id IN (?, ?)")
				.params(plan, orphan)
				.query(UUID.class)
				.list();
		});

		assertThat(kept).containsExactly(plan);
		assertThat(schedules.of(plan)).hasSize(1);
	}

}
