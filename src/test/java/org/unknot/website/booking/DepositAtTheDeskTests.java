package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.PaidService;
import org.unknot.SecuredMockMvc;
import org.unknot.UnknotIntegrationTest;
import org.unknot.payment.PaymentPolicies;
import org.unknot.visit.VisitBooking;

/**
 * Right after booking a visit that owes a deposit where no payment provider is configured
 * (the clinics take payments at their front desks): the patient, who has just agreed that
 * a deposit is due when they book, is told what is due and where to pay it, and is
 * offered no online payment.
 */
@UnknotIntegrationTest
class DepositAtTheDeskTests {

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
		paid = PaidService.offered(jdbc, policies, "t-deposit-at-desk-60", "Test desk-paid massage, 60 minutes", 10000,
				2000);
	}

	@Test
	void theConfirmationSaysWhatIsDueAndThatTheFrontDeskTakesIt() throws Exception {
		String draftId = BookedDrafts.booked(drafts, booking, paid, "Ines");

		MockHttpServletResponse confirmed = mvc.perform(get("/book/{d}/confirmed", draftId)).andReturn().getResponse();
		confirmed.setCharacterEncoding(StandardCharsets.UTF_8.name());

		assertThat(confirmed.getContentAsString()).contains("Due now: $20")
			.contains("pay it at the front desk")
			.doesNotContain("/book/" + draftId + "/pay");
	}

}
