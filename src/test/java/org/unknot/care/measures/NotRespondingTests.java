package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.CourseFixture;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlans;
import org.unknot.patient.PatientId;

/**
 * A plan is flagged "review: not responding" once the set number of visits (6) are done
 * with no measure improved by a meaningful amount, and only then; the practitioner sees
 * the flag on their day and on the patient's record, the front desk does not.
 */
@UnknotIntegrationTest
class NotRespondingTests {

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
	NotResponding notResponding;

	CourseFixture courses;

	@BeforeEach
	void aTherapist() {
		courses = new CourseFixture(jdbc, desk, assessments, plans);
	}

	@Test
	void flagsAPlanOnlyOnceSixVisitsAreDoneWithoutAMeaningfulChange() {
		CourseFixture.Course flat = course("Flat", 6, 6, 5, 6, 5);

		assertThat(notResponding.of(PatientId.of(flat.patient()))).as("five visits done").isFalse();

		visitDone(flat, 5);

		assertThat(notResponding.of(PatientId.of(flat.patient()))).as("six visits done").isTrue();
	}

	@Test
	void leavesAPlanThatImprovedUnflagged() {
		CourseFixture.Course better = course("Better", 7, 6, 5, 5, 4, 4);

		assertThat(notResponding.of(PatientId.of(better.patient()))).isFalse();
	}

	@Test
	void showsTheFlagOnThePractitionersDayAndTheRecordButNotToTheDesk() throws Exception {
		CourseFixture.Course flat = course("Flat", 6, 6, 5, 6, 5, 6);
		Booked next = flat.book();
		LocalDate day = next.appointment().start().atZone(ZoneId.of(TestNetwork.ZONE)).toLocalDate();
		RequestPostProcessor practitioner = SignedInAs.signedIn(Role.PRACTITIONER, courses.therapist(), null);

		assertThat(page("/staff/my-day?date=" + day, practitioner)).contains("Pat Flat")
			.contains("review: not responding");
		assertThat(page("/staff/patients/" + flat.patient(), practitioner)).contains("Review: not responding.");
		assertThat(page("/staff/patients/" + flat.patient(), SignedInAs.frontDeskOf(courses.clinic())))
			.doesNotContain("not responding");
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		var response = SecuredMockMvc.of(context).perform(get(path).with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** A weekly plan of eight visits, one done for each pain score, scored before it. */
	private CourseFixture.Course course(String family, int... pain) {
		CourseFixture.Course course = courses.course(family, 8);
		for (int score : pain) {
			visitDone(course, score);
		}
		return course;
	}

	private void visitDone(CourseFixture.Course course, int pain) {
		Booked visit = course.done();
		responses.record(PatientId.of(course.patient()), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", pain)),
				new MeasureResponses.Taken(course.plan().id(), visit.appointment().id(), null, "patient",
						visit.appointment().start().minus(Duration.ofHours(20))));
	}

}
