package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.PackageAdmin;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.system.Money;
import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.care.Intakes;
import org.unknot.care.RedFlag;
import org.unknot.care.Triage;
import org.unknot.system.Times;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The booking flow as a browser without JavaScript walks it: plain GETs and form POSTs,
 * each step redirecting to the next, everything kept in the server-side draft.
 */
@UnknotIntegrationTest
class BookingFlowTests {

	static final String WEEK = "2027-03-15";
	static final String MASSAGE = TestNetwork.MASSAGE;

	@LocalServerPort
	int port;

	final JdbcClient jdbc;

	final BookingDesk desk;

	final Intakes intakes;

	final InsuranceChoices insuranceChoices;

	FlowClient browser;

	TestNetwork network;

	String clinic;

	String therapist;

	String physician;

	String email;

	@Autowired
	Patients patients;

	@Autowired
	PackageAdmin packageAdmin;

	@Autowired
	PackageSales packageSales;

	@Autowired
	CreditLedger credits;

	@Autowired
	BookingFlowTests(JdbcClient jdbc, BookingDesk desk, Intakes intakes, InsuranceChoices insuranceChoices) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.intakes = intakes;
		this.insuranceChoices = insuranceChoices;
	}

	@BeforeEach
	void openAClinic() {
		browser = new FlowClient(port);
		email = "ada-" + TestNetwork.shortId() + "@example.org";
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 1, 1);
		therapist = network.therapist();
		physician = network.physician();
		network.weekdays(therapist, clinic).weekdays(physician, clinic);
	}

	@Nested
	class TheFirstStep {

		@Test
		void preselectsTheServiceAnArticleLinksTo() {
			Page page = browser.get("/book?service=" + MASSAGE);

			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).containsPattern("value=\"" + MASSAGE + "\"[^>]*checked");
		}

		@Test
		void ignoresAnUnknownServiceInTheLink() {
			Page page = browser.get("/book?service=%3Cscript%3E");

			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("checked=\"checked\"");
		}

		@Test
		void asksForATreatmentWhenNoneIsChosen() {
			Page page = browser.post("/book", Map.of());

			assertThat(page.status()).isEqualTo(422);
			assertThat(page.text()).contains("Please choose a treatment.");
			assertThat(page.body()).contains("aria-describedby=\"service-error\"").contains("href=\"#service\"");
		}

	}

	@Nested
	class ANewPatientBookingAMassage {

		@Test
		void isBookedWithTheirIntakeAndInsuranceAndCanManageTheVisit() {
			String draft = choose(MASSAGE, clinic, therapist);
			String slot = firstSlotOf(draft);

			Page afterTime = browser.post("/book/" + draft + "/when", Map.of("slot", slot, "week", WEEK));
			assertThat(afterTime.location()).isEqualTo("/book/" + draft + "/details");
			assertThat(heldBy(therapist)).isEqualTo(1);

			Page details = browser.follow(afterTime);
			assertThat(details.text()).contains("Your visit so far").contains("Test clinic " + clinic);
			assertThat(browser.post("/book/" + draft + "/details", details()).location()).endsWith("/insurance");

			Page insurance = browser.get("/book/" + draft + "/insurance");
			assertThat(insurance.text()).contains("Medicare does not enrol licensed massage therapists")
				.contains("$100");
			assertThat(browser
				.post("/book/" + draft + "/insurance", Map.of("plan", "harbor-health-ppo", "memberId", "hh-12345"))
				.location()).endsWith("/intake");
			assertThat(browser.post("/book/" + draft + "/intake", intake(Map.of())).location()).endsWith("/review");

			Page review = browser.get("/book/" + draft + "/review");
			assertThat(review.text()).contains("Harbor Health PPO")
				.contains("•••2345")
				.contains("24 hours")
				.contains("Upper back")
				.contains("6 out of 10");

			Page booked = browser.post("/book/" + draft + "/review", Map.of("repeat", "none", "count", "4"));
			assertThat(booked.location()).isEqualTo("/book/" + draft + "/confirmed");
			Page confirmed = browser.follow(booked);
			assertThat(confirmed.text()).contains("Your visit is booked")
				.contains("Monday, March 15, 2027")
				.contains("Add to calendar");

			UUID id = bookedVisits(therapist).get(0);
			assertThat(insurance(id).memberId().value()).isEqualTo("HH12345");
			assertThat(intakeOf(id).triage()).isEqualTo(Triage.CLEAR);
			assertThat(jdbc.sql(
					"SELECT member_id || answers FROM appointment_insurance JOIN appointment_intake USING (appointment_id) WHERE appointment_id = ?")
				.param(id)
				.query(String.class)
				.single()).as("sealed at rest").doesNotContain("HH12345").doesNotContain("UPPER_BACK");
			assertThat(jdbc.sql("SELECT subject FROM audit_entry WHERE subject LIKE ? ORDER BY id")
				.param("%:" + id)
				.query(String.class)
				.list()).containsExactly("intake:" + id, "insurance:" + id);

			String manage = link(confirmed.body(), "/visits/" + id + "\\?token=[A-Za-z0-9_%-]+");
			for (String step : List.of("service", "where", "when", "details", "intake", "review")) {
				assertThat(browser.get("/book/" + draft + "/" + step).location()).as("after booking, " + step)
					.isEqualTo("/book/" + draft + "/confirmed");
			}
			assertThat(browser.post("/book/" + draft + "/review", Map.of()).location()).as("booking twice")
				.isEqualTo("/book/" + draft + "/confirmed");
			assertThat(bookedVisits(therapist)).hasSize(1);
			assertThat(browser.get(manage).text()).contains("Your visit").contains("Booked");
			Page ics = browser.get(manage.replace("?token", "/calendar.ics?token"));
			assertThat(ics.status()).isEqualTo(200);
			assertThat(ics.contentType()).startsWith("text/calendar");
			assertThat(ics.body()).contains("BEGIN:VEVENT").contains("UID:" + id);
		}

		@Test
		void keepsWhatWasTypedAndSaysWhatIsWrongBesideEachField() {
			String draft = choose(MASSAGE, clinic, therapist);
			browser.post("/book/" + draft + "/when", Map.of("slot", firstSlotOf(draft)));

			Page page = browser.post("/book/" + draft + "/details", Map.of("givenName", "Ada", "familyName", "",
					"email", "ada-at-example", "phone", "12", "birthDate", "13/04/1985"));

			assertThat(page.status()).isEqualTo(422);
			assertThat(page.body()).contains("value=\"Ada\"")
				.contains("value=\"ada-at-example\"")
				.contains("value=\"13/04/1985\"")
				.containsPattern(
						"id=\"email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-hint email-error\"")
				.contains("id=\"email-error\"");
			assertThat(page.text()).contains("Please enter your last name.")
				.contains("Please enter an email address like name@example.com.")
				.contains("Please enter a phone number with its area code")
				.contains("Please enter your date of birth as month, day and year, like 04/02/1985");
		}

		@Test
		void readsABirthDateTypedTheUsWayAndSaysWhichDateItUnderstood() {
			String draft = choose(MASSAGE, clinic, therapist);
			browser.post("/book/" + draft + "/when", Map.of("slot", firstSlotOf(draft)));

			Page refused = browser.post("/book/" + draft + "/details",
					Map.of("givenName", "Ada", "familyName", "", "email", email, "birthDate", "4/2/1985"));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.body()).contains("value=\"4/2/1985\"").doesNotContain("birthDate-error");
			assertThat(refused.text()).contains("We read this as April 2, 1985.");

			Page saved = browser.post("/book/" + draft + "/details",
					Map.of("givenName", "Ada", "familyName", "Lane", "email", email, "birthDate", "04/02/1985"));
			assertThat(saved.status()).isEqualTo(302);
			Page again = browser.get("/book/" + draft + "/details");
			assertThat(again.body()).contains("value=\"04/02/1985\"").doesNotContain("type=\"date\"");
			assertThat(again.text()).contains("We read this as April 2, 1985.");
		}

		@Test
		void keepsTheBookingInProgressSealedAtRest() {
			String draft = upToIntake();

			String stored = jdbc.sql("SELECT data FROM booking_draft WHERE id = ?")
				.param(draft)
				.query(String.class)
				.single();

			assertThat(stored).startsWith("uk1:").doesNotContain(email).doesNotContain("Ada");
			assertThat(browser.get("/book/" + draft + "/details").body()).contains("value=\"" + email + "\"");
		}

		@Test
		void isAskedForTheMemberIdOfTheChosenPlan() {
			String draft = upToInsurance();

			Page page = browser.post("/book/" + draft + "/insurance", Map.of("plan", "medicare", "memberId", "12"));

			assertThat(page.status()).isEqualTo(422);
			assertThat(page.text()).contains("This does not look like a Medicare number (MBI) for Medicare (Part B)");
			assertThat(page.body()).contains("value=\"12\"").containsPattern("value=\"medicare\"[^>]*checked");
		}

		@Test
		void canGoBackAndChangeTheTimeWithoutLosingAnything() {
			String draft = upToInsurance();
			List<String> slots = browser.get("/book/" + draft + "/when?week=" + WEEK).slots();

			Page moved = browser.post("/book/" + draft + "/when", Map.of("slot", slots.get(4)));

			assertThat(moved.location()).endsWith("/insurance");
			assertThat(heldBy(therapist)).isEqualTo(1);
			assertThat(browser.get("/book/" + draft + "/details").body()).contains("value=\"" + email + "\"");
		}

	}

	@Nested
	class TheIntake {

		@Test
		void withARedFlagAdvisesAPhysicianAndDoesNotBookMassageSilently() {
			String draft = upToIntake();

			Page advice = browser
				.follow(browser.post("/book/" + draft + "/intake", intake(Map.of("flag-NUMBNESS_OR_WEAKNESS", "yes"))));

			assertThat(advice.text()).contains("A physician should see you first")
				.contains("numbness, tingling or weakness in your shoulders, arms or hands");
			assertThat(browser.get("/book/" + draft + "/review").location()).endsWith("/advice");
			assertThat(browser.post("/book/" + draft + "/review", Map.of("repeat", "none")).location())
				.endsWith("/advice");
			Page unticked = browser.post("/book/" + draft + "/advice", Map.of("choice", "continue"));
			assertThat(unticked.text()).contains("Please tick the box");
			assertThat(unticked.body()).contains("aria-invalid=\"true\"");
			assertThat(bookedVisits(therapist)).isEmpty();
		}

		@Test
		void withARedFlagOffersAConsultationKeepingEverythingTyped() {
			String draft = upToIntake();
			browser.post("/book/" + draft + "/intake", intake(Map.of("flag-CANCER_HISTORY", "yes")));

			Page switched = browser.post("/book/" + draft + "/advice", Map.of("choice", "consultation"));

			assertThat(switched.location()).as("the same clinic offers it").endsWith("/who");
			assertThat(heldBy(therapist)).isZero();
			assertThat(browser.post("/book/" + draft + "/who", Map.of("practitioner", physician)).location())
				.endsWith("/when");
			Page time = browser.post("/book/" + draft + "/when", Map.of("slot", firstSlotOf(draft)));
			assertThat(time.location()).endsWith("/review");
			browser.follow(browser.post("/book/" + draft + "/review", Map.of()));
			assertThat(bookedVisits(physician)).hasSize(1);
			assertThat(intakeOf(bookedVisits(physician).get(0)).intake().redFlags())
				.containsExactly(RedFlag.CANCER_HISTORY);
		}

		@Test
		void withARedFlagBooksMassageOnlyOnceThePatientSaysTheyReadTheAdvice() {
			String draft = upToIntake();
			browser.post("/book/" + draft + "/intake", intake(Map.of("flag-PAIN_AT_NIGHT_OR_REST", "yes")));

			Page onward = browser.post("/book/" + draft + "/advice", Map.of("choice", "continue", "understood", "yes"));
			assertThat(onward.location()).endsWith("/review");
			browser.post("/book/" + draft + "/review", Map.of("repeat", "none"));

			UUID id = bookedVisits(therapist).get(0);
			assertThat(intakeOf(id).triage()).isEqualTo(Triage.CONSULTATION_ADVISED);
			assertThat(intakeOf(id).adviceAcknowledged()).isTrue();
		}

		@Test
		void withLossOfBowelOrBladderControlGivesEmergencyAdviceAndBooksNothing() {
			String draft = upToIntake();

			Page answer = browser.post("/book/" + draft + "/intake",
					intake(Map.of("flag-LOSS_OF_BOWEL_OR_BLADDER_CONTROL", "yes")));
			Page emergency = browser.follow(answer);

			assertThat(emergency.text()).contains("Please get emergency care now")
				.contains("Call 911")
				.contains("not booked");
			assertThat(heldBy(therapist)).isZero();
			assertThat(browser.post("/book/" + draft + "/review", Map.of()).location()).doesNotEndWith("/confirmed");
			assertThat(bookedVisits(therapist)).isEmpty();
		}

		@Test
		void needsEveryRedFlagQuestionAnswered() {
			String draft = upToIntake();
			Map<String, Object> form = new HashMap<>(intake(Map.of()));
			form.remove("flag-FEVER");
			form.put("intensity", "99");
			form.put("regions", List.of("ELBOW"));

			Page page = browser.post("/book/" + draft + "/intake", form);

			assertThat(page.status()).isEqualTo(422);
			assertThat(page.text()).contains("Please choose at least one place where it hurts.")
				.contains("Please choose how strong the pain is, from 0 to 10.")
				.contains("Please answer yes or no: Do you have a fever?");
			assertThat(page.body()).containsPattern("name=\"flag-CANCER_HISTORY\"[^>]*value=\"no\"[^>]*checked");
		}

	}

	@Nested
	class WhenTheHeldTimeIsLost {

		@Test
		void theReviewSaysSoOffersTheNearestTimesAndKeepsEverything() {
			String draft = upToReview();
			String taken = takeTheHeldTimeFromAnotherPatient();

			Page review = browser.get("/book/" + draft + "/review");

			assertThat(review.text()).contains("Your time is no longer free")
				.contains("Everything you typed is kept")
				.contains(email);
			List<String> nearest = review.slots();
			assertThat(nearest).isNotEmpty().doesNotContain(taken);
			assertThat(browser.post("/book/" + draft + "/when", Map.of("slot", nearest.get(0))).location())
				.endsWith("/review");
			assertThat(browser.post("/book/" + draft + "/review", Map.of("repeat", "none")).location())
				.endsWith("/confirmed");
		}

		@Test
		void bookingItAnywaySaysSoInsteadOfFailing() {
			String draft = upToReview();
			takeTheHeldTimeFromAnotherPatient();

			Page refused = browser.post("/book/" + draft + "/review", Map.of("repeat", "none"));

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.text()).contains("Your time is no longer free");
		}

		/** Lets the draft's hold run out, then books its time for someone else. */
		private String takeTheHeldTimeFromAnotherPatient() {
			jdbc.sql(
					"UPDATE appointment SET hold_expires_at = now() - interval '1 minute' WHERE practitioner_id = ? AND status = 'pending'")
				.param(therapist)
				.update();
			String start = jdbc.sql("SELECT start_at FROM appointment WHERE practitioner_id = ? AND status = 'pending'")
				.param(therapist)
				.query(OffsetDateTime.class)
				.single()
				.toString();
			Instant at = OffsetDateTime.parse(start).toInstant();
			desk.book(new SlotRequest(ServiceId.of(MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic), at),
					null, new PatientDetails("Bo", "Other", "bo-" + TestNetwork.shortId() + "@example.org", null,
							LocalDate.of(1970, 1, 1)));
			return at.atOffset(ZoneOffset.ofHours(-4)) + "~" + therapist;
		}

	}

	@Nested
	class ASeries {

		@Test
		void booksEveryFreeWeekAndOffersAlternativesForTheOneThatClashes() {
			network.timeOff(therapist, OffsetDateTime.parse("2027-03-29T00:00-04:00").toInstant(),
					OffsetDateTime.parse("2027-03-30T00:00-04:00").toInstant());
			String draft = upToReview();

			Page confirmed = browser
				.follow(browser.post("/book/" + draft + "/review", Map.of("repeat", "weekly", "count", "4")));

			assertThat(confirmed.text()).contains("Your 3 visits are booked")
				.contains("Visit 3")
				.contains("your practitioner is away then")
				.contains("March 22, 2027")
				.contains("April 5, 2027");
			List<String> alternatives = confirmed.slots();
			assertThat(alternatives).isNotEmpty();
			Page withAlternative = browser.follow(browser.post("/book/" + draft + "/alternative",
					Map.of("occurrence", "3", "slot", alternatives.get(0))));
			assertThat(withAlternative.text()).contains("Your 4 visits are booked").doesNotContain("Visit 3:");
			assertThat(bookedVisits(therapist)).hasSize(4);
		}

		@Test
		void agreesToThePaymentPolicyWithATickKeptWithTheVisit() {
			String service = "t-flow-paid-massage";
			jdbc.sql("""
					INSERT INTO care_service (id, name, category, description, duration_minutes,
					    buffer_before_minutes, buffer_after_minutes, room_kind, in_person, virtual, price_cents,
					    prerequisite_category, min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
					VALUES (?, 'Test massage with a deposit', 'MASSAGE', 'test', 60, 0, 15, 'MASSAGE_ROOM', true,
					  false, 10000, NULL, 60, 400, 15, '{LMT}') ON CONFLICT (id) DO NOTHING""").param(service).update();
			jdbc.sql("""
					INSERT INTO payment_policy (service_id, due, deposit_percent, currency, late_window_minutes,
					    late_fee_minor, no_show_fee_minor, updated_at)
					VALUES (?, 'DEPOSIT', 20, 'USD', 1440, 4000, 5000, now()) ON CONFLICT (service_id) DO NOTHING""")
				.param(service)
				.update();
			String paid = network.practitioner("LMT", java.time.LocalDate.of(2035, 1, 1), service);
			network.weekdays(paid, clinic);
			String draft = choose(service, clinic, paid);
			browser.post("/book/" + draft + "/when", Map.of("slot", firstSlotOf(draft)));
			browser.post("/book/" + draft + "/details", details());
			browser.post("/book/" + draft + "/insurance", Map.of("plan", "self-pay"));
			browser.post("/book/" + draft + "/intake", intake(Map.of()));
			assertThat(browser.get("/book/" + draft + "/review").text())
				.contains("A deposit of $20 is due when you book; the rest, $80, at the visit.");

			Page refused = browser.post("/book/" + draft + "/review", Map.of("repeat", "none", "count", "4"));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.text()).contains("Please tick the box to agree to the payment policy");
			assertThat(bookedVisits(paid)).isEmpty();

			Page booked = browser.post("/book/" + draft + "/review",
					Map.of("repeat", "none", "count", "4", "agreePolicy", "yes"));
			assertThat(booked.location()).isEqualTo("/book/" + draft + "/confirmed");
			assertThat(jdbc
				.sql("SELECT words FROM policy_agreement a JOIN appointment p ON p.id = a.appointment_id "
						+ "WHERE p.practitioner_id = ?")
				.param(paid)
				.query(String.class)
				.single()).startsWith("A deposit of $20 is due when you book").contains("late-cancellation fee of $40");
			assertThat(jdbc.sql("""
					SELECT e.amount_minor FROM payment_entry e JOIN appointment p ON p.id = e.appointment_id
					WHERE p.practitioner_id = ? AND e.kind = 'CHARGE'""").param(paid).query(Long.class).single())
				.as("the deposit is owed")
				.isEqualTo(2000L);
		}

		@Test
		void isNotOfferedForAConsultation() {
			String draft = choose(TestNetwork.CONSULTATION, clinic, physician);
			browser.post("/book/" + draft + "/when", Map.of("slot", firstSlotOf(draft)));
			browser.post("/book/" + draft + "/details", details());
			browser.post("/book/" + draft + "/insurance", Map.of("plan", "self-pay"));
			browser.post("/book/" + draft + "/intake", intake(Map.of()));

			assertThat(browser.get("/book/" + draft + "/review").body()).doesNotContain("name=\"repeat\"");
			Page refused = browser.post("/book/" + draft + "/review", Map.of("repeat", "weekly", "count", "4"));
			assertThat(refused.text()).contains("Please choose whether to repeat this visit.");
			assertThat(bookedVisits(physician)).isEmpty();
		}

	}

	@Nested
	class BookingAgain {

		@Test
		void startsOnTheTimeStepWithTheSameTreatmentPlaceAndPractitioner() {
			String again = browser
				.post("/book", Map.of("service", MASSAGE, "location", clinic, "practitioner", therapist))
				.location();

			assertThat(again).endsWith("/when");
			Page when = browser.get(again);
			assertThat(when.text()).contains("Test " + therapist + ", LMT").contains("Test clinic " + clinic);
		}

		@Test
		void asksAgainForWhatIsNoLongerOffered() {
			assertThat(browser.post("/book", Map.of("service", MASSAGE, "location", clinic, "practitioner", physician))
				.location()).as("the physician gives no massage").endsWith("/who");
			assertThat(
					browser.post("/book", Map.of("service", MASSAGE, "location", "nowhere", "practitioner", therapist))
						.location())
				.endsWith("/where");
		}

	}

	@Nested
	class TheTimeStep {

		@Test
		void opensOnTheFirstWeekWithFreeTimes() {
			LocalDate firstFree = awayUntilTheWeekAfterNext(therapist);
			String draft = choose(MASSAGE, clinic, therapist);

			Page when = browser.get("/book/" + draft + "/when");

			assertThat(when.body()).contains("name=\"week\" value=\"" + firstFree + "\"");
			assertThat(when.text()).contains("so this is the first week with free times")
				.doesNotContain("No free times this week");
			assertThat(when.slots()).isNotEmpty();
		}

		@Test
		void stillShowsAnEmptyWeekWhenItIsTheOneAskedFor() {
			LocalDate firstFree = awayUntilTheWeekAfterNext(therapist);
			String draft = choose(MASSAGE, clinic, therapist);

			Page when = browser.get("/book/" + draft + "/when?week=" + firstFree.minusWeeks(1));

			assertThat(when.text()).contains("No free times this week").contains("Show the next available week");
			assertThat(when.slots()).isEmpty();
		}

		@Test
		void showsAFewTimesADayWithTheRestBehindMoreTimesByPartOfTheDay() {
			String draft = choose(MASSAGE, clinic, therapist);

			Page when = browser.get("/book/" + draft + "/when?week=" + WEEK);

			String monday = dayOf(when.body(), "Monday, March 15, 2027");
			String shown = monday.substring(0, monday.indexOf("<details"));
			assertThat(labels(shown)).containsExactly("9:00 AM", "9:15 AM", "9:30 AM", "12:00 PM");
			String more = monday.substring(monday.indexOf("<details"));
			assertThat(more).contains("<summary>25 more times</summary>")
				.contains("Morning")
				.contains("Afternoon")
				.doesNotContain("Evening")
				.doesNotContain(" open");
			assertThat(labels(more)).hasSize(25).contains("9:45 AM", "4:00 PM").doesNotContain("9:00 AM");
			assertThat(when.slots()).as("every time is still a button of the one form").hasSize(5 * 29);
		}

		@Test
		void theRescheduleStepAlsoOpensOnTheFirstWeekWithFreeTimes() {
			String manage = bookedManageLink();
			LocalDate firstFree = awayUntilTheWeekAfterNext(therapist);

			Page reschedule = browser.get(manage.replace("?token", "/reschedule?token"));

			assertThat(reschedule.body()).contains("name=\"week\" value=\"" + firstFree + "\"");
			assertThat(reschedule.text()).contains("so this is the first week with free times");
		}

		/**
		 * Time off from now until the Monday after next, so that neither this week nor
		 * the next has a free time; answers that Monday.
		 */
		private LocalDate awayUntilTheWeekAfterNext(String practitioner) {
			ZoneId zone = ZoneId.of(TestNetwork.ZONE);
			LocalDate monday = LocalDate.now(zone)
				.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				.plusWeeks(2);
			network.timeOff(practitioner, Instant.now().minus(Duration.ofHours(1)),
					monday.atStartOfDay(zone).toInstant());
			return monday;
		}

		/** The fieldset of one day on the time step. */
		private static String dayOf(String body, String legend) {
			int start = body.indexOf("<legend>" + legend + "</legend>");
			assertThat(start).as("a day headed %s", legend).isPositive();
			return body.substring(start, body.indexOf("</fieldset>", start));
		}

		private static List<String> labels(String html) {
			List<String> labels = new java.util.ArrayList<>();
			java.util.regex.Matcher button = java.util.regex.Pattern.compile("class=\"slot\"[^>]*>([^<]+)</button>")
				.matcher(html);
			while (button.find()) {
				labels.add(button.group(1));
			}
			return labels;
		}

	}

	@Nested
	class TheManagePage {

		@Test
		void movesTheVisitToANewTime() {
			String manage = bookedManageLink();
			Page reschedule = browser.get(manage.replace("?token", "/reschedule?token") + "&week=" + WEEK);
			assertThat(reschedule.text()).contains("Change the time of your visit")
				.contains("Free to move or cancel until");
			String newTime = reschedule.slots().get(3);
			String token = manage.substring(manage.indexOf("token=") + 6);

			String plainToken = java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8);
			String path = manage.substring(0, manage.indexOf('?')) + "/reschedule";

			Page asked = browser.post(path, Map.of("token", plainToken, "slot", newTime, "week", WEEK));
			assertThat(asked.status()).as("the first click only asks").isEqualTo(200);
			String newTimeInWords = Times.dateTime(
					OffsetDateTime.parse(newTime.substring(0, newTime.indexOf('~'))).toInstant(),
					ZoneId.of(TestNetwork.ZONE));
			assertThat(asked.text()).contains("Move your visit?")
				.contains(newTimeInWords)
				.contains("Yes, move my visit");
			assertThat(asked.body()).contains("name=\"confirm\" value=\"yes\"");
			assertThat(jdbc.sql("SELECT sequence FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
				.param(therapist)
				.query(Integer.class)
				.single()).as("not moved yet").isZero();

			Page moved = browser.post(path, Map.of("token", plainToken, "slot", newTime, "confirm", "yes"));

			assertThat(moved.location()).contains("done=moved");
			Page show = browser.follow(moved);
			assertThat(show.text()).contains("Your visit has been moved");
			assertThat(jdbc.sql("SELECT sequence FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
				.param(therapist)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}

		@Test
		void aMovePastThePackagesEndAsksThePatientToPayAndMovesOnceTheyAgree() {
			UUID patient = patients
				.identify(new PatientDetails("Ada", "Lane", email, "(973) 555-0100", LocalDate.of(1985, 4, 2)));
			String offered = packageAdmin.define(new PackageAdmin.Terms("Flow package " + TestNetwork.shortId(),
					Money.usd(30000), List.of(MASSAGE), 3, 365));
			packageSales.sell(PatientId.of(patient), offered, PaidHow.CASH);
			String manage = bookedManageLink();
			UUID visit = UUID.fromString(manage.replaceAll(".*/visits/([0-9a-f-]+)\\?.*", "$1"));
			assertThat(credits.spentOn(visit)).as("the booking spent a credit").isPresent();
			jdbc.sql("UPDATE package_holding SET valid_until = (SELECT end_at FROM appointment WHERE id = ?) "
					+ "WHERE patient_id = ?")
				.params(visit, patient)
				.update();
			String later = browser.get(manage.replace("?token", "/reschedule?token") + "&week=2027-03-22")
				.slots()
				.get(0);
			String token = java.net.URLDecoder.decode(manage.substring(manage.indexOf("token=") + 6),
					java.nio.charset.StandardCharsets.UTF_8);
			String path = manage.substring(0, manage.indexOf('?')) + "/reschedule";

			Page refused = browser.post(path, Map.of("token", token, "slot", later, "confirm", "yes"));

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.text()).contains("package that paid for this visit runs out on")
				.contains("pay for it yourself (self-pay)");
			assertThat(refused.body()).contains("name=\"selfPay\"");
			assertThat(credits.holdings(PatientId.of(patient)).get(0).balance()).isEqualTo(2);

			Page moved = browser.post(path, Map.of("token", token, "slot", later, "confirm", "yes", "selfPay", "yes"));

			assertThat(moved.location()).contains("done=moved");
			assertThat(credits.holdings(PatientId.of(patient)).get(0).balance()).as("the credit is given back")
				.isEqualTo(3);
		}

		@Test
		void addToCalendarGivesAPublishedEntryNamingTheTreatmentWithTheManageLink() {
			String manage = bookedManageLink();

			Page ics = browser.get(manage.replace("?token", "/calendar.ics?token"));

			String unfolded = ics.body().replace("\r\n ", "");
			assertThat(ics.contentType()).contains("method=PUBLISH");
			assertThat(unfolded).contains("METHOD:PUBLISH")
				.doesNotContain("METHOD:REQUEST")
				.doesNotContain("ATTENDEE")
				.containsPattern("SUMMARY:[^\r\n]*60 minutes at Test clinic " + clinic)
				.contains("To change or cancel: http")
				.contains(manage.substring(0, manage.indexOf('?')))
				.doesNotContainIgnoringCase("upper back")
				.doesNotContainIgnoringCase("posture");
		}

		@Test
		void showsTheLateCancellationWindowBeforeCancelling() {
			String manage = bookedManageLink();
			Page confirm = browser.get(manage.replace("?token", "/cancel?token"));
			Instant start = jdbc.sql("SELECT start_at FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
				.param(therapist)
				.query(Instant.class)
				.single();
			String freeUntil = Times.shortDateTime(start.minus(Duration.ofHours(24)), ZoneId.of(TestNetwork.ZONE));
			assertThat(confirm.text()).contains("Cancel your visit?")
				.contains("Free to cancel until " + freeUntil + ".")
				.contains("There is no charge if you cancel now.")
				.doesNotContain("within that time");
			assertThat(browser.get(manage).text()).contains("Free to cancel or move until " + freeUntil);
			String token = java.net.URLDecoder.decode(manage.substring(manage.indexOf("token=") + 6),
					java.nio.charset.StandardCharsets.UTF_8);

			Page cancelled = browser
				.follow(browser.post(manage.substring(0, manage.indexOf('?')) + "/cancel", Map.of("token", token)));

			assertThat(cancelled.text()).contains("Your visit has been cancelled").contains("Cancelled");
			assertThat(bookedVisits(therapist)).isEmpty();
		}

		@Test
		void callsACancellationWithinTheWindowLate() {
			String nightOwl = network.therapist();
			network.hours(nightOwl, clinic, List.of(DayOfWeek.values()), LocalTime.of(0, 0), LocalTime.of(23, 45));
			String draft = choose(MASSAGE, clinic, nightOwl);
			browser.post("/book/" + draft + "/when",
					Map.of("slot", browser.get("/book/" + draft + "/when").slots().get(0)));
			browser.post("/book/" + draft + "/details", details());
			browser.post("/book/" + draft + "/insurance", Map.of("plan", "self-pay"));
			browser.post("/book/" + draft + "/intake", intake(Map.of()));
			Page confirmed = browser.follow(browser.post("/book/" + draft + "/review", Map.of()));
			String manage = link(confirmed.body(), "/visits/[0-9a-f-]+\\?token=[A-Za-z0-9_%-]+");

			assertThat(browser.get(manage.replace("?token", "/cancel?token")).text())
				.containsPattern("Free cancellation ended \\w{3}, \\w{3} \\d{1,2}, \\d{1,2}:\\d{2} [AP]M E[SD]T\\.")
				.contains("late cancellation and may be charged");
		}

		@Test
		void answersAWrongTokenWithANotFoundPage() {
			String manage = bookedManageLink();

			Page wrong = browser.get(manage.substring(0, manage.indexOf('?')) + "?token=guess");

			assertThat(wrong.status()).isEqualTo(404);
			assertThat(wrong.contentType()).startsWith("text/html");
			assertThat(wrong.body()).doesNotContain("Exception");
		}

	}

	@Nested
	class TamperedRequests {

		@Test
		void aTimeThatIsNotOnTheGridIsRefusedBesideTheTimes() {
			String draft = choose(MASSAGE, clinic, therapist);

			Page page = browser.post("/book/" + draft + "/when", Map.of("slot", "2027-03-15T10:07-04:00~" + therapist));

			assertThat(page.status()).isEqualTo(422);
			assertThat(page.text()).contains("Sorry, that time has just been taken");
			assertThat(heldBy(therapist)).isZero();
		}

		@Test
		void aTimeOfAnotherPractitionerOrGarbageIsRefused() {
			String draft = choose(MASSAGE, clinic, therapist);

			assertThat(browser.post("/book/" + draft + "/when", Map.of("slot", "2027-03-15T10:00-04:00~" + physician))
				.text()).contains("Please choose one of the free times below.");
			assertThat(browser.post("/book/" + draft + "/when", Map.of("slot", "tomorrow~x")).status()).isEqualTo(422);
			assertThat(browser.get("/book/" + draft + "/when?week=not-a-date").status()).isEqualTo(200);
		}

		@Test
		void aFormWithAStaleCsrfTokenChangesNothingAndSendsThePatientBackToThePage() {
			String draft = browser.post("/book", Map.of("service", MASSAGE)).draftId();

			Page stale = browser.postWithToken("/book/" + draft + "/where", Map.of("location", clinic),
					"from-an-ended-session");

			assertThat(stale.status()).isEqualTo(303);
			assertThat(stale.location()).isEqualTo("/book/" + draft + "/where?again");
			Page again = browser.get(stale.location());
			assertThat(again.text()).contains("This page was open for a long time");
			assertThat(again.body()).doesNotContainPattern("value=\"" + clinic + "\"[^>]*checked");
		}

		@Test
		void aStaleCancelFormKeepsTheVisitAndReturnsToTheConfirmation() {
			String manage = bookedManageLink();
			String path = manage.substring(0, manage.indexOf('?'));
			String token = java.net.URLDecoder.decode(manage.substring(manage.indexOf("token=") + 6),
					java.nio.charset.StandardCharsets.UTF_8);

			Page stale = browser.postWithToken(path + "/cancel", Map.of("token", token), null);

			assertThat(stale.status()).isEqualTo(303);
			assertThat(browser.get(stale.location()).text()).contains("Cancel your visit?")
				.contains("open for a long time");
			assertThat(bookedVisits(therapist)).hasSize(1);
		}

		@Test
		void anUnknownDraftOrVisitIsANotFoundPageNeverAServerError() {
			for (Page page : List.of(browser.get("/book/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/where"),
					browser.post("/book/short/where", Map.of("location", clinic)), browser.get("/visits/not-a-uuid"),
					browser.get("/book/short/confirmed"),
					browser.get("/visits/" + UUID.randomUUID() + "/calendar.ics?token=x"))) {
				assertThat(page.status()).as(page.toString()).isEqualTo(404);
				assertThat(page.contentType()).startsWith("text/html");
			}
		}

		@Test
		void aLocationOrPractitionerNotOfferedIsRefused() {
			Page begun = browser.post("/book", Map.of("service", MASSAGE));
			String draft = begun.draftId();

			assertThat(browser.post("/book/" + draft + "/where", Map.of("location", "virtual")).text())
				.contains("Please choose a clinic or a video visit.");
			browser.post("/book/" + draft + "/where", Map.of("location", clinic));
			assertThat(browser.post("/book/" + draft + "/who", Map.of("practitioner", physician)).text())
				.contains("Please choose a practitioner, or first available.");
		}

		@Test
		void aStepAheadOfTheDraftSendsThePatientToTheStepMissing() {
			String draft = browser.post("/book", Map.of("service", MASSAGE)).draftId();

			assertThat(browser.get("/book/" + draft + "/review").location()).isEqualTo("/book/" + draft + "/where");
			assertThat(browser.post("/book/" + draft + "/details", details()).location())
				.isEqualTo("/book/" + draft + "/where");
		}

	}

	String choose(String service, String location, String practitioner) {
		String draft = browser.post("/book", Map.of("service", service)).draftId();
		assertThat(browser.post("/book/" + draft + "/where", Map.of("location", location)).location()).endsWith("/who");
		assertThat(browser.post("/book/" + draft + "/who", Map.of("practitioner", practitioner)).location())
			.endsWith("/when");
		return draft;
	}

	String firstSlotOf(String draft) {
		List<String> slots = browser.get("/book/" + draft + "/when?week=" + WEEK).slots();
		assertThat(slots).isNotEmpty();
		return slots.get(0);
	}

	String upToInsurance() {
		String draft = choose(MASSAGE, clinic, therapist);
		browser.post("/book/" + draft + "/when", Map.of("slot", firstSlotOf(draft)));
		browser.post("/book/" + draft + "/details", details());
		return draft;
	}

	String upToIntake() {
		String draft = upToInsurance();
		browser.post("/book/" + draft + "/insurance", Map.of("plan", "self-pay"));
		return draft;
	}

	String upToReview() {
		String draft = upToIntake();
		assertThat(browser.post("/book/" + draft + "/intake", intake(Map.of())).location()).endsWith("/review");
		return draft;
	}

	String bookedManageLink() {
		String draft = upToReview();
		Page confirmed = browser.follow(browser.post("/book/" + draft + "/review", Map.of("repeat", "none")));
		return link(confirmed.body(), "/visits/[0-9a-f-]+\\?token=[A-Za-z0-9_%-]+");
	}

	Map<String, Object> details() {
		return Map.of("givenName", "Ada", "familyName", "Lane", "email", email, "phone", "(973) 555-0100", "birthDate",
				"1985-04-02");
	}

	static Map<String, Object> intake(Map<String, String> yes) {
		Map<String, Object> form = new HashMap<>();
		form.put("regions", List.of("UPPER_BACK", "NECK"));
		form.put("intensity", "6");
		form.put("duration", "SIX_WEEKS_TO_THREE_MONTHS");
		form.put("causes", List.of("POSTURE"));
		for (var flag : org.unknot.care.RedFlag.values()) {
			form.put("flag-" + flag.name(), "no");
		}
		form.putAll(yes);
		return form;
	}

	Intakes.RecordedIntake intakeOf(UUID appointment) {
		return intakes.of(appointment).orElseThrow();
	}

	InsuranceChoice insurance(UUID appointment) {
		return insuranceChoices.of(appointment).orElseThrow();
	}

	long heldBy(String practitioner) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'pending'")
			.param(practitioner)
			.query(Long.class)
			.single();
	}

	List<UUID> bookedVisits(String practitioner) {
		return jdbc.sql("SELECT id FROM appointment WHERE practitioner_id = ? AND status = 'booked' ORDER BY start_at")
			.param(practitioner)
			.query(UUID.class)
			.list();
	}

	static String link(String body, String pattern) {
		var m = java.util.regex.Pattern.compile(pattern).matcher(body.replace("&amp;", "&"));
		assertThat(m.find()).as("a link like " + pattern).isTrue();
		return m.group();
	}

}
