package org.unknot.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Set;
import java.util.Map;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.care.measures.MeasureSchedules;
import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.care.measures.Timing;
import org.unknot.SecuredMockMvc;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.PayerKind;
import org.unknot.packages.PackageAdmin;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.PatientId;
import org.unknot.payment.Actor;
import org.unknot.payment.EntryKind;
import org.unknot.payment.Ledger;
import org.unknot.payment.Method;
import org.unknot.payment.Purpose;
import org.unknot.system.Money;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@UnknotIntegrationTest
class PatientPortalTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);
	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	@Autowired
	AccountDesk accounts;

	@Autowired
	ObjectMapper json;

	MockMvc mvc;

	String clinic;

	String therapist;

	Booked mine;

	Booked someoneElses;

	RequestPostProcessor me;

	UUID accountId;

	@BeforeEach
	void aPatientWithAVisit() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		String email = "portal-" + UUID.randomUUID() + "@example.org";
		mine = book(10, new PatientDetails("Iris", "Vale", email, "+1 973 555 0142", LocalDate.of(1982, 2, 3)));
		someoneElses = book(12, new PatientDetails("Otto", "Berg", "otto-" + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1970, 7, 7)));
		Account account = accounts.create(new AccountDesk.NewAccount(email, "Iris Vale", Role.PATIENT, List.of(), null,
				mine.appointment().patientId().value(), "iris's long passphrase"));
		accountId = account.id();
		me = authentication(UsernamePasswordAuthenticationToken.authenticated(SignedIn.of(account), null,
				List.of(new SimpleGrantedAuthority(Role.PATIENT.authority()))));
	}

	@Test
	void showsOwnVisitsAndDetailsOnly() throws Exception {
		String page = mvc.perform(get("/account").with(me)).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Iris Vale").contains("To come").contains("2027").doesNotContain("Otto");
	}

	@Test
	void listsVisitsToComeDoneAndCalledOffEachUnderItsOwnHeading() throws Exception {
		PatientDetails iris = new PatientDetails("Iris", "Vale", emailOf(mine), null, LocalDate.of(1982, 2, 3));
		Booked cancelled = book(14, iris);
		mvc.perform(post("/account/visits/{id}/cancel", cancelled.appointment().id()).with(csrf()).with(me))
			.andReturn();
		Booked later = book(16, iris);
		done(mine, LocalDate.of(2026, 3, 2));

		String page = mvc.perform(get("/account").with(me)).andReturn().getResponse().getContentAsString();

		String toCome = between(page, "id=\"to-come\"", "id=\"done\"");
		String done = between(page, "id=\"done\"", "id=\"called-off\"");
		String calledOff = between(page, "id=\"called-off\"", "Your details");
		assertThat(toCome).contains("4:00 PM").doesNotContain("10:00 AM").doesNotContain("2:00 PM");
		assertThat(done).contains("Mon, Mar 2, 2026, 10:00 AM EST").doesNotContain("4:00 PM");
		assertThat(calledOff).contains("2:00 PM").contains("Cancelled");
		assertThat(later.appointment().id()).isNotNull();
	}

	@Test
	void offersToBookAVisitDoneAgainWithTheSameTreatmentPlaceAndPractitioner() throws Exception {
		done(mine, LocalDate.of(2026, 3, 2));

		String page = mvc.perform(get("/account").with(me)).andReturn().getResponse().getContentAsString();

		String done = between(page, "id=\"done\"", "Your details");
		assertThat(done).contains("action=\"/book\"")
			.contains("name=\"service\" value=\"" + TestNetwork.MASSAGE + "\"")
			.contains("name=\"location\" value=\"" + clinic + "\"")
			.contains("name=\"practitioner\" value=\"" + therapist + "\"")
			.contains("Book again");
	}

	@Test
	void namesTimesAndTheZoneAsEveryOtherPageDoes() throws Exception {
		String page = mvc.perform(get("/account").with(me)).andReturn().getResponse().getContentAsString();

		assertThat(page).containsPattern("[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, 2027 at \\d{1,2}:\\d\\d [AP]M E[SD]T")
			.doesNotContain("(America/New_York)");
	}

	@Test
	void cancelsOwnVisitButNotSomeoneElses() throws Exception {
		mvc.perform(post("/account/visits/{id}/cancel", someoneElses.appointment().id()).with(csrf()).with(me))
			.andReturn();
		mvc.perform(post("/account/visits/{id}/cancel", mine.appointment().id()).with(csrf()).with(me)).andReturn();

		assertThat(status(someoneElses)).isEqualTo("booked");
		assertThat(status(mine)).isEqualTo("cancelled");
	}

	@Test
	void asksBeforeCancellingAndSaysUntilWhenCancellingIsFree() throws Exception {
		String home = mvc.perform(get("/account").with(me)).andReturn().getResponse().getContentAsString();
		String asked = mvc.perform(get("/account/visits/{id}/cancel", mine.appointment().id()).with(me))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(home).as("the visit's button leads to the question; nothing is cancelled from the list")
			.contains("href=\"/account/visits/" + mine.appointment().id() + "/cancel\"")
			.doesNotContain("action=\"/account/visits/" + mine.appointment().id() + "/cancel\"");
		assertThat(asked).contains("Cancel your visit?")
			.contains("Monday, March 15, 2027 at 10:00 AM EDT")
			.contains("Free to cancel until Sun, Mar 14, 10:00 AM EDT")
			.contains("action=\"/account/visits/" + mine.appointment().id() + "/cancel\"")
			.contains("Yes, cancel this visit")
			.contains("No, keep it");
		assertThat(status(mine)).isEqualTo("booked");
	}

	@Test
	void namesALateCancellationBeforeItIsMadeAndOffersAMoveInstead() throws Exception {
		ZonedDateTime soon = ZonedDateTime.now(NEW_YORK).plusHours(3).withMinute(0).withSecond(0).withNano(0);
		jdbc.sql("UPDATE appointment SET start_at = ?, end_at = ?, blocked_from = ?, blocked_to = ? WHERE id = ?")
			.params(soon.toOffsetDateTime(), soon.plusHours(1).toOffsetDateTime(), soon.toOffsetDateTime(),
					soon.plusHours(1).toOffsetDateTime(), mine.appointment().id())
			.update();

		String asked = mvc.perform(get("/account/visits/{id}/cancel", mine.appointment().id()).with(me))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(asked).contains("Free cancellation ended")
			.contains("a late cancellation and may be charged")
			.contains("href=\"/account/visits/" + mine.appointment().id() + "/move\"");
	}

	@Test
	void offersNoCancellationOfSomeoneElsesVisitOrOfOneAlreadyCancelled() throws Exception {
		mvc.perform(post("/account/visits/{id}/cancel", mine.appointment().id()).with(csrf()).with(me)).andReturn();

		MockHttpServletResponse someoneElsesPage = mvc
			.perform(get("/account/visits/{id}/cancel", someoneElses.appointment().id()).with(me))
			.andReturn()
			.getResponse();
		MockHttpServletResponse cancelledAlready = mvc
			.perform(get("/account/visits/{id}/cancel", mine.appointment().id()).with(me))
			.andReturn()
			.getResponse();

		assertThat(someoneElsesPage.getStatus()).isEqualTo(404);
		assertThat(someoneElsesPage.getContentAsString()).doesNotContain("Otto");
		assertThat(cancelledAlready.getStatus()).isEqualTo(302);
		assertThat(cancelledAlready.getRedirectedUrl()).isEqualTo("/account");
	}

	@Test
	void movesOwnVisitToAFreeTime() throws Exception {
		ZonedDateTime three = MONDAY.atTime(LocalTime.of(15, 0)).atZone(NEW_YORK);
		String form = mvc.perform(get("/account/visits/{id}/move", mine.appointment().id()).with(me))
			.andReturn()
			.getResponse()
			.getContentAsString();
		MockHttpServletResponse moved = mvc
			.perform(post("/account/visits/{id}/move", mine.appointment().id())
				.param("start", three.toOffsetDateTime().toString())
				.with(csrf())
				.with(me))
			.andReturn()
			.getResponse();
		MockHttpServletResponse notMine = mvc
			.perform(get("/account/visits/{id}/move", someoneElses.appointment().id()).with(me))
			.andReturn()
			.getResponse();

		assertThat(form).contains("3:00");
		assertThat(moved.getRedirectedUrl()).isEqualTo("/account");
		assertThat(jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
			.param(mine.appointment().id())
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(three.toInstant());
		assertThat(notMine.getStatus()).isEqualTo(404);
	}

	@Test
	void downloadsEverythingHeldAboutThePatientAndAuditsIt() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/account/export").with(me)).andReturn().getResponse();

		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".json");
		JsonNode export = json.readTree(response.getContentAsString());
		assertThat(export.path("patient").path("familyName").asString()).isEqualTo("Vale");
		assertThat(export.path("visits")).hasSize(1);
		assertThat(response.getContentAsString()).doesNotContain("Otto");
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE patient_id = ?")
			.param(mine.appointment().patientId().value())
			.query(String.class)
			.list()).contains("EXPORT");
	}

	@Test
	void theDownloadHoldsAssessmentsPaymentsRefundsFeesPackagesAuthorizationsAndSuperbills() throws Exception {
		UUID patient = mine.appointment().patientId().value();
		UUID visit = mine.appointment().id();
		context.getBean(Assessments.class)
			.record(new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(therapist),
					"Tight shoulders after long drives", Set.of(BodyRegion.NECK), null, true, Set.of(), null, null,
					null, null, null, List.of("M54.2"), null), new SessionNotes.Actor("test", "PRACTITIONER", null));
		Ledger ledger = context.getBean(Ledger.class);
		ledger.write(new Ledger.Line("test:fee:" + visit, EntryKind.CHARGE, Purpose.NO_SHOW_FEE, patient, visit,
				Money.usd(4000), null, null, null), Actor.SYSTEM);
		ledger.write(new Ledger.Line("test:paid:" + visit, EntryKind.PAYMENT, Purpose.VISIT, patient, visit,
				Money.usd(9500), Method.CASH, null, null), Actor.SYSTEM);
		ledger.write(new Ledger.Line("test:refund:" + visit, EntryKind.REFUND, Purpose.VISIT, patient, visit,
				Money.usd(1500), Method.CASH, null, "Overpaid"), Actor.SYSTEM);
		String packageId = context.getBean(PackageAdmin.class)
			.define(new PackageAdmin.Terms("3 x visit " + TestNetwork.shortId(), Money.usd(27000),
					List.of(TestNetwork.MASSAGE), 3, 365));
		context.getBean(PackageSales.class).sell(PatientId.of(patient), packageId, PaidHow.CASH);
		String plan = context.getBean(InsuranceAdmin.class)
			.add(new InsuranceAdmin.PlanTerms("Export Health " + TestNetwork.shortId(), PayerKind.COMMERCIAL,
					"Member ID", "[A-Z0-9]{6,12}"));
		context.getBean(Authorizations.class)
			.record(PatientId.of(patient), new Authorizations.Terms(plan, "EXP-" + TestNetwork.shortId(), 12, MONDAY,
					MONDAY.plusDays(90), List.of(TestNetwork.MASSAGE), List.of()));
		jdbc.sql("UPDATE appointment SET status = 'fulfilled' WHERE id = ?").param(visit).update();
		String[] codes = jdbc.sql("SELECT billing_codes FROM care_service WHERE id = ?")
			.param(TestNetwork.MASSAGE)
			.query((rs, n) -> (String[]) rs.getArray(1).getArray())
			.single();
		MockHttpServletResponse response;
		jdbc.sql("UPDATE care_service SET billing_codes = '{97124}' WHERE id = ?").param(TestNetwork.MASSAGE).update();
		try {
			response = mvc.perform(get("/account/export").with(me)).andReturn().getResponse();
		}
		finally {
			jdbc.sql("UPDATE care_service SET billing_codes = ? WHERE id = ?")
				.params(codes, TestNetwork.MASSAGE)
				.update();
		}

		JsonNode export = json.readTree(response.getContentAsString());
		assertThat(export.path("assessments").get(0).path("chiefComplaint").asString())
			.isEqualTo("Tight shoulders after long drives");
		assertThat(export.path("assessments").get(0).path("diagnosisCodes").get(0).asString()).isEqualTo("M54.2");
		assertThat(fields(export.path("payments"), "kind")).contains("charge", "payment", "refund");
		assertThat(fields(export.path("payments"), "amount")).contains("40.00 USD", "95.00 USD", "15.00 USD");
		assertThat(fields(export.path("payments"), "reason")).contains("Overpaid");
		JsonNode held = export.path("packages").get(0);
		assertThat(held.path("creditsLeft").asInt()).isEqualTo(3);
		assertThat(held.path("movements").get(0).path("kind").asString()).isEqualTo("bought");
		assertThat(export.path("authorizations").get(0).path("visitsAuthorized").asInt()).isEqualTo(12);
		assertThat(export.path("authorizations").get(0).path("plan").asString()).startsWith("Export Health");
		JsonNode bill = export.path("superbills").get(0);
		assertThat(bill.path("lines").get(0).path("dateOfService").asString()).isEqualTo("2027-03-15");
		assertThat(bill.path("lines").get(0).path("code").asString()).isEqualTo("97124");
		assertThat(bill.path("paid").asString()).isEqualTo("80.00 USD");
	}

	private static List<String> fields(JsonNode rows, String field) {
		return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
			.map(row -> row.path(field).asString())
			.toList();
	}

	@Test
	void theDownloadHoldsThePatientsPlansAndQuestionnaireAnswers() throws Exception {
		UUID patient = mine.appointment().patientId().value();
		var assessment = context.getBean(Assessments.class)
			.record(new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(therapist), "Sore neck",
					Set.of(BodyRegion.NECK), null, true, Set.of(), null, null, null, null, null, List.of("M54.2"),
					null), new SessionNotes.Actor("test", "PRACTITIONER", null));
		var plan = TreatmentPlan.draft(assessment.id(), PatientId.of(patient), PractitionerId.of(therapist),
				ServiceId.of(TestNetwork.MASSAGE),
				new PlanTerms(List.of(new Goal("Turn the head to reverse the car", "without pain")),
						Set.of(Technique.SHIATSU), 2, 6, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 26)),
				java.time.Instant.now());
		plan.sign(therapist, java.time.Instant.now());
		context.getBean(TreatmentPlans.class).save(plan);
		context.getBean(MeasureSchedules.class)
			.set(plan.id(), List.of(ScheduledMeasure.every(BuiltInMeasures.PSFS, Timing.EVERY_VISITS, 1)));
		context.getBean(MeasureResponses.class)
			.record(PatientId.of(patient), BuiltInMeasures.FUNCTION,
					new Answers(Map.of("activity-1", 4, "activity-2", 6, "activity-3", 5),
							Map.of("activity-1", "Gardening", "activity-2", "Driving", "activity-3", "Typing")),
					new MeasureResponses.Taken(plan.id(), null, null, "patient", java.time.Instant.now()));

		MockHttpServletResponse response = mvc.perform(get("/account/export").with(me)).andReturn().getResponse();

		JsonNode export = json.readTree(response.getContentAsString());
		JsonNode planned = export.path("treatmentPlans").get(0);
		assertThat(planned.path("status").asString()).isEqualTo("Active");
		assertThat(planned.path("versions").get(0).path("goals").get(0).path("goal").asString())
			.isEqualTo("Turn the head to reverse the car");
		assertThat(planned.path("versions").get(0).path("techniques").get(0).asString())
			.isEqualTo("Shiatsu and acupressure");
		assertThat(planned.path("measures").get(0).path("when").asString()).isEqualTo("before each visit");
		JsonNode answered = export.path("questionnaireAnswers").get(0);
		assertThat(answered.path("code").asString()).isEqualTo(BuiltInMeasures.PSFS);
		assertThat(answered.path("score").asDouble()).isEqualTo(5.0);
		assertThat(answered.path("plan").asString()).isEqualTo(plan.id().toString());
		assertThat(answered.path("activitiesNamed").path("activity-1").asString()).isEqualTo("Gardening");
		assertThat(planned.path("practitioner").asString()).as("named, as everywhere")
			.isEqualTo("Test " + therapist + ", LMT");
	}

	@Test
	void changesContactDetailsKeepingWhatWasTypedWhenWrong() throws Exception {
		MockHttpServletResponse wrong = mvc
			.perform(post("/account/details").param("givenName", "Iris")
				.param("familyName", "")
				.param("phone", "call me maybe")
				.with(csrf())
				.with(me))
			.andReturn()
			.getResponse();
		MockHttpServletResponse right = mvc
			.perform(post("/account/details").param("givenName", "Iris")
				.param("familyName", "Vale-Moreno")
				.param("phone", "(973) 555-0177")
				.with(csrf())
				.with(me))
			.andReturn()
			.getResponse();

		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("id=\"familyName-error\"")
			.contains("id=\"phone-error\"")
			.contains("value=\"call me maybe\"");
		assertThat(right.getRedirectedUrl()).isEqualTo("/account");
		assertThat(jdbc.sql("SELECT family_name || ' ' || phone FROM patient WHERE id = ?")
			.param(mine.appointment().patientId().value())
			.query(String.class)
			.single()).isEqualTo("Vale-Moreno +19735550177");
	}

	@Test
	void choosesHowMessagesAreSent() throws Exception {
		MockHttpServletResponse wrong = mvc
			.perform(post("/account/messages").param("channels", "pigeon").with(csrf()).with(me))
			.andReturn()
			.getResponse();
		mvc.perform(post("/account/messages").param("channels", "both").param("optedOut", "true").with(csrf()).with(me))
			.andReturn();

		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("id=\"channels-error\"");
		assertThat(jdbc.sql("SELECT notify_by || ':' || notifications_opted_out FROM patient WHERE id = ?")
			.param(mine.appointment().patientId().value())
			.query(String.class)
			.single()).isEqualTo("both:true");
		assertThat(mvc.perform(get("/account/messages").with(me)).andReturn().getResponse().getContentAsString())
			.contains("value=\"both\" checked");
	}

	@Test
	void recordsARequestToCloseTheAccount() throws Exception {
		mvc.perform(post("/account/close").with(csrf()).with(me)).andReturn();

		assertThat(jdbc.sql("SELECT closure_requested_at IS NOT NULL FROM account WHERE id = ?")
			.param(accountId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void anAdminClosesARequestedAccountKeepingTheRecordsOfCare() throws Exception {
		var admin = org.unknot.SignedInAs.admin();
		String before = mvc.perform(get("/admin/accounts").with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(before).doesNotContain("Iris Vale");
		mvc.perform(post("/account/close").with(csrf()).with(me)).andReturn();

		String listed = mvc.perform(get("/admin/accounts").with(admin)).andReturn().getResponse().getContentAsString();
		MockHttpServletResponse closed = mvc
			.perform(post("/admin/accounts/{id}/close", accountId).with(csrf()).with(admin))
			.andReturn()
			.getResponse();

		assertThat(listed).contains("Patients asking to close their account").contains("Iris Vale");
		assertThat(closed.getRedirectedUrl()).isEqualTo("/admin/accounts");
		assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id = ?").param(accountId).query(Long.class).single())
			.isZero();
		assertThat(status(mine)).as("the visit and the patient record stay").isEqualTo("booked");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND action = 'CLOSE'")
			.param(mine.appointment().patientId().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesToCloseAnAccountWhoseOwnerDidNotAsk() throws Exception {
		var admin = org.unknot.SignedInAs.admin();

		var refused = mvc.perform(post("/admin/accounts/{id}/close", accountId).with(csrf()).with(admin)).andReturn();

		assertThat(refused.getFlashMap().get("problem").toString()).contains("asked to close");
		assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id = ?").param(accountId).query(Long.class).single())
			.isOne();
	}

	private Booked book(int hour, PatientDetails patient) {
		return desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic), MONDAY.atTime(LocalTime.of(hour, 0)).atZone(NEW_YORK).toInstant()), null,
				patient);
	}

	/** The visit as if it had taken place at 10:00 on that day. */
	private void done(Booked booked, LocalDate day) {
		ZonedDateTime start = day.atTime(LocalTime.of(10, 0)).atZone(NEW_YORK);
		jdbc.sql("""
				UPDATE appointment SET start_at = ?, end_at = ?, blocked_from = ?, blocked_to = ?, status = 'fulfilled'
				WHERE id = ?""")
			.params(start.toOffsetDateTime(), start.plusHours(1).toOffsetDateTime(), start.toOffsetDateTime(),
					start.plusHours(1).toOffsetDateTime(), booked.appointment().id())
			.update();
	}

	private String emailOf(Booked booked) {
		return jdbc.sql("SELECT p.email FROM patient p JOIN appointment a ON a.patient_id = p.id WHERE a.id = ?")
			.param(booked.appointment().id())
			.query(String.class)
			.single();
	}

	private static String between(String page, String from, String to) {
		int start = page.indexOf(from);
		int end = page.indexOf(to, start);
		assertThat(start).as("%s on the page", from).isNotNegative();
		assertThat(end).as("%s after %s", to, from).isGreaterThan(start);
		return page.substring(start, end);
	}

	private String status(Booked booked) {
		return jdbc.sql("SELECT status FROM appointment WHERE id = ?")
			.param(booked.appointment().id())
			.query(String.class)
			.single();
	}

}
