package org.unknot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.MovableClock;
import org.unknot.UnknotIntegrationTest;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.OutcomeGroup;
import org.unknot.care.measures.Outcomes;
import org.unknot.care.measures.Progress;
import org.unknot.patient.PatientId;

/**
 * The demo loaded as a first start loads it, on days chosen to be awkward (the clock
 * changes, the weeks of Christmas and New Year, the ends of months, each day of the
 * weekend, late at night when New York's date is not UTC's) and on seeded random days of
 * 2027, keeps every promise it makes: the patient's course whole, no visit on a closed
 * day, outside hours or on top of another, every plan's story in order, the curves and
 * the superbill's visits there.
 *
 * <p>
 * Each load runs in a transaction rolled back at the end, so that the next finds the
 * database empty as a first start does, in milliseconds rather than a new application.
 */
@UnknotIntegrationTest
class DemoOnEveryDateTests {

	static final ZoneId NEW_YORK = ZoneId.of(DemoClinics.ZONE);

	static final MovableClock CLOCK = new MovableClock();

	@TestBean(name = "clock", methodName = "movableClock")
	Clock clock;

	static Clock movableClock() {
		return CLOCK;
	}

	@Autowired
	DemoNetwork network;

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	Outcomes outcomes;

	@Autowired
	Progress progress;

	static Stream<LocalDateTime> awkwardDays() {
		List<LocalDateTime> days = new ArrayList<>(List.of(
				// the clocks go forward at 2 AM, and back at 2 AM
				LocalDateTime.parse("2027-03-14T09:00"), LocalDateTime.parse("2027-11-07T01:30"),
				// the week before Christmas, and before New Year (late: UTC's date is the
				// next)
				LocalDateTime.parse("2027-12-18T10:00"), LocalDateTime.parse("2027-12-27T23:30"),
				// a Friday, a Saturday (the Sundays are the clock changes and February's
				// end)
				LocalDateTime.parse("2027-04-16T12:00"), LocalDateTime.parse("2027-06-05T07:00"),
				// the last day of a month, and of February
				LocalDateTime.parse("2027-09-30T16:00"), LocalDateTime.parse("2027-02-28T00:15")));
		Random random = new Random(2027);
		for (int n = 0; n < 2; n++) {
			days.add(LocalDate.of(2027, 1, 1)
				.plusDays(random.nextInt(365))
				.atTime(LocalTime.of(random.nextInt(24), random.nextInt(4) * 15)));
		}
		return days.stream();
	}

	@ParameterizedTest(name = "loaded on {0}, New York time")
	@MethodSource("awkwardDays")
	void keepsEveryPromiseWhateverTheDayItLoads(LocalDateTime loadedAt) {
		CLOCK.set(loadedAt.atZone(NEW_YORK).toInstant());
		long[] referenceVersion = new long[1];
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			try {
				assertThat(network.loadIfEmpty()).as("an empty database").isTrue();
				keepsItsPromises(loader.loadPeople().orElseThrow());
			}
			finally {
				referenceVersion[0] = jdbc.sql("SELECT version FROM reference_version").query(Long.class).single();
			}
		});
		// the load is rolled back, but availability's snapshot of it stays in memory
		// under
		// its version; the next load must start past it, or would be answered from it
		jdbc.sql("UPDATE reference_version SET version = ?").param(referenceVersion[0] + 1).update();
	}

	@AfterAll
	static void backToTheRealTime() {
		CLOCK.reset();
	}

	private void keepsItsPromises(DemoCare.Course course) {
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(plans.progress(plans.find(course.planId()).orElseThrow()).summary())
			.as("the demo patient's course")
			.isEqualTo("3 of 6 done, 3 booked, 0 still to book");
		softly.assertThat(plans.progress(notResponding()).summary())
			.as("Noor Haddad's course")
			.isEqualTo("6 of 8 done, 2 booked, 0 still to book");
		softly
			.assertThat(jdbc.sql("""
					SELECT count(*) FROM appointment a JOIN patient p ON p.id = a.patient_id
					WHERE p.email = ? AND a.status = 'booked'""")
				.param(DemoPayingForCare.PT_PATIENT.email())
				.query(Long.class)
				.single())
			.as("Dana Whitfield's visits under her authorization")
			.isEqualTo(DemoPayingForCare.BOOKED_UNDER_IT);
		softly.assertThat(DemoPromises.plansOutOfOrder(jdbc)).as("plans out of order").isEmpty();
		softly.assertThat(DemoPromises.visitsOnClosedDays(jdbc)).as("visits on closed days").isEmpty();
		softly.assertThat(DemoPromises.visitsOutsideHours(jdbc)).as("visits outside hours").isEmpty();
		softly.assertThat(DemoPromises.overlaps(jdbc)).as("visits on top of each other").isEmpty();
		softly.assertThat(DemoPromises.visitsAtOddsWithNow(jdbc, CLOCK.instant()))
			.as("held in the future or booked in the past")
			.isEmpty();
		softly.assertThat(DemoPromises.heldVisitsWithoutScores(jdbc)).as("plan visits held unscored").isEmpty();
		UUID jordan = course.outcome().booked().get(0).appointment().patientId().value();
		softly
			.assertThat(jdbc.sql(DemoBillingTests.PAST_COLUMNS)
				.params(jordan, Timestamp.from(CLOCK.instant()))
				.query(String.class)
				.list())
			.as("the demo patient's past visits")
			.containsExactlyElementsOf(DemoBillingTests.PAST_VISITS);
		softly
			.assertThat(progress.of(PatientId.of(jordan), new Progress.Reader("test", "PRACTITIONER", null))
				.stream()
				.filter(series -> series.measure().code().equals("pain-nrs"))
				.findFirst()
				.map(Progress.Series::sentence))
			.as("the demo patient's pain curve")
			.contains("Pain has gone from 7 to 4: a meaningful improvement.");
		Outcomes.Report report = outcomes.report();
		OutcomeGroup montclair = report.byClinic()
			.stream()
			.filter(group -> group.name().equals("Unknot Montclair"))
			.findFirst()
			.orElseThrow();
		softly
			.assertThat(List.of(montclair.completedShown(), montclair.painShown().words(),
					montclair.functionShown().words(), montclair.discontinuedShown()))
			.as("the owners' outcomes at Montclair")
			.containsExactly("16", "11 (69%)", "10 (63%)", "5");
		softly.assertAll();
	}

	private TreatmentPlan notResponding() {
		UUID noor = jdbc.sql("SELECT id FROM patient WHERE email = ?")
			.param(DemoOutcomes.NOT_RESPONDING.email())
			.query(UUID.class)
			.single();
		UUID plan = jdbc.sql("SELECT id FROM treatment_plan WHERE patient_id = ?")
			.param(noor)
			.query(UUID.class)
			.single();
		return plans.find(plan).orElseThrow();
	}

}
