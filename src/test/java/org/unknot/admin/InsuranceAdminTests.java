package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

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
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.InsurancePlans;
import org.unknot.insurance.MemberId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Admins keep the insurance plans: each rule of adding, changing, accepting and covering,
 * over HTTP.
 */
@UnknotIntegrationTest
class InsuranceAdminTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InsurancePlans plans;

	@Autowired
	InsuranceChoices choices;

	@Autowired
	BookingDesk desk;

	MockMvc mvc;

	TestNetwork network;

	String name;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
		name = "Lighthouse Health " + TestNetwork.shortId();
	}

	@Nested
	class AddingAPlan {

		@Test
		void makesItAcceptedWithAnIdFromItsName() throws Exception {
			MockHttpServletResponse added = addPlan(name, "COMMERCIAL", "Member ID", "LH[0-9]{6}");

			assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(302);
			String id = added.getRedirectedUrl().substring("/admin/insurance/".length());
			assertThat(id).startsWith("lighthouse-health-");
			InsurancePlan plan = plans.find(id).orElseThrow();
			assertThat(plan.name()).isEqualTo(name);
			assertThat(plan.memberId("lh-123 456")).contains(new MemberId("LH123456"));
			assertThat(page(get("/admin/insurance"))).contains(name);
		}

		@Test
		void refusesANameAlreadyTakenWhateverItsCase() throws Exception {
			addPlan(name, "COMMERCIAL", "Member ID", "[A-Z0-9]{4,20}");

			MockHttpServletResponse again = addPlan(name.toUpperCase(), "MEDICAID", "Member ID", "[A-Z0-9]{4,20}");

			assertThat(again.getStatus()).isEqualTo(422);
			assertThat(again.getContentAsString()).contains("id=\"name-error\"")
				.contains("There is already a plan called " + name + ".")
				.contains("value=\"" + name.toUpperCase() + "\"");
			assertThat(plans.all()).filteredOn(plan -> plan.name().equalsIgnoreCase(name)).hasSize(1);
		}

		@Test
		void refusesAPatternThatDoesNotCompileKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse refused = addPlan(name, "COMMERCIAL", "Member ID", "[A-Z");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"memberIdPattern-error\"")
				.contains("This is not a valid pattern: Unclosed character class")
				.contains("aria-describedby=\"memberIdPattern-hint memberIdPattern-error\"")
				.contains("value=\"[A-Z\"")
				.contains("value=\"" + name + "\"");
			assertThat(plans.all()).noneMatch(plan -> plan.name().equals(name));
		}

		@Test
		void refusesAPatternThatCouldTakeForeverOrIsTooLong() throws Exception {
			MockHttpServletResponse nested = addPlan(name, "COMMERCIAL", "Member ID", "([A-Z0-9]+)+");
			MockHttpServletResponse longOne = addPlan(name, "COMMERCIAL", "Member ID", "[A-Z]".repeat(21));

			assertThat(nested.getStatus()).isEqualTo(422);
			assertThat(nested.getContentAsString()).contains("A repeated group must not itself repeat");
			assertThat(longOne.getStatus()).isEqualTo(422);
			assertThat(longOne.getContentAsString()).contains("Keep the pattern to 100 characters; this one has 105.");
		}

		@Test
		void asksForEveryMissingField() throws Exception {
			MockHttpServletResponse refused = addPlan("", "", "", "");

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Enter the plan&#39;s name as patients know it.")
				.contains("Choose who pays under this plan.")
				.contains("Enter what the card calls the number, e.g. Member ID.")
				.contains("Enter the shape of a member id");
		}

	}

	@Nested
	class ChangingAPlan {

		String id;

		@BeforeEach
		void aPlan() throws Exception {
			id = idOf(addPlan(name, "COMMERCIAL", "Member ID", "[A-Z0-9]{4,20}"));
		}

		@Test
		void savesNewTermsAndRefusesAnotherPlansName() throws Exception {
			MockHttpServletResponse saved = mvc
				.perform(post("/admin/insurance/{id}", id).with(csrf())
					.with(SignedInAs.admin())
					.param("name", name + " Gold")
					.param("payerKind", "MEDICARE_ADVANTAGE")
					.param("memberIdLabel", "Card number")
					.param("memberIdPattern", "G[0-9]{8}"))
				.andReturn()
				.getResponse();
			MockHttpServletResponse clash = mvc
				.perform(post("/admin/insurance/{id}", id).with(csrf())
					.with(SignedInAs.admin())
					.param("name", "harbor health ppo")
					.param("payerKind", "COMMERCIAL")
					.param("memberIdLabel", "Member ID")
					.param("memberIdPattern", "[A-Z0-9]{4,20}"))
				.andReturn()
				.getResponse();

			assertThat(saved.getStatus()).isEqualTo(302);
			InsurancePlan plan = plans.find(id).orElseThrow();
			assertThat(plan.name()).isEqualTo(name + " Gold");
			assertThat(plan.memberIdLabel()).isEqualTo("Card number");
			assertThat(plan.memberId("G12345678")).isPresent();
			assertThat(clash.getStatus()).isEqualTo(422);
			assertThat(clash.getContentAsString()).contains("There is already a plan called Harbor Health PPO.")
				.contains("value=\"harbor health ppo\"");
		}

		@Test
		void stopsAcceptingItWhileVisitsBookedUnderItKeepShowingIt() throws Exception {
			Booked booked = aVisitPaidWith(id);

			MockHttpServletResponse stopped = mvc
				.perform(post("/admin/insurance/{id}/stop", id).with(csrf()).with(SignedInAs.admin()))
				.andReturn()
				.getResponse();

			assertThat(stopped.getStatus()).isEqualTo(302);
			assertThat(plans.accepted()).noneMatch(plan -> plan.id().equals(id));
			assertThat(plans.any(id)).get().extracting(InsurancePlan::accepted).isEqualTo(false);
			assertThat(page(get("/admin/insurance"))).contains(name).contains("no longer accepted");
			String manage = mvc
				.perform(get("/visits/{id}", booked.appointment().id()).param("token", booked.manageToken()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(manage).contains(name + " (••••7788)");

			mvc.perform(post("/admin/insurance/{id}/accept", id).with(csrf()).with(SignedInAs.admin())).andReturn();
			assertThat(plans.find(id)).isPresent();
		}

		@Test
		void savesWhatItPaysForByKindOfCareAndByService() throws Exception {
			MockHttpServletResponse saved = mvc
				.perform(post("/admin/insurance/{id}/coverage", id).with(csrf())
					.with(SignedInAs.admin())
					.param("category-MASSAGE", "yes")
					.param("category-MASSAGE-reason", "Massage is covered with a referral.")
					.param("service-" + TestNetwork.CONSULTATION, "no")
					.param("service-" + TestNetwork.CONSULTATION + "-reason",
							"Consultations are not part of this plan.")
					.param("category-PROCEDURE", "")
					.param("category-PROCEDURE-reason", "typed but left unset"))
				.andReturn()
				.getResponse();

			assertThat(saved.getStatus()).isEqualTo(302);
			assertThat(plans.find(id).orElseThrow().rules()).containsExactlyInAnyOrder(
					new InsurancePlan.Rule(org.unknot.catalog.ServiceCategory.MASSAGE, null, true,
							"Massage is covered with a referral."),
					new InsurancePlan.Rule(null, TestNetwork.CONSULTATION, false,
							"Consultations are not part of this plan."));
			assertThat(page(get("/admin/insurance/{id}", id))).containsPattern("<option value=\"yes\" selected")
				.contains("value=\"Massage is covered with a referral.\"");
		}

		@Test
		void asksWhyBesideACoverageRowWithoutAReasonKeepingTheRest() throws Exception {
			MockHttpServletResponse refused = mvc
				.perform(post("/admin/insurance/{id}/coverage", id).with(csrf())
					.with(SignedInAs.admin())
					.param("category-MASSAGE", "yes")
					.param("category-MASSAGE-reason", " ")
					.param("service-" + TestNetwork.CONSULTATION, "no")
					.param("service-" + TestNetwork.CONSULTATION + "-reason", "Not part of this plan."))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"category-MASSAGE-reason-error\"")
				.contains("Say why, in words a patient understands")
				.contains("value=\"Not part of this plan.\"");
			assertThat(plans.find(id).orElseThrow().rules()).isEmpty();
		}

		@Test
		void anUnknownPlanIsNotFound() throws Exception {
			assertThat(mvc.perform(get("/admin/insurance/{id}", "no-such-plan").with(SignedInAs.admin()))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(404);
		}

	}

	private MockHttpServletResponse addPlan(String planName, String kind, String label, String pattern)
			throws Exception {
		return mvc
			.perform(post("/admin/insurance").with(csrf())
				.with(SignedInAs.admin())
				.param("name", planName)
				.param("payerKind", kind)
				.param("memberIdLabel", label)
				.param("memberIdPattern", pattern))
			.andReturn()
			.getResponse();
	}

	private Booked aVisitPaidWith(String planId) {
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		Booked booked = desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic),
				LocalDate.of(2027, 3, 15).atTime(LocalTime.of(10, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Ida", "Marsh", "ida-" + TestNetwork.shortId() + "@example.org", null,
						LocalDate.of(1980, 5, 6)));
		choices.record(booked.appointment().id(), new InsuranceChoice(planId, new MemberId("LH557788"), false));
		return booked;
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(SignedInAs.admin())).andReturn().getResponse().getContentAsString();
	}

	static String idOf(MockHttpServletResponse added) {
		assertThat(added.getStatus()).isEqualTo(302);
		return added.getRedirectedUrl().substring("/admin/insurance/".length());
	}

}
