package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

/**
 * What an admin changes about a plan is what the next patient sees: on the booking flow's
 * insurance step, on the review, and on the service page, with nothing cached in between.
 */
@UnknotIntegrationTest
class PlanChangesInTheBookingFlowTests {

	static final String WEEK = LocalDate.of(2027, 3, 15).toString();

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc admin;

	FlowClient patient;

	String clinic;

	String therapist;

	String plan;

	String name;

	@BeforeEach
	void aPlanThatPaysForMassage() throws Exception {
		admin = SecuredMockMvc.of(context);
		patient = new FlowClient(port);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		name = "Seaside Mutual " + TestNetwork.shortId();
		MockHttpServletResponse added = asAdmin(post("/admin/insurance").param("name", name)
			.param("payerKind", "COMMERCIAL")
			.param("memberIdLabel", "Member ID")
			.param("memberIdPattern", "SM[0-9]{6}"));
		plan = added.getRedirectedUrl().substring("/admin/insurance/".length());
		coverMassage("yes", "Seaside Mutual pays for massage after a strain.");
	}

	@Test
	void theInsuranceStepShowsANewPlanAndEachCoverageChangeAtOnce() throws Exception {
		String draft = upToInsurance();
		Page before = patient.get("/book/" + draft + "/insurance");

		coverMassage("no", "Seaside Mutual stopped paying for massage this year, so this visit is self-pay.");
		Page after = patient.get("/book/" + draft + "/insurance");

		assertThat(before.text())
			.contains(name + " Covers this treatment. Seaside Mutual pays for massage after a strain.");
		assertThat(after.text())
			.contains(name + " Does not cover this treatment. Seaside Mutual stopped paying for massage")
			.doesNotContain("pays for massage after a strain");
	}

	@Test
	void aPlanNoLongerAcceptedLeavesTheStepAndSendsAPatientWhoChoseItBackToChoose() throws Exception {
		String draft = upToInsurance();
		assertThat(
				patient.post("/book/" + draft + "/insurance", Map.of("plan", plan, "memberId", "sm-123456")).location())
			.endsWith("/intake");
		assertThat(patient.post("/book/" + draft + "/intake", BookingFlowTests.intake(Map.of())).location())
			.endsWith("/review");

		asAdmin(post("/admin/insurance/{id}/stop", plan));
		Page review = patient.get("/book/" + draft + "/review");
		Page step = patient.get(review.location());

		assertThat(review.location()).isEqualTo("/book/" + draft + "/insurance?withdrawn=true");
		assertThat(step.text()).contains("We no longer accept the plan you chose.").doesNotContain(name);
		assertThat(patient.post("/book/" + draft + "/insurance", Map.of("plan", plan, "memberId", "SM123456")).text())
			.contains("Please choose your insurance plan, or that you will pay yourself.");
	}

	@Test
	void theServicePageNamesThePlansThatPayForIt() throws Exception {
		assertThat(patient.get("/services/" + TestNetwork.MASSAGE).text()).contains(name);

		coverMassage("no", "Not covered.");

		assertThat(patient.get("/services/" + TestNetwork.MASSAGE).text()).doesNotContain(name);
	}

	private void coverMassage(String choice, String reason) throws Exception {
		MockHttpServletResponse saved = asAdmin(
				post("/admin/insurance/{id}/coverage", plan).param("service-" + TestNetwork.MASSAGE, choice)
					.param("service-" + TestNetwork.MASSAGE + "-reason", reason));
		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
	}

	private MockHttpServletResponse asAdmin(MockHttpServletRequestBuilder request) throws Exception {
		return admin.perform(request.with(csrf()).with(SignedInAs.admin())).andReturn().getResponse();
	}

	private String upToInsurance() {
		String draft = patient.post("/book", Map.of("service", TestNetwork.MASSAGE)).draftId();
		patient.post("/book/" + draft + "/where", Map.of("location", clinic));
		patient.post("/book/" + draft + "/who", Map.of("practitioner", therapist));
		String slot = patient.get("/book/" + draft + "/when?week=" + WEEK).slots().get(0);
		patient.post("/book/" + draft + "/when", Map.of("slot", slot));
		assertThat(patient.post("/book/" + draft + "/details",
				Map.of("givenName", "Noor", "familyName", "Hale", "email",
						"noor-" + TestNetwork.shortId() + "@example.org", "phone", "(973) 555-0100", "birthDate",
						"1979-08-09"))
			.location()).endsWith("/insurance");
		return draft;
	}

}
