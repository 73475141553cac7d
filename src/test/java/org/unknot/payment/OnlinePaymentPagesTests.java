package org.unknot.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.PaidService;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.PackageAdmin;
import org.unknot.packages.PaidHow;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.system.Money;
import org.unknot.visit.VisitBooking;

/**
 * Paying online through the pages, with Stripe (the loopback fake) configured: the
 * portal's "Pay now" and a package bought online send the patient to Stripe's hosted page
 * by a plain redirect; Stripe's signed webhook, over HTTP, records the payment once and
 * gives the package its credits; a forged one is refused.
 */
@UnknotIntegrationTest
class OnlinePaymentPagesTests {

	static final FakeStripe STRIPE = FakeStripe.onLoopback();

	static final String SERVICE = "t-pay-online-60";

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		STRIPE.configure(registry, StripePaymentsTests.WEBHOOK_SECRET);
		registry.add("unknot.payments.stripe.timeout-seconds", () -> "2");
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VisitBooking booking;

	@Autowired
	PaymentPolicies policies;

	@Autowired
	PackageAdmin packages;

	@Autowired
	CreditLedger credits;

	@Autowired
	Ledger ledger;

	MockMvc mvc;

	PaidService paid;

	@BeforeEach
	void aClinicWithADepositAtBooking() {
		mvc = SecuredMockMvc.of(context);
		paid = PaidService.offered(jdbc, policies, SERVICE, "Test massage paid online, 60 minutes", 10000, 2000);
	}

	@AfterAll
	static void stopStripe() {
		STRIPE.close();
	}

	@Test
	void payNowInThePortalGoesToStripeAndTheWebhookRecordsThePaymentOnce() throws Exception {
		Booked visit = book("Mara");
		UUID patient = visit.appointment().patientId().value();
		RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null, patient);
		assertThat(page(get("/account/payments"), me)).contains("Pay $20 now online");
		int before = STRIPE.sessions().size();

		MockHttpServletResponse pay = mvc.perform(post("/account/payments/pay").with(csrf()).with(me))
			.andReturn()
			.getResponse();

		assertThat(pay.getStatus()).isEqualTo(302);
		assertThat(pay.getRedirectedUrl()).startsWith(STRIPE.base() + "/pay/cs_");
		var session = STRIPE.sessions().get(before);
		assertThat(session).containsEntry("line_items[0][price_data][unit_amount]", "2000")
			.containsEntry("metadata[key]", "checkout:visit:" + visit.appointment().id() + ":2000USD");
		assertThat(session.get("success_url")).endsWith("/account/payments?payment=made");

		String payload = StripePaymentsTests.paid(session.get("metadata[key]"), patient, 2000);
		assertThat(webhook(payload, StripePaymentsTests.sign(payload, "whsec_forged")).getStatus()).isEqualTo(422);
		assertThat(webhook(payload, StripePaymentsTests.sign(payload, StripePaymentsTests.WEBHOOK_SECRET)).getStatus())
			.isEqualTo(200);
		assertThat(webhook(payload, StripePaymentsTests.sign(payload, StripePaymentsTests.WEBHOOK_SECRET)).getStatus())
			.isEqualTo(200);

		assertThat(ledger.ofVisit(visit.appointment().id())).filteredOn(LedgerEntry::movesMoney)
			.singleElement()
			.satisfies(paid -> assertThat(paid.method()).isEqualTo(Method.ONLINE));
		assertThat(page(get("/account/payments"), me)).contains("Nothing is owed.")
			.contains("Visit, Card online")
			.doesNotContain("now online");
	}

	@Test
	void aBankPaymentShowsPendingAndItsFailureTellsThePatientAndOffersANewPage() throws Exception {
		Booked visit = book("Oren");
		UUID patient = visit.appointment().patientId().value();
		RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null, patient);
		int before = STRIPE.sessions().size();
		mvc.perform(post("/account/payments/pay").with(csrf()).with(me));
		String key = STRIPE.sessions().get(before).get("metadata[key]");
		String visitPage = "/visits/" + visit.appointment().id();

		String pending = StripePaymentsTests.pending(key, patient, 2000);
		webhook(pending, StripePaymentsTests.sign(pending, StripePaymentsTests.WEBHOOK_SECRET));

		assertThat(page(get(visitPage).param("token", visit.manageToken()), anonymous()))
			.contains("payment pending: your bank is still completing your online payment");

		String failed = StripePaymentsTests.later("checkout.session.async_payment_failed", key, patient, 2000);
		webhook(failed, StripePaymentsTests.sign(failed, StripePaymentsTests.WEBHOOK_SECRET));
		String resent = failed.replace("\"id\":\"evt_", "\"id\":\"evt_again_");
		webhook(resent, StripePaymentsTests.sign(resent, StripePaymentsTests.WEBHOOK_SECRET));

		assertThat(page(get(visitPage).param("token", visit.manageToken()), anonymous()))
			.contains("your online payment did not go through");
		assertThat(jdbc.sql("""
				SELECT body_text FROM outbox_message WHERE patient_id = ? AND kind = 'PAYMENT_FAILED'
				   AND channel = 'EMAIL'""").param(patient).query(String.class).list()).singleElement()
			.satisfies(told -> assertThat(told).contains("$20").contains("Your booking stands"));
		assertThat(ledger.ofVisit(visit.appointment().id())).filteredOn(LedgerEntry::movesMoney).isEmpty();
		MockHttpServletResponse again = mvc.perform(post("/account/payments/pay").with(csrf()).with(me))
			.andReturn()
			.getResponse();
		assertThat(again.getRedirectedUrl()).startsWith(STRIPE.base() + "/pay/cs_");
		assertThat(STRIPE.sessions().get(STRIPE.sessions().size() - 1).get("metadata[key]"))
			.isEqualTo(key + ":again-1");
	}

	@Test
	void aPackageBoughtOnlineHasItsVisitsOnceStripeSaysItIsPaid() throws Exception {
		UUID patient = book("Nico").appointment().patientId().value();
		RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null, patient);
		String offered = packages.define(new PackageAdmin.Terms("4 x online massage " + TestNetwork.shortId(),
				Money.usd(36000), List.of(SERVICE), 4, 180));

		MockHttpServletResponse bought = mvc
			.perform(post("/account/packages").param("package", offered).with(csrf()).with(me))
			.andReturn()
			.getResponse();
		assertThat(bought.getRedirectedUrl()).matches("/account/packages/[0-9a-f-]{36}/pay");
		var holding = credits.holdings(PatientId.of(patient)).get(0);
		assertThat(holding.balance()).isZero();
		assertThat(page(get("/account/packages"), me)).contains("Not paid yet: $360.").contains("Pay now");
		int before = STRIPE.sessions().size();
		MockHttpServletResponse toStripe = mvc.perform(get(bought.getRedirectedUrl()).with(me))
			.andReturn()
			.getResponse();
		assertThat(toStripe.getRedirectedUrl()).startsWith(STRIPE.base() + "/pay/cs_");
		String key = STRIPE.sessions().get(before).get("metadata[key]");

		String payload = StripePaymentsTests.paid(key, patient, 36000);
		webhook(payload, StripePaymentsTests.sign(payload, StripePaymentsTests.WEBHOOK_SECRET));
		String resent = payload.replace("\"id\":\"evt_", "\"id\":\"evt_again_");
		webhook(resent, StripePaymentsTests.sign(resent, StripePaymentsTests.WEBHOOK_SECRET));

		var paid = credits.holding(holding.id()).orElseThrow();
		assertThat(paid.paidHow()).isEqualTo(PaidHow.ONLINE);
		assertThat(paid.balance()).isEqualTo(4);
		assertThat(page(get("/account/packages"), me)).contains("4 visits left").doesNotContain("Not paid yet");
	}

	/**
	 * A browser holds a form's submission, and the redirects after it, to the page's
	 * {@code form-action}: only the pages whose forms end on Stripe's hosted page name
	 * its origin.
	 */
	@Nested
	class TheContentSecurityPolicy {

		@Test
		void letsThePagesThatLeadToCheckoutSendTheirFormsThere() throws Exception {
			RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null,
					book("Wren").appointment().patientId().value());

			for (String path : List.of("/account/payments", "/account/packages")) {
				assertThat(policy(get(path).with(me))).as(path).contains("form-action 'self' " + STRIPE.base() + ";");
			}
			assertThat(policy(get("/book/" + UUID.randomUUID() + "/review").with(anonymous())))
				.contains("form-action 'self' " + STRIPE.base() + ";");
		}

		@Test
		void keepsEveryOtherPagesFormsHere() throws Exception {
			RequestPostProcessor me = SignedInAs.signedIn(Role.PATIENT, null,
					book("Ines").appointment().patientId().value());

			for (String path : List.of("/", "/book", "/book/" + UUID.randomUUID() + "/details", "/account",
					"/account/payments/pay", "/account/packages/extra", "/sign-in", "/api/v1/services")) {
				assertThat(policy(get(path).with(me))).as(path)
					.contains("form-action 'self';")
					.doesNotContain(STRIPE.base());
			}
		}

		private String policy(MockHttpServletRequestBuilder request) throws Exception {
			return mvc.perform(request).andReturn().getResponse().getHeader("Content-Security-Policy");
		}

	}

	private Booked book(String name) {
		return paid.bookedBy(
				booking, new PatientDetails(name, "Online",
						name.toLowerCase() + "." + UUID.randomUUID() + "@example.org", null, LocalDate.of(1988, 8, 8)),
				LocalDateTime.of(2027, 6, 14, 10, 0));
	}

	private MockHttpServletResponse webhook(String payload, String signature) throws Exception {
		return mvc
			.perform(post("/api/v1/payments/stripe/webhook").contentType("application/json")
				.header("Stripe-Signature", signature)
				.content(payload))
			.andReturn()
			.getResponse();
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return response.getContentAsString();
	}

}
