package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessment;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanStatus;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureSchedules;
import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.care.measures.Timing;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;

/**
 * A practitioner assesses a patient, drafts, signs and amends a plan, and the front desk
 * books it, through the staff pages and the security filters.
 */
@UnknotIntegrationTest
class CarePagesTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final SessionNotes.Actor ACTOR = new SessionNotes.Actor("test", "PRACTITIONER", null);

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
	MeasureSchedules schedules;

	MockMvc mvc;

	String clinic;

	String therapist;

	UUID patient;

	@BeforeEach
	void aPatientOfATherapist() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		patient = book(at(MONDAY, 9), "Rowan", "Tiller").appointment().patientId().value();
	}

	@Nested
	class Assessing {

		@Test
		void recordsAnAssessmentAndShowsItOnThePatientsCare() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(post("/staff/patients/{id}/assessments", patient)
					.param("chiefComplaint", "Stiff neck after long days at the laptop")
					.param("regions", "NECK", "UPPER_BACK")
					.param("onsetAndHistory", "Three months, worse in the evening")
					.param("redFlagsReviewed", "true")
					.param("findings", "Taut bands in both upper trapezius")
					.param("cervicalRotationLeft", "55")
					.param("cervicalRotationRight", "70")
					.param("diagnosisCodes", "M54.2", "M62.830")
					.param("functionalGoals", "Check the blind spot when driving")
					.with(csrf())
					.with(therapistSignedIn()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);

			String page = page(get("/staff/patients/{id}/care", patient), therapistSignedIn());

			assertThat(page).contains("Stiff neck after long days at the laptop")
				.contains("Neck, Upper back")
				.contains("M54.2 Cervicalgia; </span><span>M62.830 Muscle spasm of back")
				.contains("Cervical rotation left <span>55°</span>")
				.contains("Reviewed; none found");
			assertThat(auditOf(patient)).contains("CREATE:assessment:PRACTITIONER", "READ:assessment:PRACTITIONER");
		}

		@Test
		void refusesAnImpossibleAssessmentWithMessagesBesideTheFieldsKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(post("/staff/patients/{id}/assessments", patient)
					.param("chiefComplaint", "Shoulder will not lift")
					.param("regions", "SHOULDERS")
					.param("shoulderFlexionLeft", "200")
					.param("cervicalRotationRight", "seventy")
					.with(csrf())
					.with(therapistSignedIn()))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("Shoulder flexion is measured from 0 to 180 degrees.")
				.contains("Enter whole degrees, like 70, or leave it empty.")
				.contains("Review the red flags with the patient")
				.contains("Choose at least one working diagnosis.")
				.contains("value=\"Shoulder will not lift\"")
				.contains("value=\"200\"");
			assertThat(jdbc.sql("SELECT count(*) FROM assessment WHERE patient_id = ?")
				.param(patient)
				.query(Long.class)
				.single()).isZero();
		}

	}

	@Nested
	class Planning {

		@Test
		void draftsSignsAndAmendsAPlanKeepingTheSignedVersion() throws Exception {
			UUID assessment = assessment().id();
			MockHttpServletResponse drafted = mvc
				.perform(post("/staff/assessments/{id}/plans", assessment).params(planForm("6"))
					.param("service", TestNetwork.MASSAGE)
					.with(csrf())
					.with(therapistSignedIn()))
				.andReturn()
				.getResponse();
			assertThat(drafted.getStatus()).as(drafted.getContentAsString()).isEqualTo(302);
			String planPath = drafted.getRedirectedUrl();
			UUID planId = UUID.fromString(planPath.substring(planPath.lastIndexOf('/') + 1));

			assertThat(status(post(planPath + "/sign").with(csrf()), therapistSignedIn())).isEqualTo(302);
			assertThat(status(post(planPath + "/edit").params(planForm("8"))
				.param("reason", "Slow start; two more visits")
				.with(csrf()), therapistSignedIn())).isEqualTo(302);

			TreatmentPlan plan = plans.find(planId).orElseThrow();
			assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
			assertThat(plan.versions()).extracting(v -> v.terms().visits()).containsExactly(6, 8);
			assertThat(page(get(planPath), therapistSignedIn())).contains("Version 1")
				.contains("Version 2")
				.contains("amended because: Slow start; two more visits")
				.contains("Worst pain in a day")
				.contains("8 visits, weekly");
		}

		@Test
		void keepsEachMeasuresOwnScheduleAndSaysWhenEachIsTaken() throws Exception {
			UUID assessment = assessment().id();
			assertThat(page(get("/staff/assessments/{id}/plans/new", assessment), therapistSignedIn()))
				.contains("Measures: which, and when")
				.contains("Activities you find hard (PSFS)")
				.containsPattern("name=\"take-pain-nrs\" value=\"true\"\\s+checked")
				.doesNotContainPattern("name=\"take-psfs\" value=\"true\"\\s+checked");

			MockHttpServletResponse drafted = mvc
				.perform(post("/staff/assessments/{id}/plans", assessment).params(planForm("6"))
					.param("service", TestNetwork.MASSAGE)
					.param("take-pain-nrs", "true")
					.param("repeat-pain-nrs", "visits")
					.param("every-pain-nrs", "1")
					.param("discharge-pain-nrs", "true")
					.param("take-psfs", "true")
					.param("start-psfs", "true")
					.param("repeat-psfs", "weeks")
					.param("every-psfs", "3")
					.param("review-psfs", "true")
					.param("discharge-pgic", "true")
					.with(csrf())
					.with(therapistSignedIn()))
				.andReturn()
				.getResponse();
			assertThat(drafted.getStatus()).as(drafted.getContentAsString()).isEqualTo(302);
			String planPath = drafted.getRedirectedUrl();
			UUID planId = UUID.fromString(planPath.substring(planPath.lastIndexOf('/') + 1));

			assertThat(schedules.of(planId)).as("the global impression is not taken: its box was left unticked")
				.containsExactlyInAnyOrder(ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 1),
						ScheduledMeasure.at(BuiltInMeasures.PAIN, Timing.DISCHARGE),
						ScheduledMeasure.at(BuiltInMeasures.PSFS, Timing.START),
						ScheduledMeasure.every(BuiltInMeasures.PSFS, Timing.EVERY_WEEKS, 3),
						ScheduledMeasure.at(BuiltInMeasures.PSFS, Timing.REVIEW));
			assertThat(page(get(planPath), SignedInAs.frontDeskOf(clinic)))
				.contains("Pain intensity (0 to 10): before each visit; at discharge")
				.contains("before the first visit, then every 3 weeks; at the plan&#39;s review");
			assertThat(page(get(planPath + "/edit"), therapistSignedIn()))
				.containsPattern("id=\"every-psfs\"[^>]*value=\"3\"")
				.containsPattern("name=\"review-psfs\" value=\"true\"\\s+checked")
				.doesNotContainPattern("name=\"review-pain-nrs\" value=\"true\"\\s+checked")
				.containsPattern("value=\"weeks\"\\s+selected");

			assertThat(status(post(planPath + "/edit").params(planForm("6"))
				.param("take-pgic", "true")
				.param("repeat-pgic", "none")
				.param("discharge-pgic", "true")
				.with(csrf()), therapistSignedIn())).isEqualTo(302);
			assertThat(schedules.of(planId))
				.containsExactly(ScheduledMeasure.at(BuiltInMeasures.PGIC, Timing.DISCHARGE));
		}

		@Test
		void refusesAMeasureScheduleThatCannotBeKeptBesideItsFields() throws Exception {
			UUID assessment = assessment().id();

			MockHttpServletResponse response = mvc
				.perform(post("/staff/assessments/{id}/plans", assessment).params(planForm("6"))
					.param("service", TestNetwork.MASSAGE)
					.param("take-pain-nrs", "true")
					.param("repeat-pain-nrs", "visits")
					.param("every-pain-nrs", "0")
					.param("take-psfs", "true")
					.param("repeat-psfs", "none")
					.param("take-pgic", "true")
					.param("repeat-pgic", "months")
					.param("every-pgic", "2")
					.with(csrf())
					.with(therapistSignedIn()))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(422);
			String page = response.getContentAsString();
			assertThat(page)
				.containsPattern("id=\"every-pain-nrs-error\">Enter a number from 1 \\(before each visit\\) to 52.")
				.containsPattern("id=\"repeat-psfs-error\">Say when this measure is taken")
				.containsPattern("id=\"repeat-pgic-error\">Choose whether it is taken again")
				.containsPattern("id=\"every-pain-nrs\"[^>]*value=\"0\"")
				.containsPattern("name=\"take-psfs\" value=\"true\"\\s+checked");
			assertThat(jdbc.sql("SELECT count(*) FROM treatment_plan WHERE assessment_id = ?")
				.param(assessment)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void refusesAPlanWithoutGoalsOrWithAReviewBeforeItStarts() throws Exception {
			UUID assessment = assessment().id();

			MockHttpServletResponse response = mvc
				.perform(post("/staff/assessments/{id}/plans", assessment).param("service", TestNetwork.MASSAGE)
					.param("goal1", "Worst pain in a day")
					.param("techniques", "SWEDISH")
					.param("frequency", "1")
					.param("visits", "6")
					.param("startDate", "2027-03-15")
					.param("reviewDate", "2027-03-01")
					.with(csrf())
					.with(therapistSignedIn()))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString())
				.contains("Give the target that says this goal is met, like 3/10 or less.")
				.contains("value=\"Worst pain in a day\"");
		}

		@Test
		void answersAStepTheStateDoesNotAllowWith409AndSaysWhy() throws Exception {
			TreatmentPlan plan = plan(6, false);

			MockHttpServletResponse response = mvc
				.perform(post("/staff/plans/{id}/complete", plan.id()).with(csrf()).with(therapistSignedIn()))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(409);
			assertThat(response.getContentAsString()).contains("A plan that is draft cannot be completed.");
		}

		@Test
		void keepsTheFrontDeskOutOfClinicalContentButLetsThemSeeThePlan() throws Exception {
			TreatmentPlan plan = plan(6, true);
			RequestPostProcessor desk = SignedInAs.frontDeskOf(clinic);

			assertThat(page(get("/staff/plans/{id}", plan.id()), desk)).contains("Book this plan")
				.doesNotContain("Sign the plan")
				.doesNotContain("Versions");
			assertThat(page(get("/staff/patients/{id}/care", patient), desk))
				.doesNotContain("Stiff neck after long days");
			assertThat(status(get("/staff/plans/{id}/edit", plan.id()), desk)).isEqualTo(403);
			assertThat(status(get("/staff/patients/{id}/assessments/new", patient), desk)).isEqualTo(403);
			assertThat(
					status(post("/staff/plans/{id}/discontinue", plan.id()).param("reason", "no").with(csrf()), desk))
				.isEqualTo(403);
		}

	}

	@Nested
	class Booking {

		@Test
		void booksTheCourseOffersOtherTimesForAClashAndLinksEveryVisit() throws Exception {
			TreatmentPlan plan = plan(4, true);
			book(at(MONDAY.plusWeeks(1), 11), "Other", "Caller");

			MockHttpServletResponse response = mvc
				.perform(post("/staff/plans/{id}/book", plan.id()).param("location", clinic)
					.param("date", MONDAY.toString())
					.param("time", "11:00")
					.with(csrf())
					.with(SignedInAs.frontDeskOf(clinic)))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(200);
			String page = response.getContentAsString();
			assertThat(page).contains("Not booked: these times clash")
				.contains("Visit 2, Monday, March 22, 2027 at 11:00 AM EDT")
				.contains("Book Monday, March 22, 2027 at");
			assertThat(plans.progress(plan).booked()).isEqualTo(3);
			assertThat(plans.progress(plan).toBook()).isEqualTo(1);

			String offered = page.replaceAll("(?s).*name=\"start\" value=\"([^\"]+)\".*", "$1");
			assertThat(status(post("/staff/plans/{id}/book-one", plan.id()).param("location", clinic)
				.param("start", offered)
				.with(csrf()), SignedInAs.frontDeskOf(clinic))).isEqualTo(302);

			assertThat(plans.progress(plan).booked()).isEqualTo(4);
			assertThat(plans.progress(plan).toBook()).isZero();
		}

		@Test
		void aCancelledVisitLeavesTheCourseSayingWhatIsMissing() throws Exception {
			TreatmentPlan plan = plan(3, true);
			mvc.perform(post("/staff/plans/{id}/book", plan.id()).param("location", clinic)
				.param("date", MONDAY.toString())
				.param("time", "14:00")
				.with(csrf())
				.with(SignedInAs.frontDeskOf(clinic)));
			UUID second = plans.progress(plan).visits().get(1).id();

			desk.cancelForClinic(second, "Patient unwell");

			assertThat(plans.progress(plan).summary())
				.isEqualTo("0 of 3 done, 2 booked, 1 still to book (1 cancelled or missed)");
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapistSignedIn()))
				.contains("Cancelled: still to book again")
				.contains("Book this plan");
		}

	}

	private Assessment assessment() {
		return assessments.record(new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(therapist),
				"Stiff neck after long days at the laptop", Set.of(BodyRegion.NECK), null, true, Set.of(), null, 60, 70,
				null, null, List.of("M54.2"), null), ACTOR);
	}

	private TreatmentPlan plan(int visits, boolean signed) {
		TreatmentPlan plan = TreatmentPlan
			.draft(assessment().id(), PatientId.of(patient), PractitionerId.of(therapist),
					ServiceId.of(TestNetwork.MASSAGE),
					new PlanTerms(List.of(new Goal("Worst pain in a day", "3/10 or less")),
							Set.of(Technique.TRIGGER_POINT), 1, visits, MONDAY, MONDAY.plusWeeks(6)),
					java.time.Instant.now());
		if (signed) {
			plan.sign(therapist, java.time.Instant.now());
		}
		plans.save(plan);
		return plan;
	}

	private static org.springframework.util.MultiValueMap<String, String> planForm(String visits) {
		var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
		form.add("goal1", "Worst pain in a day");
		form.add("target1", "3/10 or less");
		form.add("techniques", "TRIGGER_POINT");
		form.add("techniques", "MYOFASCIAL_RELEASE");
		form.add("frequency", "1");
		form.add("visits", visits);
		form.add("startDate", "2027-03-15");
		form.add("reviewDate", "2027-04-26");
		return form;
	}

	private RequestPostProcessor therapistSignedIn() {
		return SignedInAs.signedIn(Role.PRACTITIONER, therapist, null);
	}

	private Booked book(ZonedDateTime start, String given, String family) {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start.toInstant()),
				null, new PatientDetails(given, family, given.toLowerCase() + "." + UUID.randomUUID() + "@example.org",
						null, LocalDate.of(1985, 5, 5)));
	}

	private static ZonedDateTime at(LocalDate day, int hour) {
		return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(NEW_YORK);
	}

	private List<String> auditOf(UUID patientId) {
		return jdbc.sql(
				"SELECT action || ':' || subject || ':' || actor_role FROM audit_entry WHERE patient_id = ? ORDER BY id")
			.param(patientId)
			.query(String.class)
			.list();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who)).andReturn().getResponse().getStatus();
	}

}
