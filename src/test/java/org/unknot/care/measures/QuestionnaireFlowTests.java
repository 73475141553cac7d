package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.patient.PatientId;

/**
 * A questionnaire sent before a visit: the message, the page its link opens, answering
 * once, expiry, the portal, and the progress it feeds.
 */
@UnknotIntegrationTest
class QuestionnaireFlowTests {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Patients patients;

	@Autowired
	QuestionnaireRequests requests;

	@Autowired
	MeasureResponses responses;

	MockMvc mvc;

	UUID patient;

	@BeforeEach
	void aPatient() {
		mvc = SecuredMockMvc.of(context);
		patient = patients.identify(new PatientDetails("Nia", "Cole", "nia-" + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1988, 8, 8)));
	}

	QuestionnaireRequests.Sent send() {
		return requests.send(PatientId.of(patient), List.of(BuiltInMeasures.PAIN, BuiltInMeasures.PSFS), null, null,
				Instant.now().plus(Duration.ofDays(2)), ZONE);
	}

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static MockHttpServletRequestBuilder answers(String path) {
		return post(path).with(csrf())
			.param("pain-nrs.answer-pain", "6")
			.param("psfs.name-activity-1", "Reaching the top shelf")
			.param("psfs.answer-activity-1", "3")
			.param("psfs.name-activity-2", "Turning my head when driving")
			.param("psfs.answer-activity-2", "4")
			.param("psfs.name-activity-3", "Carrying groceries")
			.param("psfs.answer-activity-3", "6");
	}

	@Nested
	class TheMessage {

		@Test
		void carriesTheLinkAndNoHealthDetails() {
			var sent = send();

			var rows = jdbc.sql("SELECT kind, subject, body_text, body_html FROM outbox_message WHERE subject_id = ?")
				.param(sent.id())
				.query((rs, n) -> rs.getString("kind") + "\n" + rs.getString("subject") + "\n"
						+ rs.getString("body_text") + "\n" + rs.getString("body_html"))
				.list();

			assertThat(rows).hasSize(1);
			String message = rows.get(0);
			assertThat(message).startsWith("QUESTIONNAIRE_DUE")
				.contains("Hello Nia")
				.contains("/questionnaires/" + sent.token());
			for (String health : List.of("pain", "hurt", "PSFS", "activit", "NRS", "score", "function", "back", "neck",
					"massage", "Shelf", "72514")) {
				assertThat(message).doesNotContainIgnoringCase(health);
			}
			assertThat(sent.token()).hasSizeGreaterThanOrEqualTo(43);
		}

		@Test
		void isPreviewedOnTheTemplatesPage() throws Exception {
			var page = perform(get("/admin/messages/templates").with(SignedInAs.admin()));

			assertThat(page.getContentAsString()).contains("A few questions before your next visit")
				.contains("/questionnaires/DEMO-TOKEN");
		}

	}

	@Nested
	class ThePageOfTheLink {

		@Test
		void opensWithoutSigningInAndAsksEachMeasure() throws Exception {
			var page = perform(get("/questionnaires/" + send().token()));

			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentAsString()).contains("How much does your pain hurt right now?")
				.contains("name=\"psfs.answer-activity-5\"")
				.contains("Send my answers")
				.doesNotContain("<script src=\"/js");
		}

		@Test
		void savesTheAnswersWithTheirScoresOnce() throws Exception {
			var sent = send();

			var first = perform(answers("/questionnaires/" + sent.token()));
			var again = perform(answers("/questionnaires/" + sent.token()));

			assertThat(first.getStatus()).isEqualTo(200);
			assertThat(first.getContentAsString()).contains("Your answers are saved");
			assertThat(responses.ofPatient(PatientId.of(patient)))
				.extracting(MeasureResponse::measure, MeasureResponse::score, MeasureResponse::enteredBy)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pain-nrs", 6.0, "patient"),
						org.assertj.core.groups.Tuple.tuple("psfs", 4.33, "patient"));
			assertThat(again.getStatus()).isEqualTo(410);
			assertThat(again.getContentAsString()).contains("Already answered");
			assertThat(perform(get("/questionnaires/" + sent.token())).getStatus()).isEqualTo(410);
		}

		@Test
		void refusesMissingAnswersWithTheMessageBesideTheQuestionAndKeepsWhatWasTyped() throws Exception {
			var sent = send();

			var refused = perform(post("/questionnaires/" + sent.token()).with(csrf())
				.param("pain-nrs.answer-pain", "6")
				.param("psfs.name-activity-1", "Reaching the top shelf")
				.param("psfs.answer-activity-1", "3"));

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Answer at least 3 of the questions.")
				.contains("value=\"Reaching the top shelf\"");
			assertThat(responses.ofPatient(PatientId.of(patient))).isEmpty();
		}

		@Test
		void isClosedOnceExpired() throws Exception {
			var sent = send();
			jdbc.sql("UPDATE questionnaire_request SET expires_at = now() - interval '1 minute' WHERE id = ?")
				.param(sent.id())
				.update();

			var page = perform(get("/questionnaires/" + sent.token()));
			var answer = perform(answers("/questionnaires/" + sent.token()));

			assertThat(page.getStatus()).isEqualTo(410);
			assertThat(page.getContentAsString()).contains("This link has expired");
			assertThat(answer.getStatus()).isEqualTo(410);
			assertThat(responses.ofPatient(PatientId.of(patient))).isEmpty();
		}

		@Test
		void knowsNoGuessedToken() throws Exception {
			send();

			var page = perform(get("/questionnaires/" + "x".repeat(43)));

			assertThat(page.getStatus()).isEqualTo(404);
			assertThat(page.getContentAsString()).contains("This link is not valid");
		}

	}

	@Nested
	class ThePortal {

		@Test
		void listsTheQuestionnaireAndTakesTheAnswers() throws Exception {
			var sent = send();
			var me = SignedInAs.signedIn(Role.PATIENT, null, patient);

			var progress = perform(get("/account/progress").with(me));
			var answered = perform(answers("/account/questionnaires/" + sent.id()).with(me));

			assertThat(progress.getContentAsString()).contains("/account/questionnaires/" + sent.id());
			assertThat(answered.getStatus()).isEqualTo(200);
			assertThat(responses.ofPatient(PatientId.of(patient))).hasSize(2);
		}

		@Test
		void showsNoOneElsesQuestionnaire() throws Exception {
			var sent = send();

			var other = perform(get("/account/questionnaires/" + sent.id())
				.with(SignedInAs.signedIn(Role.PATIENT, null, UUID.randomUUID())));

			assertThat(other.getStatus()).isEqualTo(404);
		}

	}

	@Nested
	class Progress {

		@BeforeEach
		void scoresOverFourWeeks() {
			Instant start = Instant.parse("2027-02-01T15:00:00Z");
			record(BuiltInMeasures.PAIN_NRS, Map.of("pain", 7), start);
			record(BuiltInMeasures.PAIN_NRS, Map.of("pain", 5), start.plus(Duration.ofDays(7)));
			record(BuiltInMeasures.PAIN_NRS, Map.of("pain", 3), start.plus(Duration.ofDays(28)));
			record(BuiltInMeasures.GLOBAL_CHANGE, Map.of("change", 6), start.plus(Duration.ofDays(28)));
		}

		void record(Measure measure, Map<String, Integer> scores, Instant at) {
			responses.record(PatientId.of(patient), measure, Answers.of(scores),
					new MeasureResponses.Taken(null, null, null, "patient", at));
		}

		@Test
		void drawsThePatientsChartsWithWordsAndATable() throws Exception {
			var page = perform(get("/account/progress").with(SignedInAs.signedIn(Role.PATIENT, null, patient)));

			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentAsString()).contains("<h1>My progress</h1>")
				.contains("<svg")
				.contains("role=\"img\"")
				.contains("<title id=\"series-0-title\">Pain intensity (0 to 10), out of 10</title>")
				.contains("<desc id=\"series-0-desc\">")
				.contains("<polyline")
				// one week, then three: the second dot a quarter of the way along
				.contains("points=\"36.0,52.8 104.0,80.0 308.0,107.2\"")
				.contains("Pain has gone from 7 to 3: a meaningful improvement.")
				.contains("The shaded band runs from 5 to 9")
				.contains("Mon, Feb 1")
				.contains("<caption>Pain intensity (0 to 10): each score, out of 10</caption>")
				.contains("The latest answer was \u201cBetter\u201d (6 of 7): a meaningful improvement.");
		}

		@Test
		void showsStaffWhoMayAndNotTheFrontDesk() throws Exception {
			var admin = perform(get("/staff/patients/{id}/progress", patient).with(SignedInAs.admin()));
			var desk = perform(get("/staff/patients/{id}/progress", patient).with(SignedInAs.frontDeskOf()));
			var stranger = perform(get("/staff/patients/{id}/progress", patient)
				.with(SignedInAs.signedIn(Role.PRACTITIONER, "someone-else", null)));

			assertThat(admin.getStatus()).isEqualTo(200);
			assertThat(admin.getContentAsString()).contains("Progress: Nia Cole").contains("<svg");
			assertThat(desk.getStatus()).isEqualTo(403);
			assertThat(stranger.getStatus()).isEqualTo(403);
			assertThat(stranger.getContentAsString()).doesNotContain("<svg");
		}

	}

}
