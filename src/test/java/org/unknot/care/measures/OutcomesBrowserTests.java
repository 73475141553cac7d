package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.PlanFixture;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.AccountDesk;
import org.unknot.account.BrowserSignIn;
import org.unknot.account.Role;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;
import org.unknot.patient.PatientId;

/**
 * An owner reads the outcomes page at 1024 px: its charts have their text alternative and
 * table, and axe finds nothing.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class OutcomesBrowserTests {

	static final String PASSWORD = "an owner's long passphrase";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	Patients patients;

	@Autowired
	Assessments assessments;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	MeasureResponses responses;

	@Test
	void anOwnerReadsTheChartsAndTheirTables(Visitor visitor) {
		String therapist = new TestNetwork(jdbc).therapist();
		for (int n = 0; n < 5; n++) {
			completedPlan(therapist);
		}
		var admin = accounts.create(new AccountDesk.NewAccount("owner-" + UUID.randomUUID() + "@unknot.example",
				"Sam Owner", Role.ADMIN, List.of(), null, null, PASSWORD));
		Page page = visitor.open("/sign-in", Visitor.JS_ON, 1024);
		BrowserSignIn.enrol(visitor, page, admin, PASSWORD);

		page.navigate(visitor.baseUrl() + "/admin/outcomes");

		assertThat(page.locator("h1").textContent()).isEqualTo("Outcomes across patients");
		assertThat(page.locator("svg[role=img] desc").first().textContent()).isNotBlank();
		assertThat(page.locator("#by-practitioner-heading + figure desc").textContent())
			.contains("Test " + therapist + ", LMT: pain 5 (100%)");
		assertThat(page.locator("table").count()).isEqualTo(3);
		visitor.check(page, "outcomes-1024");
	}

	private void completedPlan(String therapist) {
		UUID patient = patients.identify(new PatientDetails("Pat", "Owner",
				"owner-view-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1970, 1, 1)));
		TreatmentPlan plan = new PlanFixture(assessments, plans).signed(patient, therapist, TestNetwork.MASSAGE, 1, 6,
				LocalDate.of(2027, 3, 15));
		Instant first = Instant.now().minus(Duration.ofDays(40));
		for (int pain : new int[] { 7, 4 }) {
			responses.record(PatientId.of(patient), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", pain)),
					new MeasureResponses.Taken(plan.id(), null, null, "patient", first));
			first = first.plus(Duration.ofDays(30));
		}
		plan.complete(Instant.now());
		plans.save(plan);
	}

}
