package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.CourseFixture;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.BookingDesk;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlans;
import org.unknot.patient.PatientId;

/**
 * The owners' outcomes, from plans made, booked, scored and ended the way the pages do
 * it: a clinic (and its practitioner) with five completed plans shows its figures, one
 * with four shows "fewer than 5" for every figure, on the page and in the spreadsheet
 * alike.
 */
@UnknotIntegrationTest
class OutcomesTests {

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

	String five;

	String four;

	String fiveTherapist;

	String fourTherapist;

	@BeforeEach
	void endPlansAtTwoClinics() {
		CourseFixture fives = new CourseFixture(jdbc, desk, assessments, plans);
		CourseFixture fours = new CourseFixture(jdbc, desk, assessments, plans);
		five = fives.clinic();
		four = fours.clinic();
		fiveTherapist = fives.therapist();
		fourTherapist = fours.therapist();
		// pain 7 to 4 in all five, first meaningful after 1, 1, 2, 2 and 3 visits; the
		// activities improve in four of them
		int[] visits = { 1, 1, 2, 2, 3 };
		for (int n = 0; n < visits.length; n++) {
			completed(fives, visits[n], 7, 4, 3, n == 4 ? 3 : 6);
		}
		for (int n = 0; n < 4; n++) {
			discontinued(fives);
		}
		for (int n = 0; n < 4; n++) {
			completed(fours, 1, 8, 3, 2, 7);
		}
	}

	@Test
	void showsTheFiguresOfFiveCompletedPlans() {
		var report = outcomes.report();

		for (OutcomeGroup group : List.of(named(report.byClinic(), "Test clinic " + five),
				named(report.byPractitioner(), "Test " + fiveTherapist + ", LMT"))) {
			assertThat(group.completed()).isEqualTo(5);
			assertThat(group.painShown()).isEqualTo(new OutcomeGroup.Shown("5", 100, "2"));
			assertThat(group.functionShown().words()).as("four of five improved").isEqualTo("fewer than 5");
			assertThat(group.discontinued()).isEqualTo(4);
			assertThat(group.discontinuedShown()).isEqualTo("fewer than 5");
		}
	}

	@Test
	void showsNoFigureOfFourCompletedPlans() {
		var report = outcomes.report();

		for (OutcomeGroup group : List.of(named(report.byClinic(), "Test clinic " + four),
				named(report.byPractitioner(), "Test " + fourTherapist + ", LMT"))) {
			assertThat(group.completed()).isEqualTo(4);
			assertThat(List.of(group.completedShown(), group.painShown().words(), group.painShown().medianVisits(),
					group.functionShown().words(), group.functionShown().medianVisits(), group.discontinuedShown()))
				.containsOnly("fewer than 5");
		}
	}

	@Test
	void pageAndSpreadsheetHideTheSameFigures() throws Exception {
		MockHttpServletResponse page = SecuredMockMvc.of(context)
			.perform(get("/admin/outcomes").with(SignedInAs.admin()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(row(html, "Test clinic " + five)).contains("<td>5</td>", "<td>5 (100%)</td>", "<td>2</td>");
		assertThat(row(html, "Test clinic " + four)).doesNotContain("%", "<td>4</td>", "<td>1</td>")
			.contains("<td>fewer than 5</td>");
		assertThat(html).contains("<svg", "role=\"img\"", "Test clinic " + five + ": pain 5 (100%)")
			.contains("Test clinic " + four + ": pain fewer than 5")
			.doesNotContain("Pat Outcome");

		MockHttpServletResponse csv = SecuredMockMvc.of(context)
			.perform(get("/admin/outcomes.csv").with(SignedInAs.admin()))
			.andReturn()
			.getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).contains("attachment", "outcomes.csv");
		String lines = csv.getContentAsString();
		assertThat(lines).startsWith("View,Group,Plans completed,")
			.contains(
					"Clinic,Test clinic " + five + ",5,5,100,2,fewer than 5,fewer than 5,fewer than 5,fewer than 5\r\n")
			.contains("Clinic,Test clinic " + four + ",fewer than 5,fewer than 5,fewer than 5,fewer than 5,"
					+ "fewer than 5,fewer than 5,fewer than 5,fewer than 5\r\n")
			.contains("Practitioner,\"Test " + fourTherapist + ", LMT\",fewer than 5,");
	}

	@Test
	void isForAdminsOnly() throws Exception {
		for (String path : List.of("/admin/outcomes", "/admin/outcomes.csv")) {
			assertThat(SecuredMockMvc.of(context)
				.perform(get(path).with(SignedInAs.frontDeskOf(five)))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(403);
		}
		assertThat(SecuredMockMvc.of(context)
			.perform(get("/admin").with(SignedInAs.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("the admin home links the outcomes").contains("href=\"/admin/outcomes\"");
	}

	private static OutcomeGroup named(List<OutcomeGroup> groups, String name) {
		return groups.stream().filter(group -> group.name().equals(name)).findFirst().orElseThrow();
	}

	private static String row(String html, String name) {
		int start = html.indexOf("<th scope=\"row\">" + name + "</th>");
		assertThat(start).as("a row for " + name).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	/**
	 * A completed plan whose scores first improve meaningfully after this many visits.
	 */
	private void completed(CourseFixture courses, int visits, int painFirst, int painLast, int psfsFirst,
			int psfsLast) {
		CourseFixture.Course course = courses.course("Outcome", 6);
		List<Instant> starts = new ArrayList<>();
		for (int n = 0; n < visits; n++) {
			starts.add(course.done().appointment().start());
		}
		UUID patient = course.patient();
		UUID plan = course.plan().id();
		Instant before = starts.get(0).minus(Duration.ofHours(1));
		Instant after = starts.get(starts.size() - 1).plus(Duration.ofHours(1));
		score(patient, plan, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", painFirst)), before);
		score(patient, plan, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", painLast)), after);
		score(patient, plan, BuiltInMeasures.FUNCTION, psfs(psfsFirst), before);
		score(patient, plan, BuiltInMeasures.FUNCTION, psfs(psfsLast), after);
		course.plan().complete(Instant.now());
		plans.save(course.plan());
	}

	private void discontinued(CourseFixture courses) {
		CourseFixture.Course course = courses.course("Outcome", 6);
		course.book();
		course.plan().discontinue("Moved out of state", Instant.now());
		plans.save(course.plan());
	}

	private void score(UUID patient, UUID planId, Measure measure, Answers answers, Instant at) {
		responses.record(PatientId.of(patient), measure, answers,
				new MeasureResponses.Taken(planId, null, null, "patient", at));
	}

	private static Answers psfs(int each) {
		return new Answers(Map.of("activity-1", each, "activity-2", each, "activity-3", each),
				Map.of("activity-1", "Lifting", "activity-2", "Reaching", "activity-3", "Sitting"));
	}

}
