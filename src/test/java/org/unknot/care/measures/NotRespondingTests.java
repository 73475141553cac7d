package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.PlanFixture;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
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
 * A plan is flagged "review: not responding" once the set number of visits (6) are done
 * with no measure improved by a meaningful amount, and only then; the practitioner sees
 * the flag on their day and on the patient's record, the front desk does not.
 */
@UnknotIntegrationTest
class NotRespondingTests {

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
	NotResponding notResponding;

	String clinic;

	String therapist;

	int slot;

	@BeforeEach
	void aTherapist() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void flagsAPlanOnlyOnceSixVisitsAreDoneWithoutAMeaningfulChange() {
		Course flat = course("Flat", 6, 6, 5, 6, 5);

		assertThat(notResponding.of(flat.patient)).as("five visits done").isFalse();

		flat.visitDone(5);

		assertThat(notResponding.of(flat.patient)).as("six visits done").isTrue();
	}

	@Test
	void leavesAPlanThatImprovedUnflagged() {
		Course better = course("Better", 7, 6, 5, 5, 4, 4);

		assertThat(notResponding.of(better.patient)).isFalse();
	}

	@Test
	void showsTheFlagOnThePractitionersDayAndTheRecordButNotToTheDesk() throws Exception {
		Course flat = course("Flat", 6, 6, 5, 6, 5, 6);
		Booked next = flat.book();
		LocalDate day = next.appointment().start().atZone(ZoneId.of(TestNetwork.ZONE)).toLocalDate();
		RequestPostProcessor practitioner = SignedInAs.signedIn(Role.PRACTITIONER, therapist, null);

		assertThat(page("/staff/my-day?date=" + day, practitioner)).contains("Pat Flat")
			.contains("review: not responding");
		assertThat(page("/staff/patients/" + flat.patient, practitioner)).contains("Review: not responding.");
		assertThat(page("/staff/patients/" + flat.patient, SignedInAs.frontDeskOf(clinic)))
			.doesNotContain("not responding");
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		var response = SecuredMockMvc.of(context).perform(get(path).with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** A weekly plan of eight visits, one done for each pain score, scored before it. */
	private Course course(String family, int... pain) {
		Course course = new Course(family);
		for (int n = 0; n < pain.length; n++) {
			course.visitDone(pain[n]);
		}
		return course;
	}

	private final class Course {

		final String email = "flag-" + UUID.randomUUID() + "@example.org";

		final String family;

		UUID patient;

		TreatmentPlan plan;

		final List<Instant> done = new ArrayList<>();

		Course(String family) {
			this.family = family;
		}

		void visitDone(int pain) {
			Booked visit = book();
			jdbc.sql("UPDATE appointment SET status = 'fulfilled' WHERE id = ?")
				.param(visit.appointment().id())
				.update();
			responses.record(patient, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", pain)),
					new MeasureResponses.Taken(plan.id(), visit.appointment().id(), null, "patient",
							visit.appointment().start().minus(Duration.ofHours(20))));
		}

		Booked book() {
			int n = slot++;
			Booked visit = desk.book(
					new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
							LocationId.of(clinic),
							MONDAY.plusWeeks(n / 5)
								.plusDays(n % 5)
								.atTime(10, 0)
								.atZone(ZoneId.of(TestNetwork.ZONE))
								.toInstant()),
					null, new PatientDetails("Pat", family, email, null, LocalDate.of(1975, 5, 5)));
			if (plan == null) {
				patient = visit.appointment().patientId().value();
				plan = new PlanFixture(assessments, plans).signed(patient, therapist, TestNetwork.MASSAGE, 1, 8,
						MONDAY);
			}
			plans.link(plan.id(), visit.appointment().id(), Instant.now());
			return visit;
		}

	}

}
