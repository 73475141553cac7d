package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Clip;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.BeforeEach;
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
 * A receptionist runs a clinic's day on a 1024 px front-desk tablet: drags a visit to
 * another time and practitioner and confirms, is told plainly why a taken time is
 * refused, makes the same move without JavaScript, and does the day's work with the
 * keyboard alone (every stop with a visible focus ring, in reading order). Issue 17's
 * rough edges as the receptionist meets them: the workspace has the site's header; names,
 * never practitioner ids, on the caller booking's times, the day and week, the Move page
 * and the patient record; a visit's state in words ("Booked", "Checked in"); a date field
 * shows the house ring at every stop. axe finds nothing on any page on the way.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class CalendarBrowserTests {

	static final String PASSWORD = "a long staff passphrase";

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final int TABLET = 1024;

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	/** The house focus ring's colour, {@code --focus} in unknot.css. */
	static final int FOCUS_RGB = 0xb44a00;

	/** How long a page may take on a busy build machine before the test gives up. */
	static final double SLOW_MACHINE_MILLIS = 60_000;

	/**
	 * What is wrong with the focus as shown, or null: nothing focused, no outline, or an
	 * outline cut off by a box that hides its overflow. A date or time field, which
	 * Chromium focuses in the part being typed, must show the house ring around the whole
	 * field too.
	 */
	static final String FOCUS_PROBLEM = """
			() => {
			  const el = document.activeElement;
			  if (!el || el === document.body) return 'nothing has the focus';
			  const what = el.outerHTML.slice(0, 120);
			  const style = getComputedStyle(el);
			  const ring = parseFloat(style.outlineWidth) || 0;
			  if (style.outlineStyle === 'none' || ring === 0) return 'no focus ring on ' + what;
			  const r = el.getBoundingClientRect();
			  if (r.width < 1 || r.height < 1) return 'focus on something not shown: ' + what;
			  const grow = Math.max(0, ring + (parseFloat(style.outlineOffset) || 0)) - 0.5;
			  for (let a = el.parentElement; a; a = a.parentElement) {
			    const s = getComputedStyle(a);
			    const clips = ['hidden', 'clip'];
			    if (!clips.includes(s.overflowX) && !clips.includes(s.overflowY)) continue;
			    const c = a.getBoundingClientRect();
			    if (r.left - grow < c.left || r.right + grow > c.right || r.top - grow < c.top || r.bottom + grow > c.bottom)
			      return 'focus ring of ' + what + ' cut off by ' + a.tagName + '.' + a.className;
			  }
			  return null;
			}""";

	static final String NOTHING_FOCUSED = "nothing has the focus";

	/** The focused element: its tag, id, type and accessible text. */
	static final String FOCUSED = """
			() => {
			  const el = document.activeElement;
			  const name = (el.getAttribute('aria-label') || el.textContent || '').replace(/\\s+/g, ' ').trim();
			  return { tag: el.tagName.toLowerCase(), id: el.id || '', type: el.getAttribute('type') || '', name: name };
			}""";

	/** One stop of the keyboard's focus. */
	record Stop(String tag, String id, String type, String name) {

		static Predicate<Stop> named(String name) {
			return stop -> stop.name().equals(name);
		}

		static Predicate<Stop> radio() {
			return stop -> "radio".equals(stop.type());
		}

	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	TestNetwork network;

	String clinic;

	String maya;

	String theo;

	@BeforeEach
	void aClinicWithTwoTherapists() {
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		maya = named(network.therapist(), "Maya", "Lind");
		theo = named(network.therapist(), "Theo", "Marsh");
		network.weekdays(maya, clinic).weekdays(theo, clinic);
	}

	@Test
	void aReceptionistDragsAVisitToAnotherTimeAndPractitionerThenOntoATakenTime(Visitor visitor) {
		UUID rosa = book(maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		book(theo, MONDAY.atTime(12, 0), "Ivo", "Brandt");
		Page page = signedIn(visitor, Visitor.JS_ON);
		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		visitor.check(page, "day-1024");

		drag(page, rosa, theo, "10:30");

		Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Move this visit?"));
		assertThat(dialog.isVisible()).isTrue();
		assertThat(dialog.locator("#move-confirm-text").textContent())
			.isEqualTo("Move Rosa Quill from 10:00 AM EDT to 10:30 AM EDT with Theo Marsh, LMT?");
		visitor.check(page, "drag-confirm");
		button(page, "Yes, move the visit").click();
		page.waitForLoadState();

		assertThat(page.locator(".notice").textContent())
			.isEqualTo("Moved to Mon, Mar 15, 10:30 AM EDT, with Theo Marsh, LMT.");
		Locator moved = page.locator("#visit-" + rosa);
		assertThat(moved.locator(".visit-time").textContent()).startsWith("10:30 AM");
		assertThat(within(moved.boundingBox(), column(page, "Theo Marsh, LMT").boundingBox()))
			.as("the block now stands in Theo's column")
			.isTrue();
		assertThat(startOf(rosa)).isEqualTo(MONDAY.atTime(10, 30).atZone(NEW_YORK));

		drag(page, rosa, theo, "12:00");
		assertThat(page.locator("#move-confirm-text").textContent()).contains("to 12:00 PM EDT with Theo Marsh, LMT?");
		button(page, "Yes, move the visit").click();
		page.waitForLoadState();

		assertThat(page.locator("h1").textContent()).isEqualTo("Move a visit");
		assertThat(page.getByRole(AriaRole.ALERT).textContent())
			.isEqualTo("The visit cannot move to Mon, Mar 15, 12:00 PM EDT with Theo Marsh, LMT: "
					+ "the practitioner is busy then. Nothing was changed.")
			.doesNotContain(theo)
			.doesNotContain("T1")
			.doesNotContain("Z|");
		assertThat(startOf(rosa)).as("nothing moved").isEqualTo(MONDAY.atTime(10, 30).atZone(NEW_YORK));
		visitor.check(page, "drag-refused");
	}

	@Test
	void aReceptionistMovesAVisitWithTheKeyboardAloneAsTheDragDoes(Visitor visitor) {
		UUID rosa = book(maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		book(theo, MONDAY.atTime(12, 0), "Ivo", "Brandt");
		Page page = signedIn(visitor, Visitor.JS_ON);
		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		Locator block = page.locator("#visit-" + rosa);
		Locator live = page.locator("#move-live");

		tabUntil(page, stop -> stop.id().equals("visit-" + rosa), 80);
		PlaywrightAssertions.assertThat(block).hasAccessibleDescription(Pattern.compile("press M on it"));
		assertThat(page.locator("#move-keys-help").isVisible()).as("the keys are told on the page too").isTrue();
		page.keyboard().press("m");
		assertThat(live.textContent()).isEqualTo("Moving Rosa Quill: Mon, Mar 15, 10:00 AM EDT with Maya Lind, LMT");
		assertThat(target(page)).isEqualTo(slot(maya, "10:00"));
		page.keyboard().press("ArrowRight");
		page.keyboard().press("ArrowDown");
		assertThat(live.textContent()).isEqualTo("Mon, Mar 15, 10:15 AM EDT with Theo Marsh, LMT");
		assertThat(target(page)).isEqualTo(slot(theo, "10:15"));
		visitor.check(page, "keyboard-carrying");

		page.keyboard().press("Escape");
		assertThat(page.locator(".drop-target").count()).as("the target is gone").isZero();
		assertThat(page.evaluate("() => document.activeElement.id")).as("the focus is back on the block")
			.isEqualTo("visit-" + rosa);
		assertThat(live.textContent()).isEqualTo("Rosa Quill stays at 10:00 AM EDT.");
		assertThat(startOf(rosa)).as("nothing moved").isEqualTo(MONDAY.atTime(10, 0).atZone(NEW_YORK));

		page.keyboard().press("m");
		page.keyboard().press("ArrowRight");
		page.keyboard().press("ArrowRight");
		assertThat(target(page)).as("no column beyond the last").isEqualTo(slot(theo, "10:00"));
		page.keyboard().press("ArrowDown");
		page.keyboard().press("ArrowDown");
		assertThat(live.textContent()).isEqualTo("Mon, Mar 15, 10:30 AM EDT with Theo Marsh, LMT");
		page.keyboard().press("Enter");
		assertThat(page.locator("#move-confirm-text").textContent())
			.isEqualTo("Move Rosa Quill from 10:00 AM EDT to 10:30 AM EDT with Theo Marsh, LMT?");
		assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("move-confirm-go");
		visitor.check(page, "keyboard-confirm");
		enterThenSee(page, page.locator(".notice"), "Moved to Mon, Mar 15, 10:30 AM EDT, with Theo Marsh, LMT.");
		assertThat(within(block.boundingBox(), column(page, "Theo Marsh, LMT").boundingBox()))
			.as("the block now stands in Theo's column")
			.isTrue();
		assertThat(startOf(rosa)).isEqualTo(MONDAY.atTime(10, 30).atZone(NEW_YORK));
		assertThat(practitionerOf(rosa)).isEqualTo(theo);

		// the calendar opens at the moved visit, and the keyboard starts there
		tabUntil(page, "Tab", Stop.named("Rosa Quill"), 3);
		tabUntil(page, "Shift+Tab", stop -> stop.id().equals("visit-" + rosa), 1);
		page.keyboard().press("m");
		for (int i = 0; i < 6; i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(live.textContent()).isEqualTo("Mon, Mar 15, 12:00 PM EDT with Theo Marsh, LMT");
		page.keyboard().press("Enter");
		enterThenSee(page, page.getByRole(AriaRole.ALERT),
				"The visit cannot move to Mon, Mar 15, 12:00 PM EDT with Theo Marsh, LMT: "
						+ "the practitioner is busy then. Nothing was changed.");
		assertThat(startOf(rosa)).as("nothing moved").isEqualTo(MONDAY.atTime(10, 30).atZone(NEW_YORK));
		assertThat(practitionerOf(rosa)).isEqualTo(theo);
		visitor.check(page, "keyboard-refused");
	}

	@Test
	void withoutJavaScriptTheSameMoveIsAFormAndATakenTimeIsRefusedInWords(Visitor visitor) {
		UUID rosa = book(maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		Page page = signedIn(visitor, Visitor.JS_OFF);
		// a moved visit's calendar opens scrolled to it; without smooth scrolling the
		// block stands still at once for the next click
		page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		visitor.check(page, "day-no-js");
		page.getByText("Actions for Rosa Quill").click();
		link(page, "Move Rosa Quill").click();

		page.getByLabel("10:30 AM with Theo Marsh, LMT").check();
		button(page, "Review the move").click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Move this visit?");
		assertThat(startOf(rosa)).as("nothing moves before it is confirmed")
			.isEqualTo(MONDAY.atTime(10, 0).atZone(NEW_YORK));
		visitor.check(page, "confirm-no-js");
		button(page, "Yes, move the visit").click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent())
			.isEqualTo("Moved to Mon, Mar 15, 10:30 AM EDT, with Theo Marsh, LMT.");

		page.getByText("Actions for Rosa Quill").click();
		link(page, "Move Rosa Quill").click();
		page.getByLabel("1:00 PM with Maya Lind, LMT").check();
		button(page, "Review the move").click();
		book(maya, MONDAY.atTime(13, 0), "Cleo", "Arden");
		button(page, "Yes, move the visit").click();
		page.waitForLoadState();

		assertThat(page.getByRole(AriaRole.ALERT).textContent())
			.isEqualTo("The visit cannot move to Mon, Mar 15, 1:00 PM EDT with Maya Lind, LMT: "
					+ "the practitioner is busy then. Nothing was changed.");
		assertThat(page.getByLabel("1:00 PM with Maya Lind, LMT").count()).as("the taken time is no longer offered")
			.isZero();
		assertThat(startOf(rosa)).isEqualTo(MONDAY.atTime(10, 30).atZone(NEW_YORK));
		visitor.check(page, "move-refused-no-js");
	}

	@Test
	void theDayCanBeRunWithTheKeyboardAlone(Visitor visitor) {
		UUID rosa = book(maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		UUID cleo = book(theo, MONDAY.atTime(9, 0), "Cleo", "Arden");
		network.startsNow(cleo);
		LocalDate today = LocalDate.ofInstant(startOf(cleo).toInstant(), NEW_YORK);
		Page page = signedIn(visitor, Visitor.JS_ON);

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + today);
		List<Stop> stops = tabUntil(page, "Actions for Cleo Arden", 80);
		assertThat(stops).as("the day's controls come before the grid")
			.extracting(Stop::id)
			.containsSubsequence("clinic", "date");
		page.keyboard().press("Enter");
		tabUntil(page, "Check in", 10);
		visitor.check(page, "keyboard-actions-open");
		enterThenSee(page, page.locator(".notice"),
				"Checked in at " + org.unknot.system.Times.shortDateTime(startOf(cleo)) + ".");
		assertThat(page.locator("#visit-" + cleo + " .state").textContent()).isEqualTo("Checked in");
		assertThat(jdbc.sql("SELECT status FROM appointment WHERE id = ?").param(cleo).query(String.class).single())
			.isEqualTo("checked-in");

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		List<Stop> dayStops = tabUntil(page, "Actions for Rosa Quill", 80);
		assertThat(dayStops).as("the free gap before Rosa's visit is a stop, and comes before it")
			.extracting(Stop::name)
			.containsSubsequence("Book here, 9:00 AM with Maya Lind, LMT", "Rosa Quill", "Actions for Rosa Quill");
		page.keyboard().press("Enter");
		tabUntil(page, "Move Rosa Quill", 10);
		enterThenSee(page, page.locator("h1"), "Move a visit");
		visitor.check(page, "keyboard-move");
		tabUntil(page, Stop.radio(), 20);
		Locator target = page.getByLabel("11:00 AM with Theo Marsh, LMT");
		for (int i = 0; i < 80 && !target.isChecked(); i++) {
			page.keyboard().press("ArrowDown");
			assertFocusShows(page);
		}
		assertThat(target.isChecked()).as("the time is chosen with the arrow keys").isTrue();
		tabUntil(page, "Review the move", 5);
		enterThenSee(page, page.locator("h1"), "Move this visit?");
		visitor.check(page, "keyboard-move-confirm");
		tabUntil(page, "Yes, move the visit", 40);
		enterThenSee(page, page.locator(".notice"), "Moved to Mon, Mar 15, 11:00 AM EDT, with Theo Marsh, LMT.");
		assertThat(startOf(rosa)).isEqualTo(MONDAY.atTime(11, 0).atZone(NEW_YORK));

		// the calendar opens at the moved visit, and the keyboard starts there: the free
		// morning in Maya's column, before it in reading order, is reached backwards
		tabUntil(page, "Shift+Tab", Stop.named("Book here, 9:00 AM with Maya Lind, LMT"), 60);
		enterThenSee(page, page.locator("h1"), "Book for a caller");
		assertThat(page.url()).contains("/staff/book").contains("time=09:00").contains("practitioner=" + maya);
		List<Stop> bookingStops = tabUntil(page, "Book", 150);
		assertThat(bookingStops).extracting(Stop::id)
			.containsSubsequence("q", "service", "givenName", "familyName", "email", "phone", "birthDate");
		visitor.check(page, "keyboard-book");

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY + "&view=week");
		List<Stop> weekStops = tabUntil(page, "Rosa Quill", 150);
		assertThat(weekStops).extracting(Stop::id).contains("date");
		visitor.check(page, "keyboard-week");
	}

	@Test
	void theWorkspaceBarOffersAReceptionistOnlyPagesTheyMayOpenAndTheDayOnlyItsOwnCheckIns(Visitor visitor) {
		UUID rosa = book(maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		Page page = signedIn(visitor, Visitor.JS_OFF);
		assertThat(page.locator("header.site-header a.brand").isVisible()).as("the site header and a way home")
			.isTrue();

		List<String> bar = page.locator("nav.site-nav a").allTextContents();
		assertThat(bar).containsExactly("Workspace", "Clinic calendar", "Waitlist").doesNotContain("My day", "Admin");
		for (String href : page.locator("nav.site-nav a").all().stream().map(a -> a.getAttribute("href")).toList()) {
			assertThat(page.navigate(visitor.baseUrl() + href).status()).as(href).isEqualTo(200);
		}

		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY);
		page.getByText("Actions for Rosa Quill").click();
		assertThat(page.locator("#visit-" + rosa + " .visit-buttons").textContent())
			.as("a visit on another day is neither arrived nor checked in today")
			.doesNotContain("Check in")
			.doesNotContain("Arrived")
			.contains("Move Rosa Quill");
	}

	@Test
	void aReceptionistSeesNamesNotIdsAndStatesInWordsAndTheDateFieldsFocusRing(Visitor visitor) throws IOException {
		UUID rosa = book(maya, MONDAY.atTime(10, 0), "Rosa", "Quill");
		UUID cleo = book(theo, MONDAY.atTime(9, 0), "Cleo", "Arden");
		network.startsNow(cleo);
		LocalDate today = LocalDate.now(NEW_YORK);
		List<String> ids = List.of(maya, theo);

		Page page = signedIn(visitor, Visitor.JS_ON);
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
				.setPath(Paths.get("target/screenshots/CalendarBrowserTests/date-field-stop-" + stops + ".png")));
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

	/**
	 * Presses Tab until the focus reaches what is looked for, checking at every stop that
	 * the focus shows; answers the stops on the way.
	 */
	private static List<Stop> tabUntil(Page page, String name, int most) {
		return tabUntil(page, Stop.named(name), most);
	}

	private static List<Stop> tabUntil(Page page, Predicate<Stop> reached, int most) {
		return tabUntil(page, "Tab", reached, most);
	}

	private static List<Stop> tabUntil(Page page, String key, Predicate<Stop> reached, int most) {
		List<Stop> stops = new ArrayList<>();
		for (int i = 0; i < most; i++) {
			page.keyboard().press(key);
			if (i == 0 && NOTHING_FOCUSED.equals(page.evaluate(FOCUS_PROBLEM))) {
				// after a page change Chromium may first hand the focus to its own
				// window,
				// as a browser does from its address bar; the next key enters the page
				page.keyboard().press(key);
			}
			assertThat((String) page.evaluate(FOCUS_PROBLEM)).as("the focus shows after %s", stops).isNull();
			Map<?, ?> focused = (Map<?, ?>) page.evaluate(FOCUSED);
			Stop stop = new Stop((String) focused.get("tag"), (String) focused.get("id"), (String) focused.get("type"),
					(String) focused.get("name"));
			stops.add(stop);
			if (reached.test(stop)) {
				return stops;
			}
		}
		throw new AssertionError("Not reached in " + most + " presses of Tab; the stops were: " + stops);
	}

	/**
	 * Presses Enter on what has the focus and waits for the page it leads to, known by
	 * this text in that place.
	 */
	private static void enterThenSee(Page page, Locator where, String text) {
		page.keyboard().press("Enter");
		PlaywrightAssertions.assertThat(where)
			.containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW_MACHINE_MILLIS));
	}

	private static void assertFocusShows(Page page) {
		assertThat((String) page.evaluate(FOCUS_PROBLEM)).as("the focus shows").isNull();
	}

	/**
	 * Drags a visit block by its first line onto the grid row of this local time in this
	 * practitioner's column, with the mouse, as a receptionist would.
	 */
	private static void drag(Page page, UUID visit, String practitioner, String time) {
		Locator block = page.locator("#visit-" + visit);
		block.scrollIntoViewIfNeeded();
		BoundingBox grip = block.locator(".visit-time").boundingBox();
		Locator slot = page
			.locator(".grid-slot[data-practitioner='" + practitioner + "'][data-at^='" + MONDAY + "T" + time + "']");
		BoundingBox to = slot.boundingBox();
		page.mouse().move(grip.x + 4, grip.y + grip.height / 2);
		page.mouse().down();
		page.mouse()
			.move(to.x + to.width / 2, to.y + to.height / 2,
					new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
		page.mouse().up();
	}

	/** The grid row the move aims at, as practitioner and local start. */
	private static String target(Page page) {
		Locator shown = page.locator(".grid-slot.drop-target");
		return shown.getAttribute("data-practitioner") + " " + shown.getAttribute("data-at").substring(0, 16);
	}

	private static String slot(String practitioner, String time) {
		return practitioner + " " + MONDAY + "T" + time;
	}

	private static boolean within(BoundingBox inner, BoundingBox column) {
		return inner.x >= column.x - 1 && inner.x + inner.width <= column.x + column.width + 1;
	}

	private static Locator column(Page page, String name) {
		return page.locator("h2.grid-head", new Page.LocatorOptions().setHasText(name));
	}

	private ZonedDateTime startOf(UUID visit) {
		return jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
			.param(visit)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()
			.atZone(NEW_YORK);
	}

	private String practitionerOf(UUID visit) {
		return jdbc.sql("SELECT practitioner_id FROM appointment WHERE id = ?")
			.param(visit)
			.query(String.class)
			.single();
	}

	private UUID book(String practitioner, java.time.LocalDateTime at, String given, String family) {
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

	private Page signedIn(Visitor visitor, boolean javascript) {
		Account frontDesk = accounts.create(new AccountDesk.NewAccount("desk-" + UUID.randomUUID() + "@unknot.example",
				"Sam Desk", Role.FRONT_DESK, List.of(clinic), null, null, PASSWORD));
		Page page = visitor.page(javascript, TABLET);
		page.setDefaultTimeout(SLOW_MACHINE_MILLIS);
		page.navigate(visitor.baseUrl() + "/sign-in");
		BrowserSignIn.enrol(visitor, page, frontDesk, PASSWORD);
		return page;
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator link(Page page, String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
