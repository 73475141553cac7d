package org.unknot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.LocationId;
import org.unknot.content.ArticleAdmin;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.PayerKind;
import org.unknot.notification.Channel;
import org.unknot.notification.MessageKind;
import org.unknot.notification.OutboxDispatcher;
import org.unknot.notification.OutboxMessage;
import org.unknot.notification.OutboxMessages;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;

/**
 * Every protected page, for every role, on its own record and on another patient's or
 * another clinic's: the server allows exactly what the table says and nothing more.
 */
@UnknotIntegrationTest
class AccessMatrixTests {

	enum Who {

		ANONYMOUS, PATIENT, PRACTITIONER, FRONT_DESK, ADMIN

	}

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	@Autowired
	InsuranceAdmin insurance;

	@Autowired
	ArticleAdmin articles;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	OutboxMessages outbox;

	MockMvc mvc;

	String clinicA;

	String clinicB;

	String practitionerA;

	String practitionerB;

	UUID visitA;

	UUID patientA;

	UUID visitB;

	UUID patientB;

	String plan;

	long article;

	UUID planA;

	UUID planB;

	UUID confirmationA;

	@BeforeEach
	void twoClinicsWithAPatientEach() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		clinicA = network.clinic(1, 0, 0);
		clinicB = network.clinic(1, 0, 0);
		practitionerA = network.therapist();
		practitionerB = network.therapist();
		network.weekdays(practitionerA, clinicA).weekdays(practitionerB, clinicB);
		var a = book(practitionerA, clinicA);
		var b = book(practitionerB, clinicB);
		visitA = a[0];
		patientA = a[1];
		visitB = b[0];
		patientB = b[1];
		plan = insurance.add(new InsuranceAdmin.PlanTerms("Matrix plan " + TestNetwork.shortId(), PayerKind.COMMERCIAL,
				"Member ID", "[A-Z0-9]{4,20}"));
		planA = signedPlan(patientA, practitionerA);
		planB = signedPlan(patientB, practitionerB);
		confirmationA = sentConfirmationOf(visitA);
		article = articles.create(new ArticleAdmin.Text("matrix-" + TestNetwork.shortId(), "Matrix article", "Summary.",
				"Body.", List.of("matrix"), List.of(), LocalDate.of(2020, 1, 1)));
	}

	@Test
	void allowsExactlyWhatEachRoleNeeds() throws Exception {
		Set<Who> staffOfA = EnumSet.of(Who.FRONT_DESK, Who.ADMIN);
		Set<Who> adminOnly = EnumSet.of(Who.ADMIN);
		Set<Who> allStaff = EnumSet.of(Who.PRACTITIONER, Who.FRONT_DESK, Who.ADMIN);
		Map<String, Row> rows = new LinkedHashMap<>();
		rows.put("own clinic's calendar", new Row(() -> get("/staff/calendar").param("clinic", clinicA), staffOfA));
		rows.put("other clinic's calendar", new Row(() -> get("/staff/calendar").param("clinic", clinicB), adminOnly));
		rows.put("own clinic's visit: arrived",
				new Row(() -> post("/staff/visits/{id}/arrive", visitA).with(csrf()), staffOfA));
		rows.put("other clinic's visit: arrived",
				new Row(() -> post("/staff/visits/{id}/arrive", visitB).with(csrf()), adminOnly));
		rows.put("other clinic's visit: cancel",
				new Row(() -> post("/staff/visits/{id}/cancel", visitB).with(csrf()), adminOnly));
		rows.put("other clinic's visit: move form", new Row(() -> get("/staff/visits/{id}/move", visitB), adminOnly));
		rows.put("own clinic's caller booking", new Row(() -> get("/staff/book").param("clinic", clinicA), staffOfA));
		rows.put("other clinic's caller booking",
				new Row(() -> get("/staff/book").param("clinic", clinicB), adminOnly));
		rows.put("block time at other clinic",
				new Row(() -> post("/staff/block").with(csrf())
					.param("clinic", clinicB)
					.param("date", MONDAY.toString())
					.param("practitioner", practitionerA)
					.param("from", "12:00")
					.param("to", "13:00"), adminOnly));
		rows.put("own patient's record", new Row(() -> get("/staff/patients/{id}", patientA), allStaff));
		rows.put("other clinic's patient's record", new Row(() -> get("/staff/patients/{id}", patientB), adminOnly));
		Set<Who> treating = EnumSet.of(Who.PRACTITIONER, Who.ADMIN);
		rows.put("own patient's care", new Row(() -> get("/staff/patients/{id}/care", patientA), allStaff));
		rows.put("other clinic's patient's care", new Row(() -> get("/staff/patients/{id}/care", patientB), adminOnly));
		rows.put("own patient's plan", new Row(() -> get("/staff/plans/{id}", planA), allStaff));
		rows.put("other clinic's patient's plan", new Row(() -> get("/staff/plans/{id}", planB), adminOnly));
		rows.put("book own patient's plan", new Row(() -> get("/staff/plans/{id}/book", planA), allStaff));
		rows.put("book other clinic's patient's plan", new Row(() -> get("/staff/plans/{id}/book", planB), adminOnly));
		rows.put("own patient's progress (staff)",
				new Row(() -> get("/staff/patients/{id}/progress", patientA), treating));
		rows.put("other clinic's patient's progress (staff)",
				new Row(() -> get("/staff/patients/{id}/progress", patientB), adminOnly));
		rows.put("assess own patient",
				new Row(() -> get("/staff/patients/{id}/assessments/new", patientA), EnumSet.of(Who.PRACTITIONER)));
		rows.put("amend own patient's plan",
				new Row(() -> get("/staff/plans/{id}/edit", planA), EnumSet.of(Who.PRACTITIONER)));
		rows.put("amend other clinic's patient's plan",
				new Row(() -> get("/staff/plans/{id}/edit", planB), EnumSet.noneOf(Who.class)));
		rows.put("report on own patient's plan",
				new Row(() -> get("/staff/plans/{id}/reports/new", planA), EnumSet.of(Who.PRACTITIONER)));
		rows.put("report on other clinic's patient's plan",
				new Row(() -> get("/staff/plans/{id}/reports/new", planB), EnumSet.noneOf(Who.class)));
		rows.put("discontinue own patient's plan (no reason: refused with a message)",
				new Row(() -> post("/staff/plans/{id}/discontinue", planA).with(csrf()), treating));
		rows.put("patient's own progress", new Row(() -> get("/account/progress"), EnumSet.of(Who.PATIENT)));
		rows.put("practitioner's day", new Row(() -> get("/staff/my-day"), EnumSet.of(Who.PRACTITIONER)));
		rows.put("workspace home", new Row(() -> get("/staff"), allStaff));
		rows.put("waitlist", new Row(() -> get("/staff/waitlist"), allStaff));
		rows.put("patient's message choice", new Row(() -> get("/account/messages"), EnumSet.of(Who.PATIENT)));
		rows.put("admin overview", new Row(() -> get("/admin"), adminOnly));
		rows.put("staff accounts", new Row(() -> get("/admin/accounts"), adminOnly));
		rows.put("create staff account", new Row(() -> post("/admin/accounts").with(csrf()), adminOnly));
		rows.put("practitioners admin", new Row(() -> get("/admin/practitioners"), adminOnly));
		rows.put("who viewed a patient", new Row(() -> get("/admin/patients/{id}/audit", patientA), adminOnly));
		rows.put("sent messages", new Row(() -> get("/admin/messages"), adminOnly));
		rows.put("a sent message's calendar file",
				new Row(() -> get("/admin/messages/{id}/invitation.ics", confirmationA), adminOnly));
		rows.put("make a practitioner's calendar feed",
				new Row(() -> post("/admin/practitioners/{id}/calendar-feed", practitionerA).with(csrf()), adminOnly));
		rows.put("insurance plans", new Row(() -> get("/admin/insurance"), adminOnly));
		rows.put("add an insurance plan", new Row(() -> post("/admin/insurance").with(csrf()), adminOnly));
		rows.put("an insurance plan", new Row(() -> get("/admin/insurance/{id}", plan), adminOnly));
		rows.put("change an insurance plan",
				new Row(() -> post("/admin/insurance/{id}", plan).with(csrf()), adminOnly));
		rows.put("change a plan's coverage",
				new Row(() -> post("/admin/insurance/{id}/coverage", plan).with(csrf()), adminOnly));
		rows.put("stop accepting a plan",
				new Row(() -> post("/admin/insurance/{id}/stop", plan).with(csrf()), adminOnly));
		rows.put("accept a plan again",
				new Row(() -> post("/admin/insurance/{id}/accept", plan).with(csrf()), adminOnly));
		rows.put("articles admin", new Row(() -> get("/admin/articles"), adminOnly));
		rows.put("new article form", new Row(() -> get("/admin/articles/new"), adminOnly));
		rows.put("create an article", new Row(() -> post("/admin/articles").with(csrf()), adminOnly));
		rows.put("preview a new article",
				new Row(() -> post("/admin/articles/preview").with(csrf()).param("body", "x"), adminOnly));
		rows.put("an article (admin)", new Row(() -> get("/admin/articles/{id}", article), adminOnly));
		rows.put("change an article", new Row(() -> post("/admin/articles/{id}", article).with(csrf()), adminOnly));
		rows.put("preview an article", new Row(
				() -> post("/admin/articles/{id}/preview", article).with(csrf()).param("body", "x"), adminOnly));
		rows.put("publish an article",
				new Row(() -> post("/admin/articles/{id}/publish", article).with(csrf()), adminOnly));
		rows.put("unpublish an article",
				new Row(() -> post("/admin/articles/{id}/unpublish", article).with(csrf()), adminOnly));
		rows.put("practitioner profile change",
				new Row(() -> post("/admin/practitioners/{id}/profile", practitionerA).with(csrf()), adminOnly));
		rows.put("practitioner licence added",
				new Row(() -> post("/admin/practitioners/{id}/licences", practitionerA).with(csrf()), adminOnly));
		rows.put("service added", new Row(() -> post("/admin/services").with(csrf()), adminOnly));
		rows.put("clinic added", new Row(() -> post("/admin/clinics").with(csrf()), adminOnly));
		UUID patientAccount = context.getBean(org.unknot.account.AccountDesk.class)
			.create(new org.unknot.account.AccountDesk.NewAccount("matrix-" + UUID.randomUUID() + "@example.org",
					"Pat Matrix", Role.PATIENT, List.of(), null, patientA, "a long matrix passphrase"))
			.id();
		rows.put("close a patient's account (not asked: refused with a message)",
				new Row(() -> post("/admin/accounts/{id}/close", patientAccount).with(csrf()), adminOnly));
		rows.put("practitioner time off",
				new Row(() -> post("/admin/practitioners/{id}/time-off", practitionerA).with(csrf()), adminOnly));
		rows.put("waitlist (staff list)", new Row(() -> get("/api/v1/staff/waitlist"), allStaff));
		rows.put("patient portal", new Row(() -> get("/account"), EnumSet.of(Who.PATIENT)));
		rows.put("patient's data download", new Row(() -> get("/account/export"), EnumSet.of(Who.PATIENT)));
		rows.put("own visit: move (patient)",
				new Row(() -> get("/account/visits/{id}/move", visitA), EnumSet.of(Who.PATIENT)));
		rows.put("another patient's visit: move (patient)",
				new Row(() -> get("/account/visits/{id}/move", visitB), EnumSet.noneOf(Who.class)));
		rows.put("another patient's visit: cancel (patient)",
				new Row(() -> post("/account/visits/{id}/cancel", visitB).with(csrf()), EnumSet.noneOf(Who.class)));

		List<String> unexpected = new ArrayList<>();
		for (Map.Entry<String, Row> row : rows.entrySet()) {
			for (Who who : Who.values()) {
				MockHttpServletResponse response = mvc.perform(row.getValue().request().get().with(as(who)))
					.andReturn()
					.getResponse();
				boolean allowed = allowed(response);
				if (allowed != row.getValue().allowed().contains(who)) {
					unexpected.add(row.getKey() + " as " + who + ": " + (allowed ? "allowed" : "refused") + " ("
							+ response.getStatus() + " " + response.getRedirectedUrl() + ")");
				}
			}
		}

		assertThat(unexpected).isEmpty();
	}

	/**
	 * The calendar file of a sent email is the admin's to download, as the patient got
	 * it; the other roles are refused as on every admin page, and an id no message has is
	 * not found rather than refused.
	 */
	@Test
	void givesTheCalendarFileOfASentMessageToTheAdminAlone() throws Exception {
		MockHttpServletResponse admin = calendarFile(confirmationA, Who.ADMIN);
		MockHttpServletResponse anonymous = calendarFile(confirmationA, Who.ANONYMOUS);
		Map<Who, MockHttpServletResponse> otherRoles = new EnumMap<>(Who.class);
		for (Who who : List.of(Who.PATIENT, Who.PRACTITIONER, Who.FRONT_DESK)) {
			otherRoles.put(who, calendarFile(confirmationA, who));
		}
		MockHttpServletResponse unknown = calendarFile(UUID.randomUUID(), Who.ADMIN);

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(admin.getStatus()).isEqualTo(200);
		softly.assertThat(admin.getContentType()).startsWith("text/calendar");
		softly.assertThat(admin.getContentAsString())
			.startsWith("BEGIN:VCALENDAR")
			.contains("UID:" + visitA + "@unknot")
			.contains("END:VCALENDAR");
		for (Map.Entry<Who, MockHttpServletResponse> refused : otherRoles.entrySet()) {
			softly.assertThat(allowed(refused.getValue()))
				.as("%s: %d", refused.getKey(), refused.getValue().getStatus())
				.isFalse();
			softly.assertThat(refused.getValue().getContentAsString())
				.as(refused.getKey().name())
				.doesNotContain("BEGIN:VCALENDAR");
		}
		softly.assertThat(anonymous.getStatus()).as("anonymous").isEqualTo(302);
		softly.assertThat(anonymous.getRedirectedUrl()).as("anonymous").contains("/sign-in");
		softly.assertThat(unknown.getStatus()).as("an id no message has").isEqualTo(404);
		softly.assertAll();
	}

	private MockHttpServletResponse calendarFile(UUID message, Who who) throws Exception {
		return mvc.perform(get("/admin/messages/{id}/invitation.ics", message).with(as(who))).andReturn().getResponse();
	}

	private static boolean allowed(MockHttpServletResponse response) {
		int status = response.getStatus();
		if (status == 401 || status == 403) {
			return false;
		}
		if (status == 302) {
			return response.getRedirectedUrl() == null || !response.getRedirectedUrl().contains("/sign-in");
		}
		return status < 400 || status == 422;
	}

	private RequestPostProcessor as(Who who) {
		if (who == Who.ANONYMOUS) {
			return anonymous();
		}
		SignedIn me = switch (who) {
			case PATIENT ->
				new SignedIn(UUID.randomUUID(), "p@example.org", "Pat", Role.PATIENT, List.of(), null, patientA);
			case PRACTITIONER -> new SignedIn(UUID.randomUUID(), "t@unknot.example", "Ther", Role.PRACTITIONER,
					List.of(), practitionerA, null);
			case FRONT_DESK -> new SignedIn(UUID.randomUUID(), "d@unknot.example", "Desk", Role.FRONT_DESK,
					List.of(clinicA), null, null);
			default -> new SignedIn(UUID.randomUUID(), "a@unknot.example", "Admin", Role.ADMIN, List.of(), null, null);
		};
		return SignedInAs.signedIn(me);
	}

	private UUID[] book(String practitioner, String clinic) {
		var start = MONDAY.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant();
		var booked = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(practitioner),
						LocationId.of(clinic), start),
				null, new PatientDetails("Pat", "Matrix", "matrix-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1990, 1, 1)));
		return new UUID[] { booked.appointment().id(), booked.appointment().patientId().value() };
	}

	private UUID signedPlan(UUID patient, String practitioner) {
		var assessment = context.getBean(Assessments.class)
			.record(new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(practitioner), "Matrix ache",
					Set.of(BodyRegion.NECK), null, true, Set.of(), null, null, null, null, null, List.of("M54.2"),
					null), new SessionNotes.Actor("test", "PRACTITIONER", null));
		TreatmentPlan plan = TreatmentPlan.draft(assessment.id(), PatientId.of(patient),
				PractitionerId.of(practitioner), ServiceId.of(TestNetwork.MASSAGE),
				new PlanTerms(List.of(new Goal("Worst pain", "3/10")), Set.of(Technique.SWEDISH), 1, 4, MONDAY,
						MONDAY.plusWeeks(4)),
				java.time.Instant.now());
		plan.sign(practitioner, java.time.Instant.now());
		context.getBean(TreatmentPlans.class).save(plan);
		return plan.id();
	}

	/**
	 * The email confirming the visit, sent as the outbox sends it (the scheduled
	 * dispatcher is off in tests): with no SMTP server it is kept for the sent messages
	 * page, with the invitation it carried.
	 */
	private UUID sentConfirmationOf(UUID visit) {
		dispatcher.dispatchDue();
		OutboxMessage confirmation = outbox.about(visit)
			.stream()
			.filter(message -> message.kind() == MessageKind.BOOKED && message.channel() == Channel.EMAIL)
			.findFirst()
			.orElseThrow();
		assertThat(confirmation.status()).isEqualTo("sent");
		assertThat(outbox.calendarOf(confirmation.id())).as("the invitation it carried").isPresent();
		return confirmation.id();
	}

	record Row(Supplier<MockHttpServletRequestBuilder> request, Set<Who> allowed) {
	}

}
