package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.UnknotIntegrationTest;
import org.unknot.payment.FakeStripe;
import org.unknot.PaidService;
import org.unknot.payment.PaymentPolicies;
import org.unknot.visit.VisitBooking;

/**
 * Right after booking a visit that owes a deposit, with Stripe (the loopback fake)
 * configured: the website sends the patient to Stripe's hosted page by a plain redirect,
 * for the deposit, named as the patient knows the visit; the same page again when asked
 * again; a patient who gave up there sees the amount due and a way to pay.
 */
@UnknotIntegrationTest
class PayingAfterBookingTests {

	static final FakeStripe STRIPE = FakeStripe.onLoopback();

	static final String SERVICE = "t-pay-after-booking-60";

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		STRIPE.configure(registry, "whsec_unknot_test");
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
	Drafts drafts;

	MockMvc mvc;

	PaidService paid;

	@BeforeEach
	void aDepositAtBooking() {
		mvc = SecuredMockMvc.of(context);
		paid = PaidService.offered(jdbc, policies, SERVICE, "Test deposit massage, 60 minutes", 10000, 2000);
	}

	@AfterAll
	static void stopStripe() {
		STRIPE.close();
	}

	@Test
	void sendsThePatientToStripeForTheDepositAndOffersItAgainAfterGivingUp() throws Exception {
		String draftId = bookedDraft("Lena");
		int before = STRIPE.sessions().size();

		MockHttpServletResponse pay = mvc.perform(get("/book/{d}/pay", draftId)).andReturn().getResponse();
		MockHttpServletResponse again = mvc.perform(get("/book/{d}/pay", draftId)).andReturn().getResponse();

		assertThat(pay.getRedirectedUrl()).startsWith(STRIPE.base() + "/pay/cs_");
		assertThat(again.getRedirectedUrl()).isEqualTo(pay.getRedirectedUrl());
		assertThat(STRIPE.sessions().subList(before, STRIPE.sessions().size())).singleElement().satisfies(session -> {
			assertThat(session).containsEntry("line_items[0][price_data][unit_amount]", "2000");
			assertThat(session.get("line_items[0][price_data][product_data][name]"))
				.startsWith("Test deposit massage, 60 minutes with ");
			assertThat(session.get("cancel_url")).endsWith("/book/" + draftId + "/confirmed?payment=not-made");
		});
		MockHttpServletResponse gaveUp = mvc.perform(get("/book/{d}/confirmed?payment=not-made", draftId))
			.andReturn()
			.getResponse();
		gaveUp.setCharacterEncoding(StandardCharsets.UTF_8.name());
		assertThat(gaveUp.getContentAsString()).contains("Due now: $20")
			.contains("You have not paid yet")
			.contains("/book/" + draftId + "/pay");
	}

	private String bookedDraft(String name) {
		return BookedDrafts.booked(drafts, booking, paid, name);
	}

}
