package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;

/**
 * The owners' outcomes: per clinic and service, the share of plans reaching a meaningful
 * improvement in pain, median changes and the global impression of change; a group too
 * small to show says so and shows no figures.
 */
@UnknotIntegrationTest
class OutcomesTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	@Autowired
	Assessments assessments;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	MeasureResponses responses;

	@Autowired
	Outcomes outcomes;

	@Test
	void summarisesEachClinicAndServiceWithoutSinglingOutAPatient() throws Exception {
		var network = new TestNetwork(jdbc);
		String large = network.clinic(1, 0, 0);
		String small = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, large)
			.hours(therapist, small, java.util.List.of(java.time.DayOfWeek.SATURDAY), LocalTime.of(9, 0),
					LocalTime.of(17, 0));
		// pain 7 to 4 (meaningful) four times and 6 to 6 once; activities up 1, 2, 3, 4,
		// 5
		int[][] pain = { { 7, 4 }, { 7, 4 }, { 8, 5 }, { 6, 3 }, { 6, 6 } };
		for (int n = 0; n < pain.length; n++) {
			UUID plan = plan(therapist, large, MONDAY.atTime(9, 0).plusMinutes(90L * n));
			score(plan, pain[n][0], pain[n][1], 3, 3 + n + 1, n == 4 ? 4 : 6);
		}
		for (int n = 0; n < 2; n++) {
			UUID plan = plan(therapist, small, MONDAY.plusDays(5).atTime(9, 0).plusMinutes(90L * n));
			score(plan, 7, 2, 2, 8, 7);
		}

		var groups = outcomes.byClinicAndService()
			.stream()
			.filter(group -> group.clinic().endsWith(large) || group.clinic().endsWith(small))
			.toList();

		assertThat(groups).hasSize(2);
		var shown = groups.stream().filter(group -> group.clinic().endsWith(large)).findFirst().orElseThrow();
		assertThat(shown.plans()).isEqualTo(5);
		assertThat(shown.reachedMcid()).isEqualTo(4);
		assertThat(shown.share()).isEqualTo("80%");
		assertThat(shown.medianPainChange()).isEqualTo(-3.0);
		assertThat(shown.medianPsfsChange()).isEqualTo(3.0);
		assertThat(shown.pgic()).containsExactly(0, 0, 0, 1, 0, 4, 0);
		var hidden = groups.stream().filter(group -> group.clinic().endsWith(small)).findFirst().orElseThrow();
		assertThat(hidden.shown()).isFalse();
		assertThat(hidden.reachedMcid()).isNull();
		assertThat(hidden.medianPainChange()).isNull();

		MockHttpServletResponse page = SecuredMockMvc.of(context)
			.perform(get("/admin/outcomes").with(SignedInAs.admin()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<td>fewer than 5</td>")
			.doesNotContain("80%")
			.contains("-3.0 points")
			.contains("not shown")
			.doesNotContain("Pat Outcome");
		assertThat(SecuredMockMvc.of(context)
			.perform(get("/admin/outcomes").with(SignedInAs.frontDeskOf(large)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(SecuredMockMvc.of(context)
			.perform(get("/admin").with(SignedInAs.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("the admin home links the outcomes").contains("href=\"/admin/outcomes\"");
	}

	@Test
	void takesTheMiddleOfAnOddOrEvenNumberOfChanges() {
		assertThat(Outcomes.median(new double[] { 3, -1, 2 })).isEqualTo(2.0);
		assertThat(Outcomes.median(new double[] { 4, -2, 1, 0 })).isEqualTo(0.5);
	}

	private UUID plan(String therapist, String clinic, java.time.LocalDateTime start) {
		var booked = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start.atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Pat", "Outcome", "outcome-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1970, 1, 1)));
		TreatmentPlan plan = new PlanFixture(assessments, plans).signed(booked.appointment().patientId().value(),
				therapist, TestNetwork.MASSAGE, 2, 6, MONDAY);
		plans.link(plan.id(), booked.appointment().id(), Instant.now());
		return plan.id();
	}

	private void score(UUID planId, int painFirst, int painLast, int psfsFirst, int psfsLast, int pgic) {
		UUID patient = jdbc.sql("SELECT patient_id FROM treatment_plan WHERE id = ?")
			.param(planId)
			.query(UUID.class)
			.single();
		Instant first = Instant.now().minus(30, ChronoUnit.DAYS);
		Instant last = Instant.now().minus(1, ChronoUnit.DAYS);
		responses.record(patient, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", painFirst)),
				taken(planId, first));
		responses.record(patient, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", painLast)), taken(planId, last));
		responses.record(patient, BuiltInMeasures.FUNCTION, psfs(psfsFirst), taken(planId, first));
		responses.record(patient, BuiltInMeasures.FUNCTION, psfs(psfsLast), taken(planId, last));
		responses.record(patient, BuiltInMeasures.GLOBAL_CHANGE, Answers.of(Map.of("change", pgic)),
				taken(planId, last));
	}

	private static Answers psfs(int each) {
		return new Answers(Map.of("activity-1", each, "activity-2", each, "activity-3", each),
				Map.of("activity-1", "Lifting", "activity-2", "Reaching", "activity-3", "Sitting"));
	}

	private static MeasureResponses.Taken taken(UUID planId, Instant at) {
		return new MeasureResponses.Taken(planId, null, null, "patient", at);
	}

}
