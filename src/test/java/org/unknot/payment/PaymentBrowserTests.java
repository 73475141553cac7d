package org.unknot.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.PaidService;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.BrowserSignIn;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * Paying at the clinic in a real browser: the front desk opens a visit's checkout from
 * the day's calendar, records a card-terminal payment and downloads the receipt; the
 * patient then finds the payment and its receipt in the portal on a 390 px phone. axe
 * finds nothing on any of these pages.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class PaymentBrowserTests {

	static final String SERVICE = "t-pay-browser-60";

	static final String PASSWORD = "a long staff passphrase";

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	VisitBooking booking;

	@Autowired
	PaymentPolicies policies;

	String clinic;

	String therapist;

	@BeforeEach
	void aClinicWithADepositOnMassage() {
		PaidService paid = PaidService.offered(jdbc, policies, SERVICE, "Test massage with a deposit, 60 minutes", 9500,
				2500);
		clinic = paid.clinic();
		therapist = paid.therapist();
	}

	@Test
	void theDeskRecordsACardPaymentAndThePatientFindsItsReceiptOnAPhone(Visitor visitor) throws IOException {
		String email = "vera.lind." + UUID.randomUUID() + "@example.org";
		Booked visit = booking.book(
				new SlotRequest(ServiceId.of(SERVICE), PractitionerId.of(therapist), LocationId.of(clinic),
						LocalDateTime.of(MONDAY, java.time.LocalTime.of(10, 0))
							.atZone(ZoneId.of(TestNetwork.ZONE))
							.toInstant()),
				null, VisitAnswers.selfPay(new PatientDetails("Vera", "Lind", email, null, LocalDate.of(1984, 5, 6))),
				BookedBy.PATIENT);
		Account desk = accounts.create(new AccountDesk.NewAccount("desk-" + UUID.randomUUID() + "@unknot.example",
				"Sam Desk", Role.FRONT_DESK, List.of(clinic), null, null, PASSWORD));
		accounts.create(new AccountDesk.NewAccount(email, "Vera Lind", Role.PATIENT, List.of(), null,
				visit.appointment().patientId().value(), PASSWORD));

		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		BrowserSignIn.enrol(visitor, page, desk, PASSWORD);
		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		page.getByText("Actions for Vera Lind").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payments Vera Lind")).click();
		page.waitForLoadState();

		assertThat(page.locator("h1").textContent()).isEqualTo("Checkout: Vera Lind");
		assertThat(page.content()).contains("Test massage with a deposit, 60 minutes with ")
			.contains("Mon, Mar 15, 10:00 AM EDT")
			.contains("<dd>Booked</dd>")
			.contains("$25");
		visitor.check(page, "checkout");
		page.getByLabel("Amount in dollars", EXACT).fill("25");
		page.getByLabel("How", EXACT).selectOption("CARD_TERMINAL");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").first().textContent()).startsWith("Recorded $25; receipt number ");
		assertThat(page.content()).contains("Paid, Card (clinic terminal)");
		visitor.check(page, "checkout-paid");
		Download receipt = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF")).first().click());
		assertThat(receipt.suggestedFilename()).startsWith("receipt-").endsWith(".pdf");
		assertThat(new String(Files.readAllBytes(receipt.path()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");

		Page phone = visitor.open("/sign-in", Visitor.JS_ON, 390);
		phone.getByLabel("Email", EXACT).fill(email);
		phone.getByLabel("Password", EXACT).fill(PASSWORD);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		phone.waitForURL(url -> !url.contains("/sign-in"));
		phone.navigate(visitor.baseUrl() + "/account/payments");

		assertThat(phone.locator("main").textContent()).contains("Nothing is owed.")
			.contains("Visit, Card (clinic terminal)")
			.contains("$25");
		visitor.check(phone, "portal-payments-phone");
		Download mine = phone.waitForDownload(
				() -> phone
					.getByRole(AriaRole.LINK,
							new Page.GetByRoleOptions()
								.setName(java.util.regex.Pattern.compile("^Receipt \\d+ \\(PDF\\)$")))
					.click());
		assertThat(mine.suggestedFilename()).isEqualTo(receipt.suggestedFilename());
	}

}
