package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.SecretToken;
import org.unknot.system.Times;

/**
 * Reports on a plan through the staff pages, the provider's link and the portal: signed
 * by a practitioner who treats the patient, drawn as a PDF that reads back, shared as a
 * link that expires and opens only its own report, and audited at every step.
 */
@UnknotIntegrationTest
class PlanReportsTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	/** The plan began three weeks ago: a pain score before it is its baseline. */
	static final LocalDate START = LocalDate.now(NEW_YORK).minusWeeks(3);

	static final String SUMMARY = "Responding well: tension headaches now twice a month instead of weekly.";

	static final Pattern LINK = Pattern.compile("/reports/shared/([A-Za-z0-9_-]{43})");

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

	MockMvc mvc;

	TestNetwork network;

	String clinic;

	String therapist;

	UUID patient;

	TreatmentPlan plan;

	String email;

	@BeforeEach
	void aPlanWithScores() {
		email = "rowan." + UUID.randomUUID() + "@example.org";
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		Booked first = book(at(MONDAY, 9), "Rowan", "Tiller");
		patient = first.appointment().patientId().value();
		Booked second = book(at(MONDAY.plusWeeks(2), 9), "Rowan", "Tiller");
		desk.cancelForClinic(second.appointment().id(), "Clinic closed for a burst pipe");
		plan = fixture().signed(patient, therapist, START);
		plans.link(plan.id(), first.appointment().id(), Instant.now());
		plans.link(plan.id(), second.appointment().id(), Instant.now());
		fixture().pain(patient, 9, Duration.ofDays(40));
		fixture().pain(patient, 7, Duration.ofDays(28));
		fixture().pain(patient, 4, Duration.ofDays(1));
	}

	@Nested
	class AProgressReport {

		@Test
		void isSignedByTheTreatingPractitionerAndReadsBackWithTheNameGoalsScoresAndVerdict() throws Exception {
			assertThat(sign(plan.id(), SUMMARY, null, therapist()).getStatus()).isEqualTo(302);

			String page = page(get("/staff/plans/{id}", plan.id()), therapist());
			assertThat(page).contains("Progress report, signed").contains("download the PDF");
			UUID report = onlyReport(plan.id());
			MockHttpServletResponse download = mvc.perform(get("/staff/reports/{id}/pdf", report).with(therapist()))
				.andReturn()
				.getResponse();
			assertThat(download.getStatus()).isEqualTo(200);
			assertThat(download.getContentType()).isEqualTo("application/pdf");
			assertThat(download.getHeader("Content-Disposition")).contains("progress-report-");

			try (PDDocument document = Loader.loadPDF(download.getContentAsByteArray())) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("Progress report")
					.contains("Rowan Tiller")
					.contains("Worst pain in a day: 3/10 or less")
					.contains("Swedish")
					.contains("0 of 6 done, 1 booked, 5 still to book (1 cancelled or missed)")
					.contains("cancelled")
					.contains("Pain intensity (0 to 10)")
					.contains("Pain has gone from 7 to 4: a meaningful improvement.")
					.contains(SUMMARY)
					.contains("by Test " + therapist);
				assertThat(text.replaceAll("\\s+", " "))
					.contains("Charted from " + Times.day(START) + " to " + Times.day(LocalDate.now(NEW_YORK))
							+ ", the plan's period; the first point (" + dayAgo(28) + ") is the baseline")
					.contains("Scores: " + dayAgo(28) + ": 7; " + dayAgo(1) + ": 4.")
					.doesNotContain(dayAgo(40) + ": 9");
				assertThat(document.getNumberOfPages()).isEqualTo(pagesOf(report)).isBetween(1, 4);
			}
			assertThat(auditOf(patient)).contains("CREATE:care-report:PRACTITIONER:SUCCESS",
					"READ:care-report:PRACTITIONER:SUCCESS");
		}

		@Test
		void leftEmptyIsRefusedWithTheMessageBesideTheFieldAndNothingSigned() throws Exception {
			MockHttpServletResponse refused = sign(plan.id(), "   ", null, therapist());

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Write the summary the report ends with.")
				.contains("aria-invalid=\"true\"");
			assertThat(reportsOf(plan.id())).isZero();
		}

		@Test
		void isRefusedToAPractitionerWhoDoesNotTreatThePatientAndTheAttemptAudited() throws Exception {
			sign(plan.id(), SUMMARY, null, therapist());
			UUID report = onlyReport(plan.id());
			RequestPostProcessor stranger = SignedInAs.signedIn(Role.PRACTITIONER, network.therapist(), null);

			assertThat(sign(plan.id(), "Mine now", null, stranger).getStatus()).isEqualTo(403);
			MockHttpServletResponse download = mvc.perform(get("/staff/reports/{id}/pdf", report).with(stranger))
				.andReturn()
				.getResponse();
			assertThat(download.getStatus()).isEqualTo(303);
			assertThat(download.getContentAsByteArray()).isEmpty();
			assertThat(download.getHeader("Location")).isEqualTo("/staff/reports/" + report + "/reason");
			assertThat(status(post("/staff/reports/{id}/send", report).with(csrf())
				.param("providerName", "Dr. Priya Lee")
				.param("providerEmail", "priya.lee@example.org"), stranger)).isEqualTo(403);
			assertThat(status(get("/staff/reports/{id}/pdf", report), SignedInAs.frontDeskOf(clinic))).isEqualTo(403);

			assertThat(reportsOf(plan.id())).isEqualTo(1);
			assertThat(auditOf(patient)).contains("READ:care-report:PRACTITIONER:DENIED",
					"READ:care-report:FRONT_DESK:DENIED");
			assertThat(linksSentFor(report)).isZero();
		}

	}

	@Nested
	class OpenedInAnEmergency {

		static final String REASON = "Covering the emergency clinic tonight; the patient arrived in pain.";

		UUID report;

		RequestPostProcessor stranger;

		@BeforeEach
		void signed() throws Exception {
			sign(plan.id(), SUMMARY, null, therapist());
			report = onlyReport(plan.id());
			stranger = SignedInAs.signedIn(Role.PRACTITIONER, network.therapist(), null);
		}

		@Test
		void theRefusalAsksWhyAndNamesNeitherThePatientNorTheirHealth() throws Exception {
			assertThat(status(get("/staff/reports/{id}/pdf", report), stranger)).isEqualTo(303);

			MockHttpServletResponse refusal = mvc.perform(get("/staff/reports/{id}/reason", report).with(stranger))
				.andReturn()
				.getResponse();
			assertThat(refusal.getStatus()).isEqualTo(403);
			assertThat(refusal.getContentAsString()).contains("Reason needed")
				.contains("action=\"/staff/reports/" + report + "/reason\"")
				.contains("for 30 minutes")
				.doesNotContain("Rowan")
				.doesNotContain("Download the PDF");
			assertThat(auditOf(patient)).contains("READ:care-report:PRACTITIONER:DENIED")
				.doesNotContain("READ:care-report:PRACTITIONER:SUCCESS");
		}

		@Test
		void aReasonOpensTheReportForAWhileAndEveryOpeningIsAuditedWithIt() throws Exception {
			MockHttpServletResponse given = giveReason(REASON, stranger);
			assertThat(given.getStatus()).isEqualTo(302);
			assertThat(given.getRedirectedUrl()).isEqualTo("/staff/reports/" + report + "/reason");
			assertThat(page(get("/staff/reports/{id}/reason", report), stranger)).contains("Download the PDF")
				.contains("You may open it until");

			MockHttpServletResponse first = mvc.perform(get("/staff/reports/{id}/pdf", report).with(stranger))
				.andReturn()
				.getResponse();
			assertThat(first.getStatus()).isEqualTo(200);
			assertThat(textOf(first.getContentAsByteArray())).contains("Rowan Tiller").contains(SUMMARY);
			assertThat(status(get("/staff/reports/{id}/pdf", report), stranger)).isEqualTo(200);

			assertThat(jdbc.sql("""
					SELECT reason FROM audit_entry
					WHERE patient_id = ? AND action = 'READ' AND subject = 'care-report' AND outcome = 'SUCCESS'
					  AND actor_role = 'PRACTITIONER'""").param(patient).query(String.class).list())
				.containsExactly(REASON, REASON);
			assertThat(page(get("/admin/patients/{id}/audit", patient), SignedInAs.admin())).contains(REASON);
			assertThat(page(get("/admin"), SignedInAs.admin())).contains(REASON);
		}

		@Test
		void aReasonLapsesAndMustBeGivenAgain() throws Exception {
			giveReason(REASON, stranger);
			jdbc.sql("UPDATE care_report_break_glass SET expires_at = now() - interval '1 second' WHERE report_id = ?")
				.param(report)
				.update();

			assertThat(status(get("/staff/reports/{id}/pdf", report), stranger)).isEqualTo(303);
			assertThat(status(get("/staff/reports/{id}/reason", report), stranger)).isEqualTo(403);
			assertThat(auditOf(patient)).contains("READ:care-report:PRACTITIONER:DENIED");
		}

		@Test
		void aReasonOpensOnlyItsOwnReportForOnlyWhoGaveIt() throws Exception {
			UUID otherPatient = book(at(MONDAY.plusDays(1), 10), "Ines", "Marlow").appointment().patientId().value();
			TreatmentPlan otherPlan = fixture().signed(otherPatient, therapist, MONDAY);
			sign(otherPlan.id(), "A different patient's summary.", null, therapist());
			giveReason(REASON, stranger);

			assertThat(status(get("/staff/reports/{id}/pdf", onlyReport(otherPlan.id())), stranger)).isEqualTo(303);
			RequestPostProcessor colleague = SignedInAs.signedIn(Role.PRACTITIONER, network.therapist(), null);
			assertThat(status(get("/staff/reports/{id}/pdf", report), colleague)).isEqualTo(303);
		}

		@Test
		void aShortReasonIsRefusedBesideTheFieldKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse refused = giveReason("  urgent ", stranger);

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Give a reason of at least 10 characters")
				.contains("aria-invalid=\"true\"")
				.contains(">  urgent </textarea>");
			assertThat(reasonsGivenFor(report)).isZero();
			assertThat(status(get("/staff/reports/{id}/pdf", report), stranger)).isEqualTo(303);
		}

		@Test
		void isNotOfferedToTheFrontDesk() throws Exception {
			RequestPostProcessor desk = SignedInAs.frontDeskOf(clinic);

			assertThat(status(get("/staff/reports/{id}/pdf", report), desk)).isEqualTo(403);
			assertThat(giveReason(REASON, desk).getStatus()).isEqualTo(403);
			assertThat(reasonsGivenFor(report)).isZero();
			assertThat(auditOf(patient)).contains("READ:care-report:FRONT_DESK:DENIED")
				.doesNotContain("READ:care-report:FRONT_DESK:SUCCESS");
		}

		private MockHttpServletResponse giveReason(String reason, RequestPostProcessor who) throws Exception {
			return mvc
				.perform(post("/staff/reports/{id}/reason", report).with(csrf()).param("reason", reason).with(who))
				.andReturn()
				.getResponse();
		}

	}

	@Nested
	class SentToAProvider {

		UUID report;

		String priya = "priya.lee." + UUID.randomUUID() + "@example.org";

		@BeforeEach
		void signed() throws Exception {
			sign(plan.id(), SUMMARY, null, therapist());
			report = onlyReport(plan.id());
		}

		@Test
		void goesAsALinkInAnEmailThatSaysNothingOfThePatientOrTheirHealth() throws Exception {
			String token = send(report, priya);

			Map<String, Object> message = jdbc
				.sql("SELECT subject, body_text, body_html, kind FROM outbox_message WHERE recipient = ?")
				.param(priya)
				.query()
				.singleRow();
			assertThat(message.get("kind")).isEqualTo("PROVIDER_REPORT");
			String everything = message.get("subject") + "\n" + message.get("body_text") + "\n"
					+ message.get("body_html");
			assertThat(everything).contains("Dr. Priya Lee")
				.contains("/reports/shared/" + token)
				.contains("Test " + therapist);
			assertThat(everything.toLowerCase()).doesNotContain("rowan", "tiller", "pain", "swedish", "3/10",
					"headache", "massage", "progress report", ".pdf");
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapist()))
				.contains("Sent to Dr. Priya Lee (" + priya + ") on ")
				.contains(", link works until ")
				.contains(", not opened");
			assertThat(auditOf(patient)).contains("DISCLOSE:care-report:PRACTITIONER:SUCCESS");
		}

		@Test
		void opensAPageThatDownloadsTheReportWhileTheLinkLives() throws Exception {
			String token = send(report, priya);

			String page = page(get("/reports/shared/{token}", token), anonymous());
			assertThat(page).contains("Download the report (PDF)")
				.contains("This link works until")
				.doesNotContain("Rowan");
			MockHttpServletResponse pdf = mvc.perform(get("/reports/shared/{token}/pdf", token))
				.andReturn()
				.getResponse();
			assertThat(pdf.getStatus()).isEqualTo(200);
			assertThat(textOf(pdf.getContentAsByteArray())).contains("Rowan Tiller").contains(SUMMARY);
			assertThat(auditOf(patient)).contains("READ:care-report:PROVIDER:SUCCESS");
			assertThat(jdbc.sql("SELECT downloads FROM care_report_link WHERE report_id = ?")
				.param(report)
				.query(Integer.class)
				.list()).containsExactly(1);
		}

		@Test
		void saysPlainlyWhenTheLinkHasExpiredAndNoLongerGivesTheReport() throws Exception {
			String token = send(report, priya);
			jdbc.sql("UPDATE care_report_link SET expires_at = now() - interval '1 minute' WHERE report_id = ?")
				.param(report)
				.update();

			assertThat(closedPage(token)).contains("This link has expired").doesNotContain("This link was withdrawn");
			assertThat(auditOf(patient)).contains("READ:care-report:PROVIDER:DENIED")
				.doesNotContain("READ:care-report:PROVIDER:SUCCESS");
		}

		@Test
		void opensOnlyItsOwnReportAndAGuessedTokenOpensNothing() throws Exception {
			UUID otherPatient = book(at(MONDAY.plusDays(1), 10), "Ines", "Marlow").appointment().patientId().value();
			TreatmentPlan otherPlan = fixture().signed(otherPatient, therapist, MONDAY);
			sign(otherPlan.id(), "A different patient's summary.", null, therapist());
			String mine = send(report, priya);
			String theirs = send(onlyReport(otherPlan.id()), "omar." + UUID.randomUUID() + "@example.org");

			assertThat(textOf(download(mine))).contains("Rowan Tiller").doesNotContain("Ines Marlow");
			assertThat(textOf(download(theirs))).contains("Ines Marlow").doesNotContain("Rowan Tiller");
			String guessed = SecretToken.generate().value();
			assertThat(mvc.perform(get("/reports/shared/{token}/pdf", guessed)).andReturn().getResponse().getStatus())
				.isEqualTo(404);
			assertThat(mvc.perform(get("/reports/shared/{token}", mine.substring(1) + "A"))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(404);
		}

		@Test
		void listsTheAddressAsTypedAndWhetherTheProviderOpenedIt() throws Exception {
			String typed = "Priya.Lee." + UUID.randomUUID() + "@Example.ORG";
			String token = send(report, typed);
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapist())).contains("(" + typed + ") on ")
				.contains(", not opened");

			page(get("/reports/shared/{token}", token), anonymous());
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapist())).contains("opened, downloaded never");
			mvc.perform(get("/reports/shared/{token}/pdf", token)).andReturn();
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapist())).contains("opened, downloaded once");
		}

		@Test
		void aWithdrawnLinkSaysSoAndNoLongerGivesTheReport() throws Exception {
			String token = send(report, priya);
			UUID link = linkOf(report);

			MockHttpServletResponse withdrawn = mvc
				.perform(post("/staff/report-links/{id}/revoke", link).with(csrf()).with(therapist()))
				.andReturn()
				.getResponse();
			assertThat(withdrawn.getStatus()).isEqualTo(302);
			assertThat(withdrawn.getRedirectedUrl()).isEqualTo("/staff/plans/" + plan.id());
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapist())).contains("withdrawn ")
				.doesNotContain("Withdraw the link sent to Dr. Priya Lee");

			assertThat(closedPage(token)).contains("This link was withdrawn").doesNotContain("This link has expired");
			assertThat(auditOf(patient))
				.contains("REVOKE:care-report-link:PRACTITIONER:SUCCESS", "READ:care-report:PROVIDER:DENIED")
				.doesNotContain("READ:care-report:PROVIDER:SUCCESS");
			assertThat(jdbc.sql("SELECT downloads FROM care_report_link WHERE id = ?")
				.param(link)
				.query(Integer.class)
				.single()).isZero();
		}

		@Test
		void isWithdrawnOnlyByThoseWhoSeeThePatientsCareAndARefusalIsAudited() throws Exception {
			String token = send(report, priya);
			UUID link = linkOf(report);
			RequestPostProcessor stranger = SignedInAs.signedIn(Role.PRACTITIONER, network.therapist(), null);

			assertThat(status(post("/staff/report-links/{id}/revoke", link).with(csrf()), stranger)).isEqualTo(403);
			assertThat(
					status(post("/staff/report-links/{id}/revoke", link).with(csrf()), SignedInAs.frontDeskOf(clinic)))
				.isEqualTo(403);
			assertThat(status(post("/staff/report-links/{id}/revoke", UUID.randomUUID()).with(csrf()), therapist()))
				.isEqualTo(404);

			assertThat(page(get("/reports/shared/{token}", token), anonymous())).contains("Download the report (PDF)");
			assertThat(auditOf(patient))
				.contains("REVOKE:care-report-link:PRACTITIONER:DENIED", "REVOKE:care-report-link:FRONT_DESK:DENIED")
				.doesNotContain("REVOKE:care-report-link:PRACTITIONER:SUCCESS");
		}

		@Test
		void refusesAnAddressThatIsNotOneKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse refused = mvc
				.perform(post("/staff/reports/{id}/send", report).with(csrf())
					.param("providerName", "Dr. Priya Lee")
					.param("providerEmail", "priya.lee at example")
					.with(therapist()))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Enter the provider&#39;s email address")
				.contains("value=\"priya.lee at example\"")
				.contains("value=\"Dr. Priya Lee\"");
			assertThat(linksSentFor(report)).isZero();
		}

		@Test
		void refusesANameOrAddressWithControlCharactersBesideTheFields() throws Exception {
			MockHttpServletResponse refused = mvc
				.perform(post("/staff/reports/{id}/send", report).with(csrf())
					.param("providerName", "Dr. Lee\u0000")
					.param("providerEmail", "lee\u0000@example.org")
					.with(therapist()))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Enter the name as it is written, on one line.")
				.contains("Enter the provider&#39;s email address");
		}

		/**
		 * The page of a link that no longer opens its report: 410, no download; its PDF
		 * address leads back to it.
		 */
		private String closedPage(String token) throws Exception {
			MockHttpServletResponse page = mvc.perform(get("/reports/shared/{token}", token)).andReturn().getResponse();
			assertThat(page.getStatus()).isEqualTo(410);
			assertThat(page.getContentAsString()).doesNotContain("Download the report");
			MockHttpServletResponse pdf = mvc.perform(get("/reports/shared/{token}/pdf", token))
				.andReturn()
				.getResponse();
			assertThat(pdf.getStatus()).isEqualTo(303);
			assertThat(pdf.getContentAsByteArray()).isEmpty();
			return page.getContentAsString();
		}

		private UUID linkOf(UUID reportId) {
			return jdbc.sql("SELECT id FROM care_report_link WHERE report_id = ?")
				.param(reportId)
				.query(UUID.class)
				.single();
		}

		private byte[] download(String token) throws Exception {
			MockHttpServletResponse response = mvc.perform(get("/reports/shared/{token}/pdf", token))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			return response.getContentAsByteArray();
		}

	}

	@Nested
	class ADischargeSummary {

		@Test
		void followsACompletedPlanWithAdviceAndIsThePatientsToDownload() throws Exception {
			assertThat(status(post("/staff/plans/{id}/complete", plan.id()).with(csrf()), therapist())).isEqualTo(302);
			assertThat(page(get("/staff/plans/{id}", plan.id()), therapist())).contains("Write a discharge summary");
			fixture().pain(patient, 2, Duration.ofDays(-3));

			MockHttpServletResponse refused = sign(plan.id(), "Goals met.", " ", therapist());
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Write your advice for after discharge.");
			assertThat(sign(plan.id(), "Goals met; discharged to a home programme.",
					"Keep the chin tucks twice a day; come back if the worst pain is over 5 for a week.", therapist())
				.getStatus()).isEqualTo(302);

			RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null, patient);
			String summaries = page(get("/account/care-summaries"), me);
			assertThat(summaries).contains("Discharge summary, signed");
			UUID report = onlyReport(plan.id());
			MockHttpServletResponse pdf = mvc.perform(get("/account/care-summaries/{id}/pdf", report).with(me))
				.andReturn()
				.getResponse();
			assertThat(pdf.getStatus()).isEqualTo(200);
			assertThat(textOf(pdf.getContentAsByteArray())).contains("Discharge summary")
				.contains("Completed on")
				.contains("Outcome at discharge against the baseline")
				.contains("Pain has gone from 7 to 4: a meaningful improvement.")
				.doesNotContain(dayAgo(-3) + ": 2")
				.contains("Follow-up advice")
				.contains("Keep the chin tucks twice a day");
			assertThat(auditOf(patient)).contains("READ:care-report:PATIENT:SUCCESS");

			RequestPostProcessor someoneElse = SignedInAs.signedIn(Role.PATIENT, null, UUID.randomUUID());
			assertThat(status(get("/account/care-summaries/{id}/pdf", report), someoneElse)).isEqualTo(404);
		}

		@Test
		void saysWhyADiscontinuedPlanEnded() throws Exception {
			assertThat(status(
					post("/staff/plans/{id}/discontinue", plan.id()).with(csrf()).param("reason", "Moved out of state"),
					therapist()))
				.isEqualTo(302);
			sign(plan.id(), "Partial response before the move.", "Find a therapist near the new home.", therapist());

			MockHttpServletResponse pdf = mvc
				.perform(get("/staff/reports/{id}/pdf", onlyReport(plan.id())).with(therapist()))
				.andReturn()
				.getResponse();
			assertThat(textOf(pdf.getContentAsByteArray())).contains("Discontinued on")
				.contains("Reason: Moved out of state");
		}

		@Test
		void aProgressReportIsNotThePatientsToDownload() throws Exception {
			sign(plan.id(), SUMMARY, null, therapist());
			RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null, patient);

			assertThat(status(get("/account/care-summaries/{id}/pdf", onlyReport(plan.id())), me)).isEqualTo(404);
			assertThat(page(get("/account/care-summaries"), me)).contains("When a plan of care ends");
		}

	}

	private MockHttpServletResponse sign(UUID planId, String summary, String followUp, RequestPostProcessor who)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/staff/plans/{id}/reports", planId).with(csrf())
			.param("summary", summary);
		if (followUp != null) {
			request.param("followUp", followUp);
		}
		return mvc.perform(request.with(who)).andReturn().getResponse();
	}

	private String send(UUID report, String email) throws Exception {
		MockHttpServletResponse sent = mvc
			.perform(post("/staff/reports/{id}/send", report).with(csrf())
				.param("providerName",
						email.toLowerCase(Locale.ROOT).startsWith("priya") ? "Dr. Priya Lee" : "Dr. Omar Haddad")
				.param("providerEmail", email)
				.with(therapist()))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(302);
		String body = jdbc.sql("SELECT body_text FROM outbox_message WHERE recipient = ? ORDER BY due_at DESC LIMIT 1")
			.param(email.toLowerCase(Locale.ROOT))
			.query(String.class)
			.single();
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

	private UUID onlyReport(UUID planId) {
		return jdbc.sql("SELECT id FROM care_report WHERE plan_id = ?").param(planId).query(UUID.class).single();
	}

	private int linksSentFor(UUID report) {
		return count("SELECT count(*) FROM care_report_link WHERE report_id = ?", report);
	}

	private int reasonsGivenFor(UUID report) {
		return count("SELECT count(*) FROM care_report_break_glass WHERE report_id = ?", report);
	}

	private int reportsOf(UUID planId) {
		return count("SELECT count(*) FROM care_report WHERE plan_id = ?", planId);
	}

	private int count(String query, UUID id) {
		return jdbc.sql(query).param(id).query(Integer.class).single();
	}

	private int pagesOf(UUID report) {
		return jdbc.sql("SELECT pages FROM care_report WHERE id = ?").param(report).query(Integer.class).single();
	}

	private static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private Booked book(ZonedDateTime start, String given, String family) {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start.toInstant()),
				null,
				new PatientDetails(given, family,
						given.equals("Rowan") ? email : "ines." + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1985, 5, 5)));
	}

	/** The day a score given this many days ago is charted on: "Mar 12". */
	private static String dayAgo(int days) {
		return Times.shortDay(LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(days)), NEW_YORK));
	}

	private static ZonedDateTime at(LocalDate day, int hour) {
		return LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(NEW_YORK);
	}

	private List<String> auditOf(UUID patientId) {
		return jdbc.sql("""
				SELECT action || ':' || subject || ':' || actor_role || ':' || outcome FROM audit_entry
				WHERE patient_id = ? ORDER BY id""").param(patientId).query(String.class).list();
	}

	private RequestPostProcessor therapist() {
		return SignedInAs.signedIn(Role.PRACTITIONER, therapist, null);
	}

	private static RequestPostProcessor anonymous() {
		return request -> request;
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who)).andReturn().getResponse().getStatus();
	}

	private SignedPlans fixture() {
		return new SignedPlans(assessments, plans, responses);
	}

}
