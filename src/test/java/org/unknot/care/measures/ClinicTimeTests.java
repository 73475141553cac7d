package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.PlanFixture;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Appointment;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.visit.BookedBy;
import org.unknot.visit.PlanBooking;
import org.unknot.patient.PatientId;

/**
 * A patient of a clinic in California: days on their progress and the deadline of their
 * questionnaire are named in Pacific time, not in the network's Eastern time.
 */
@UnknotIntegrationTest
class ClinicTimeTests {

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

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
	MeasureSchedules schedules;

	@Autowired
	QuestionnaireRequests requests;

	@Autowired
	MeasureResponses responses;

	@Autowired
	Progress progress;

	@Autowired
	ClinicTime clinicTime;

	JobNodes nodes;

	UUID patient;

	TreatmentPlan plan;

	Appointment firstVisit;

	@BeforeEach
	void aPlanBookedAtAClinicInCalifornia() {
		nodes = new JobNodes(context).fresh();
		var network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		jdbc.sql("UPDATE clinic SET zone = ? WHERE id = ?").params(LOS_ANGELES.getId(), clinic).update();
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		jdbc.sql("UPDATE working_hours SET zone = ? WHERE practitioner_id = ?")
			.params(LOS_ANGELES.getId(), therapist)
			.update();
		patient = patients.identify(new PatientDetails("Lupe", "Arroyo", "lupe-" + UUID.randomUUID() + "@example.org",
				null, LocalDate.of(1983, 3, 3)));
		plan = new PlanFixture(assessments, plans).signed(patient, therapist, TestNetwork.MASSAGE, 1, 2, MONDAY);
		schedules.set(plan.id(), List.of(ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 1)));
		// 6:00 PM in Los Angeles is 9:00 PM in New York; the next visit's 9:00 PM would
		// be past midnight
		planBooking.bookCourse(plan.id(), LocationId.ofClinic(clinic),
				MONDAY.atTime(LocalTime.of(15, 0)).atZone(LOS_ANGELES).toInstant(),
				BookedBy.staff(UUID.randomUUID(), "FRONT_DESK"));
		firstVisit = plans.progress(plan).visits().get(0);
	}

	@Test
	void theQuestionnaireDeadlineIsNamedInTheClinicsZone() {
		var job = nodes.node("node", firstVisit.start().minus(Duration.ofDays(1)), Duration.ofDays(2));

		assertThat(job.run()).isEqualTo(1);

		String text = jdbc.sql("""
				SELECT m.body_text FROM outbox_message m JOIN questionnaire_request r ON r.id = m.subject_id
				WHERE r.appointment_id = ? AND m.channel = 'EMAIL'""")
			.param(firstVisit.id())
			.query(String.class)
			.single();
		assertThat(text).contains("Mon, Mar 15, 3:00 PM PDT").doesNotContain("EDT");
		var request = requests.openFor(PatientId.of(patient)).get(0);
		assertThat(clinicTime.of(request)).isEqualTo(LOS_ANGELES);
	}

	@Test
	void progressNamesEachDayWhereTheVisitWas() {
		// 10:30 PM on Monday in Los Angeles is already Tuesday in New York
		Instant lateMonday = MONDAY.atTime(22, 30).atZone(LOS_ANGELES).toInstant();
		responses.record(PatientId.of(patient), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", 6)),
				new MeasureResponses.Taken(plan.id(), firstVisit.id(), null, "patient", lateMonday));
		responses.record(PatientId.of(patient), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", 4)),
				new MeasureResponses.Taken(null, null, null, "patient", lateMonday.plus(Duration.ofDays(7))));

		var pain = progress.of(PatientId.of(patient), new Progress.Reader("test", "PRACTITIONER", null)).get(0);

		assertThat(pain.points()).extracting(Progress.Point::dayLabel).containsExactly("Mon, Mar 15", "Mon, Mar 22");
	}

}
