package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.AccountDesk;
import org.unknot.account.Role;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;
import org.unknot.patient.PatientId;

/**
 * A patient on a 320 px phone with JavaScript off opens the questionnaire from the link
 * in the message it was sent in, answers it, signs in and sees the chart on "My
 * progress"; axe finds nothing on any of these pages.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class QuestionnaireBrowserTests {

	static final String PASSWORD = "a patient's long passphrase";

	static final Pattern LINK = Pattern.compile("/questionnaires/[A-Za-z0-9_-]+");

	/** Without JavaScript, Playwright cannot watch a radio button settle; it is there. */
	static final com.microsoft.playwright.Locator.CheckOptions FORCE = new com.microsoft.playwright.Locator.CheckOptions()
		.setForce(true);

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Patients patients;

	@Autowired
	AccountDesk accounts;

	@Autowired
	QuestionnaireRequests requests;

	@Autowired
	MeasureResponses responses;

	@Test
	void aPatientAnswersFromTheEmailedLinkOnASmallPhoneWithoutJavaScriptAndSeesTheChart(Visitor visitor) {
		String email = "ellis-" + UUID.randomUUID() + "@example.org";
		UUID patient = patients.identify(new PatientDetails("Rowan", "Ellery", email, null, LocalDate.of(1984, 2, 9)));
		accounts.create(
				new AccountDesk.NewAccount(email, "Rowan Ellery", Role.PATIENT, List.of(), null, patient, PASSWORD));
		// the score the plan began with, three weeks ago
		responses.record(PatientId.of(patient), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", 7)),
				new MeasureResponses.Taken(null, null, null, "patient", Instant.now().minus(Duration.ofDays(21))));
		var sent = requests.send(PatientId.of(patient), List.of(BuiltInMeasures.PAIN, BuiltInMeasures.PSFS), null, null,
				Instant.now().plus(Duration.ofDays(2)), ZoneId.of("America/New_York"));

		Page page = visitor.open(linkInTheMessage(sent.id()), Visitor.JS_OFF, 320);
		assertThat(page.locator("h1").textContent()).isEqualTo("A few questions before your visit");
		visitor.check(page, "questionnaire-320");
		page.locator("input[name='pain-nrs.answer-pain'][value='4']").check(FORCE);
		for (int n = 1; n <= 3; n++) {
			page.locator("#psfs\\.name-activity-" + n).fill(List.of("Reaching", "Driving", "Typing").get(n - 1));
			page.locator("input[name='psfs.answer-activity-" + n + "'][value='" + (4 + n) + "']").check(FORCE);
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
		page.waitForLoadState();
		visitor.check(page, "questionnaire-answered-320");
		assertThat(jdbc.sql("SELECT answered_at IS NOT NULL FROM questionnaire_request WHERE id = ?")
			.param(sent.id())
			.query(Boolean.class)
			.single()).isTrue();

		page.navigate(visitor.baseUrl() + "/sign-in");
		page.getByLabel("Email", EXACT).fill(email);
		page.getByLabel("Password", EXACT).fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL(url -> !url.contains("/sign-in"));
		page.navigate(visitor.baseUrl() + "/account/progress");

		assertThat(page.locator("h1").textContent()).isEqualTo("My progress");
		assertThat(page.locator("figure svg[role=img]").count()).isEqualTo(2);
		assertThat(page.locator("figcaption").first().textContent())
			.contains("Pain has gone from 7 to 4: a meaningful improvement.");
		assertThat(page.locator("figure table").first().textContent()).contains("7").contains("4");
		visitor.check(page, "my-progress-320");
	}

	/** The path of the link in the message the questionnaire went out in. */
	private String linkInTheMessage(UUID requestId) {
		String body = jdbc
			.sql("SELECT body_text FROM outbox_message WHERE subject_id = ? AND kind = 'QUESTIONNAIRE_DUE'")
			.param(requestId)
			.query(String.class)
			.single();
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group();
	}

}
