package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Clip;
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
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;
import org.unknot.website.SiteShell;

/**
 * Issue 17's rough edges as a receptionist meets them on a 1024 px front-desk tablet: the
 * workspace has the site's header; names, never practitioner ids, on the caller booking's
 * times, the day and week, the Move page and the patient record; a visit's state in words
 * ("Booked", "Checked in") wherever it is shown; and a date field shows the house focus
 * ring when the keyboard reaches it. axe finds nothing on any page on the way.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class RoughEdgesDeskBrowserTests {

	static final String PASSWORD = "a long staff passphrase";

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final int TABLET = 1024;

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	/** The house focus ring's colour, {@code --focus} in unknot.css. */
	static final int FOCUS_RGB = 0xb44a00;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	@Test
	void aReceptionistSeesNamesAndStatesInWordsAndWhereTheFocusIs(Visitor visitor) throws IOException {
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(2, 0, 0);
		String maya = named(network.therapist(), "Maya", "Lind");
		String theo = named(network.therapist(), "Theo", "Marsh");
		network.weekdays(maya, clinic).weekdays(theo, clinic);
		UUID rosa = book(clinic, maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		UUID cleo = book(clinic, theo, MONDAY.atTime(9, 0), "Cleo", "Arden");
		network.startsNow(cleo);
		LocalDate today = LocalDate.now(NEW_YORK);
		List<String> ids = List.of(maya, theo);

		Page page = signedIn(visitor, clinic);
		assertThat(page.url()).endsWith("/staff");
		SiteShell.assertAround(page);
		visitor.check(page, "workspace-1024");

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		assertThat(page.locator("#visit-" + rosa + " .state").textContent()).isEqualTo("Booked");
		assertNoIds(page, ids);
		assertFocusRingOnTheDateField(visitor, page);

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY + "&view=week");
		assertThat(page.locator(".week-visits .state").allTextContents()).containsExactly("Booked");
		assertNoIds(page, ids);
		visitor.check(page, "week-1024");

		page.navigate(visitor.baseUrl() + "/staff/book?clinic=" + clinic + "&service=" + TestNetwork.MASSAGE + "&date="
				+ MONDAY);
		assertThat(page.getByLabel("2:00 PM with Maya Lind, LMT", EXACT).count()).isOne();
		assertNoIds(page, ids);
		visitor.check(page, "book-times-1024");

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		page.getByText("Actions for Rosa Quill").click();
		link(page, "Move Rosa Quill").click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Move a visit");
		assertThat(page.getByLabel("11:00 AM with Theo Marsh, LMT", EXACT).count()).isOne();
		assertNoIds(page, ids);

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + today);
		page.getByText("Actions for Cleo Arden").click();
		page.locator("#visit-" + cleo)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in").setExact(true))
			.click();
		page.waitForLoadState();
		assertThat(page.locator("#visit-" + cleo + " .state").textContent()).isEqualTo("Checked in");
		visitor.check(page, "day-checked-in-1024");

		page.locator("#visit-" + cleo)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cleo Arden"))
			.click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Cleo Arden");
		Locator visits = page.locator("main table").first();
		assertThat(visits.textContent()).contains("Theo Marsh, LMT")
			.contains("Checked in")
			.doesNotContain("checked-in");
		assertNoIds(page, ids);
		visitor.check(page, "patient-record-1024");
	}

	/**
	 * Tabs from the field before it through the date field, as the keyboard goes: month,
	 * day, year and the calendar button. At every stop the screen shows the house ring in
	 * the focus colour around the whole field, not only Chromium's highlight of the part
	 * being typed.
	 */
	private static void assertFocusRingOnTheDateField(Visitor visitor, Page page) throws IOException {
		page.locator("#clinic").focus();
		page.keyboard().press("Tab");
		int stops = 0;
		while ("date".equals(page.evaluate("() => document.activeElement.id"))) {
			stops++;
			Locator field = page.locator("#date");
			BoundingBox box = field.boundingBox();
			double margin = 8;
			byte[] shot = page.screenshot(new Page.ScreenshotOptions()
				.setClip(new Clip(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin))
				.setPath(Paths.get("target/screenshots/RoughEdgesDeskBrowserTests/date-field-stop-" + stops + ".png")));
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot));
			assertThat(ringColouredEdges(image))
				.as("the focus ring on all four sides of the date field at stop %d", stops)
				.isEqualTo(4);
			if (stops == 1) {
				visitor.check(page, "day-1024-date-focused");
			}
			page.keyboard().press("Tab");
		}
		assertThat(stops).as("the keyboard stops on the month, the day and the year at least")
			.isGreaterThanOrEqualTo(3);
	}

	/**
	 * On how many of the four sides outside the field (the margin around it) the focus
	 * colour is drawn along most of the side.
	 */
	private static int ringColouredEdges(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int sides = 0;
		sides += mostlyRing(image, 0, w, 0, 8, true) ? 1 : 0;
		sides += mostlyRing(image, 0, w, h - 8, h, true) ? 1 : 0;
		sides += mostlyRing(image, 0, 8, 0, h, false) ? 1 : 0;
		sides += mostlyRing(image, w - 8, w, 0, h, false) ? 1 : 0;
		return sides;
	}

	/**
	 * Whether, along the band, at least half the lines across it hold a pixel of the
	 * focus colour.
	 */
	private static boolean mostlyRing(BufferedImage image, int x0, int x1, int y0, int y1, boolean horizontal) {
		int along = horizontal ? x1 - x0 : y1 - y0;
		int hits = 0;
		for (int i = 0; i < along; i++) {
			boolean hit = false;
			int across = horizontal ? y1 - y0 : x1 - x0;
			for (int j = 0; j < across && !hit; j++) {
				int rgb = horizontal ? image.getRGB(x0 + i, y0 + j) : image.getRGB(x0 + j, y0 + i);
				hit = close(rgb & 0xffffff, FOCUS_RGB);
			}
			hits += hit ? 1 : 0;
		}
		return hits * 2 >= along;
	}

	private static boolean close(int rgb, int expected) {
		int dr = Math.abs(((rgb >> 16) & 0xff) - ((expected >> 16) & 0xff));
		int dg = Math.abs(((rgb >> 8) & 0xff) - ((expected >> 8) & 0xff));
		int db = Math.abs((rgb & 0xff) - (expected & 0xff));
		return dr + dg + db < 60;
	}

	/** No practitioner id in anything the page shows. */
	private static void assertNoIds(Page page, List<String> ids) {
		String shown = page.locator("main").innerText();
		for (String id : ids) {
			assertThat(shown).as("names, not ids, on " + page.url()).doesNotContain(id);
		}
	}

	private Page signedIn(Visitor visitor, String clinic) {
		Account frontDesk = accounts.create(new AccountDesk.NewAccount("desk-" + UUID.randomUUID() + "@unknot.example",
				"Sam Desk", Role.FRONT_DESK, List.of(clinic), null, null, PASSWORD));
		Page page = visitor.page(Visitor.JS_ON, TABLET);
		page.setDefaultTimeout(60_000);
		page.navigate(visitor.baseUrl() + "/sign-in");
		BrowserSignIn.enrol(visitor, page, frontDesk, PASSWORD);
		return page;
	}

	private UUID book(String clinic, String practitioner, LocalDateTime at, String given, String family) {
		return desk
			.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(practitioner),
					LocationId.of(clinic), at.atZone(NEW_YORK).toInstant()), null,
					new PatientDetails(given, family, given.toLowerCase() + "." + UUID.randomUUID() + "@example.org",
							null, LocalDate.of(1980, 5, 17)))
			.appointment()
			.id();
	}

	private String named(String practitioner, String given, String family) {
		jdbc.sql("UPDATE practitioner SET given_name = ?, family_name = ? WHERE id = ?")
			.params(given, family, practitioner)
			.update();
		return practitioner;
	}

	private static Locator link(Page page, String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
