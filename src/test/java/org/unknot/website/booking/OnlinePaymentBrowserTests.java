package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unknot.PaidService;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.care.RedFlag;
import org.unknot.payment.FakeStripe;
import org.unknot.payment.PaymentPolicies;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * A patient on a 390 px phone books a visit that asks for a deposit at booking, with
 * Stripe (the loopback fake) configured: from the review step straight to the hosted
 * payment page, and from there back to the confirmation, which thanks them. axe finds
 * nothing on any page on the way.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class OnlinePaymentBrowserTests {

	static final FakeStripe STRIPE = FakeStripe.onLoopback();

	static final String SERVICE = "t-pay-browser-online-60";

	static final String SERVICE_NAME = "Test massage paid online, 60 minutes";

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		STRIPE.configure(registry, "whsec_unknot_test");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentPolicies policies;

	String clinicName;

	@BeforeEach
	void aClinicWithADepositAtBooking() {
		clinicName = "Test clinic " + PaidService.offered(jdbc, policies, SERVICE, SERVICE_NAME, 9000, 2500).clinic();
	}

	@AfterAll
	static void stopStripe() {
		STRIPE.close();
	}

	@Test
	void fromTheReviewStepToTheHostedPageAndBackToTheConfirmationOnAPhone(Visitor visitor) {
		Page page = visitor.open("/book?service=" + SERVICE, Visitor.JS_ON, 390);
		assertThat(page.getByLabel(SERVICE_NAME).isChecked()).isTrue();
		continueOn(page);
		page.getByLabel(clinicName).check();
		continueOn(page);
		if (page.getByLabel("First available").count() > 0) {
			page.getByLabel("First available").check();
			continueOn(page);
		}
		page.locator("button.slot").first().click();
		page.getByLabel("First name").fill("Rosa");
		page.getByLabel("Last name").fill("Okafor");
		page.getByLabel("Email").fill("rosa-" + TestNetwork.shortId() + "@example.org");
		page.getByLabel("Date of birth").fill("1983-07-21");
		continueOn(page);
		page.getByLabel("I will pay myself").check();
		continueOn(page);
		answerIntake(page);
		assertThat(page.locator("main").textContent()).contains("$25");
		page.getByLabel("I have read this payment policy and agree to it").check();
		visitor.check(page, "1-review");
		int before = STRIPE.sessions().size();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();
		page.waitForURL(url -> url.startsWith(STRIPE.base() + "/pay/"));

		assertThat(STRIPE.sessions()).hasSize(before + 1);
		assertThat(page.locator("h1").textContent()).isEqualTo("Pay $25.00");
		assertThat(page.locator("main").textContent()).contains(SERVICE_NAME);
		visitor.check(page, "2-hosted-page");
		// the page sends the patient back to the site's public address, which is not this
		// test's server: follow its path here
		String back = URI
			.create(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pay $25.00"))
				.getAttribute("href"))
			.getRawPath() + "?payment=made";
		assertThat(back).matches("/book/[^/]+/confirmed\\?payment=made");
		page.navigate(visitor.baseUrl() + back);

		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit is booked");
		assertThat(page.locator("main").textContent()).contains("Thank you for paying").contains(clinicName);
		visitor.check(page, "3-confirmed");
	}

	private static void answerIntake(Page page) {
		page.getByLabel("Upper back").check();
		page.locator("label[for=intensity-4]").click();
		page.getByLabel("Six weeks to three months").check();
		page.getByLabel("Posture, desk or phone work").check();
		for (var flag : RedFlag.values()) {
			page.locator("input[name=flag-" + flag.name() + "][value=no]").check();
		}
		continueOn(page);
	}

	private static void continueOn(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
	}

}
