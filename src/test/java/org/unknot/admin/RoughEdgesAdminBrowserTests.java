package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.BrowserSignIn;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.calendar.DownloadedCalendar;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.notification.OutboxDispatcher;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * Issue 17's rough edges as an admin meets them at 1280 px: from their landing page to
 * Admin and on to the sent messages (with no SMTP server the messages are kept there),
 * which fit the screen with no sideways scrolling although their links are long; and the
 * calendar files the patient got: the invitation, then its cancellation under the same
 * UID with a raised SEQUENCE. axe finds nothing on the way.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class RoughEdgesAdminBrowserTests {

	static final String PASSWORD = "a long admin passphrase";

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	/** How long the listeners may take to plan a message on a busy build machine. */
	static final long PLANNING_MILLIS = 60_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	@Autowired
	OutboxDispatcher dispatcher;

	@Test
	void anAdminFindsWhatThePatientGotFromTheirHomeAndTheCancellationOutranksTheInvitation(Visitor visitor)
			throws IOException, InterruptedException {
		TestNetwork network = new TestNetwork(jdbc);
		String physician = network.physician();
		// a video visit: its confirmation carries the join link, a line far wider than
		// the page
		network.weekdays(physician, null);
		String email = "mara.quill." + TestNetwork.shortId() + "@example.org";
		Booked booked = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.CONSULTATION), PractitionerId.of(physician),
						LocationId.VIRTUAL, LocalDateTime.of(2027, 3, 15, 10, 0).atZone(NEW_YORK).toInstant()),
				null, new PatientDetails("Mara", "Quill", email, null, LocalDate.of(1979, 6, 21)));
		UUID visit = booked.appointment().id();
		sendOnceItIsPlanned(visit, "BOOKED");
		desk.cancel(visit, booked.manageToken(), "patient");
		sendOnceItIsPlanned(visit, "CANCELLED");

		Account admin = accounts
			.create(new AccountDesk.NewAccount("messages-admin-" + UUID.randomUUID() + "@unknot.example", "Robin Admin",
					Role.ADMIN, List.of(), null, null, PASSWORD));
		Page page = visitor.page(Visitor.JS_ON, 1280);
		page.navigate(visitor.baseUrl() + "/sign-in");
		BrowserSignIn.enrol(visitor, page, admin, PASSWORD);
		page.locator("main")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Admin").setExact(true))
			.click();
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Sent messages (emails and texts, as patients received them)"))
			.click();

		assertThat(page.url()).endsWith("/admin/messages");
		assertThat(page.locator("h1").textContent()).isEqualTo("Sent messages");
		Locator confirmation = message(page, email, "Visit booked");
		assertThat(confirmation.locator("pre").textContent()).as("the long join link is in the message")
			.containsPattern("Join: \\S*/visits/" + visit + "/join\\?token=\\S{40,} ");
		assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
			.as("the page's width: it fits 1280 px without scrolling sideways")
			.isLessThanOrEqualTo(((Number) page.evaluate("() => window.innerWidth")).intValue());
		assertThat(((Number) confirmation.locator("pre").evaluate("pre => pre.scrollWidth")).intValue())
			.as("the message's lines wrap inside it")
			.isLessThanOrEqualTo(((Number) confirmation.locator("pre").evaluate("pre => pre.clientWidth")).intValue());
		visitor.check(page, "admin-messages-1280");

		DownloadedCalendar invitation = download(page, confirmation);
		DownloadedCalendar cancellation = download(page, message(page, email, "Visit cancelled"));
		assertThat(invitation.method()).isEqualTo("REQUEST");
		assertThat(cancellation.method()).isEqualTo("CANCEL");
		assertThat(cancellation.eventProperty("UID")).as("the cancellation replaces the invitation's entry")
			.isEqualTo(invitation.eventProperty("UID"));
		assertThat(cancellation.eventProperty("STATUS")).isEqualTo("CANCELLED");
		assertThat(cancellation.sequence()).as("a change of STATUS is significant: SEQUENCE goes up")
			.isGreaterThan(invitation.sequence());
	}

	/** The sent email of this kind to this address, as the page lists it. */
	private static Locator message(Page page, String email, String kind) {
		return page.locator("article.sent-message", new Page.LocatorOptions().setHasText(email)
			.setHas(page.locator("dd", new Page.LocatorOptions().setHasText("Email · " + kind))));
	}

	private static DownloadedCalendar download(Page page, Locator message) throws IOException {
		return DownloadedCalendar.read(
				page.waitForDownload(() -> message
					.getByRole(AriaRole.LINK,
							new Locator.GetByRoleOptions()
								.setName(java.util.regex.Pattern.compile("^Calendar file attached")))
					.click()).path());
	}

	/**
	 * Waits for the listeners to plan the email of this kind about the visit, then sends
	 * what is due, as the scheduled dispatcher would (it is off in tests).
	 */
	private void sendOnceItIsPlanned(UUID visit, String kind) throws InterruptedException {
		long deadline = System.currentTimeMillis() + PLANNING_MILLIS;
		while (jdbc.sql("SELECT count(*) FROM outbox_message WHERE subject_id = ? AND kind = ? AND channel = 'EMAIL'")
			.params(visit, kind)
			.query(Long.class)
			.single() == 0) {
			assertThat(System.currentTimeMillis()).as("the %s email is planned", kind).isLessThan(deadline);
			Thread.sleep(100);
		}
		dispatcher.dispatchDue();
		assertThat(jdbc.sql("SELECT status FROM outbox_message WHERE subject_id = ? AND kind = ? AND channel = 'EMAIL'")
			.params(visit, kind)
			.query(String.class)
			.single()).isEqualTo("sent");
	}

}
