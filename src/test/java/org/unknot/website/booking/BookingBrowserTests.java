package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * A new patient booking in Chromium: from the site to a confirmed visit with JavaScript
 * on and off, by keyboard alone at 320 px, a red-flag and an emergency intake, a time
 * lost while typing, moving and cancelling from the manage link, and a series. Every page
 * is photographed and scanned by axe.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class BookingBrowserTests {

	static final String MARCH_15 = "2027-03-15";
	static final String CONTINUE = "main button.button--primary[type=submit]";

	final JdbcClient jdbc;

	final BookingDesk desk;

	TestNetwork network;

	String clinic;

	String clinicName;

	String therapist;

	String physician;

	String email;

	@Autowired
	BookingBrowserTests(JdbcClient jdbc, BookingDesk desk) {
		this.jdbc = jdbc;
		this.desk = desk;
	}

	@BeforeEach
	void openAClinic() {
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 1, 1);
		clinicName = "Test clinic " + clinic;
		therapist = network.therapist();
		physician = network.physician();
		network.weekdays(therapist, clinic).weekdays(physician, clinic);
		email = "ada-" + TestNetwork.shortId() + "@example.org";
	}

	@Test
	void aNewPatientBooksFromAnArticleWithoutJavaScript(Visitor visitor) {
		Page page = open(visitor, "/articles/upper-back-pain-and-massage", Visitor.JS_OFF);
		visitor.check(page, "nojs-0-article");
		page.locator(".callout--book a.button--primary").first().click();
		walkToConfirmation(visitor, page, "nojs");
	}

	@Test
	void aNewPatientBooksFromTheHomePageWithJavaScript(Visitor visitor) {
		Page page = open(visitor, "/", Visitor.JS_ON);
		page.locator("header").getByText("Book an appointment").click();
		walkToConfirmation(visitor, page, "js");
	}

	@Test
	void aNewPatientBooksByKeyboardAloneOnA320PixelScreen(Visitor visitor) {
		Page page = open(visitor, "/book", Visitor.JS_ON, 320);
		Keyboard keys = new Keyboard(page);
		keys.choose("input[name=service][value='" + TestNetwork.MASSAGE + "']");
		keys.press(CONTINUE);
		keys.choose("input[name=location][value='" + clinic + "']");
		keys.press(CONTINUE);
		keys.choose("input[name=practitioner][value='" + therapist + "']");
		keys.press(CONTINUE);
		visitor.check(page, "keyboard-320-when");
		assertThat(page.locator(".week__empty").count()).as("the step opens on a week with free times").isZero();
		keys.press("button.slot");
		keys.type("#givenName", "Ada");
		keys.type("#familyName", "Lane");
		keys.type("#email", email);
		keys.type("#phone", "(973) 555-0100");
		keys.type("#birthDate", "04021985");
		keys.press(CONTINUE);
		keys.choose("input[name=plan][value='self-pay']");
		keys.press(CONTINUE);
		keys.toggle("#regions-UPPER_BACK");
		keys.choose("input[name=intensity][value='5']");
		keys.choose("input[name=duration][value='ONE_TO_SIX_WEEKS']");
		for (var flag : org.unknot.care.RedFlag.values()) {
			keys.choose("input[name=flag-" + flag.name() + "][value='no']");
		}
		visitor.check(page, "keyboard-320-intake");
		keys.press(CONTINUE);
		visitor.check(page, "keyboard-320-review");
		keys.press(CONTINUE);

		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit is booked");
		visitor.check(page, "keyboard-320-confirmed");
		assertThat(booked(therapist)).isEqualTo(1);
	}

	@Test
	void theTimeStepFitsAWeekOnAScreenAndOpensMoreTimesWithoutJavaScript(Visitor visitor) throws Exception {
		Page page = upToTheWeekOfMarch15(visitor, Visitor.JS_OFF);

		var monday = page.locator("fieldset.day").first();
		assertThat(monday.locator("button.slot:visible").count()).isEqualTo(4);
		int height = ImageIO.read(visitor.screenshot(page, "compact-when").toFile()).getHeight();
		assertThat(height).as("the whole page, footer included, for 5 days of 29 times at 1280 px wide")
			.isLessThan(1700);
		monday.getByText("25 more times").click();
		assertThat(monday.locator("button.slot:visible").count()).isEqualTo(29);
		visitor.check(page, "compact-when-more");
		monday
			.getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions()
						.setName("Monday, March 15, 2027 at 4:00 PM EDT"))
			.click();

		assertThat(page.url()).endsWith("/details");
		assertThat(page.locator("main").textContent()).contains("4:00 PM");
	}

	@Test
	void aRedFlagLeadsToAPhysicianConsultation(Visitor visitor) {
		Page page = upToIntake(visitor, Visitor.JS_ON);
		assertThat(page.locator(".visit-summary").textContent()).contains("Test massage, 60 minutes");
		answerIntake(page, "NUMBNESS_OR_WEAKNESS");

		assertThat(page.locator("h1").textContent()).isEqualTo("A physician should see you first");
		assertThat(page.locator("main").textContent()).contains("numbness, tingling or weakness");
		visitor.check(page, "red-flag-advice");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book a consultation instead")).click();

		assertThat(page.url()).endsWith("/who");
		assertThat(page.locator(".visit-summary").textContent()).contains("Test consultation").contains(clinicName);
		page.getByLabel("Test " + physician + ", MD").check();
		continueOn(page);
		page.navigate(page.url() + "?week=" + MARCH_15);
		page.locator("button.slot").first().click();
		assertThat(page.url()).endsWith("/review");
		visitor.check(page, "red-flag-consultation-review");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit is booked");
		assertThat(booked(physician)).isEqualTo(1);
		assertThat(booked(therapist)).isZero();
	}

	@Test
	void theEmergencyFlagGivesEmergencyAdviceAndBooksNothing(Visitor visitor) {
		Page page = upToIntake(visitor, Visitor.JS_OFF);
		answerIntake(page, "LOSS_OF_BOWEL_OR_BLADDER_CONTROL");

		assertThat(page.locator("h1").textContent()).isEqualTo("Please get emergency care now");
		assertThat(page.locator("main").textContent()).contains("Call 911").contains("not booked");
		visitor.check(page, "emergency");
		assertThat(held(therapist) + booked(therapist)).isZero();
	}

	@Test
	void aTimeLostWhileTypingIsSaidPlainlyWithTheNearestTimes(Visitor visitor) {
		Page page = upToIntake(visitor, Visitor.JS_ON);
		answerIntake(page);
		assertThat(page.url()).endsWith("/review");
		takeTheHeldTimeFromAnotherClient();

		page.reload();
		assertThat(page.locator("#lost-title").textContent()).isEqualTo("Your time is no longer free");
		assertThat(page.locator("main").textContent()).contains(email);
		visitor.check(page, "slot-lost");
		page.locator(".lost button.slot").first().click();

		assertThat(page.url()).endsWith("/review");
		assertThat(page.locator("#lost-title").count()).isZero();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit is booked");
	}

	@Test
	void theManageLinkMovesAndCancelsTheVisit(Visitor visitor) {
		Page page = upToIntake(visitor, Visitor.JS_ON);
		answerIntake(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();
		page.locator("a:has-text('Move or cancel')").first().click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit");
		visitor.check(page, "manage");

		page.getByText("Change the time").click();
		page.navigate(page.url() + "&week=" + MARCH_15);
		visitor.check(page, "manage-reschedule");
		String newTime = page.locator("button.slot:visible").nth(5).getAttribute("aria-label");
		page.locator("button.slot:visible").nth(5).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Move your visit?");
		assertThat(page.locator("#new-time").textContent()).isEqualTo(newTime);
		visitor.check(page, "manage-reschedule-confirm");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, move my visit")).click();
		assertThat(page.locator(".callout--ok").textContent()).contains("Your visit has been moved");
		assertThat(page.locator("main").textContent()).contains(newTime.replace(" EDT", ""));
		visitor.check(page, "manage-moved");

		page.getByText("Cancel the visit").click();
		assertThat(page.locator("main").textContent()).contains("Free to cancel until ")
			.contains("There is no charge if you cancel now.");
		visitor.check(page, "manage-cancel-confirm");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel my visit")).click();
		assertThat(page.locator(".callout--ok").textContent()).contains("Your visit has been cancelled");
		visitor.check(page, "manage-cancelled");
		assertThat(booked(therapist)).isZero();
	}

	@Test
	void aWeeklySeriesIsBookedAtOnceWithAlternativesForTheClash(Visitor visitor) {
		network.timeOff(therapist, OffsetDateTime.parse("2027-03-29T00:00-04:00").toInstant(),
				OffsetDateTime.parse("2027-03-30T00:00-04:00").toInstant());
		Page page = upToIntake(visitor, Visitor.JS_OFF);
		answerIntake(page);
		page.getByLabel("Every week").check();
		page.getByLabel("Number of visits, this one included").selectOption("4");
		visitor.check(page, "series-review");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();

		assertThat(page.locator("h1").textContent()).isEqualTo("Your 3 visits are booked");
		assertThat(page.locator("#missed-title").textContent()).isEqualTo("Some dates could not be booked");
		visitor.check(page, "series-confirmed-with-clash");
		page.locator(".missed button.slot").first().click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Your 4 visits are booked");
		visitor.check(page, "series-confirmed");
		assertThat(booked(therapist)).isEqualTo(4);
	}

	/**
	 * Opens a page as a patient who asked their system for less motion: the stylesheet's
	 * smooth scrolling then stays off, so Playwright's scrolling into view is not a
	 * moving target.
	 */
	private static Page open(Visitor visitor, String path, boolean javascript) {
		return open(visitor, path, javascript, 1280);
	}

	private static Page open(Visitor visitor, String path, boolean javascript, int width) {
		Page page = visitor.page(javascript, width);
		page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
		page.navigate(visitor.baseUrl() + path);
		return page;
	}

	/** From the first step to the confirmation, photographing and scanning every step. */
	private void walkToConfirmation(Visitor visitor, Page page, String mode) {
		visitor.check(page, mode + "-1-service");
		page.getByLabel("Test massage, 60 minutes").check();
		continueOn(page);
		visitor.check(page, mode + "-2-where");
		page.getByLabel(clinicName).check();
		continueOn(page);
		visitor.check(page, mode + "-3-who");
		page.getByLabel("First available").check();
		continueOn(page);
		visitor.check(page, mode + "-4-when");
		assertThat(page.locator(".week__empty").count()).as("the step opens on a week with free times").isZero();
		page.locator("button.slot").first().click();
		visitor.check(page, mode + "-5-details");
		continueOn(page);
		assertThat(page.locator("#error-summary").textContent()).contains("Please enter your first name.");
		assertThat(page.getByLabel("First name").getAttribute("aria-invalid")).isEqualTo("true");
		visitor.check(page, mode + "-5-details-errors");
		fillDetails(page);
		visitor.check(page, mode + "-6-insurance");
		assertThat(page.locator("main").textContent()).contains("Medicare does not enrol licensed massage therapists");
		page.getByLabel("Harbor Health PPO").check();
		page.getByLabel("Member ID or claim number").fill("HH-200-300");
		continueOn(page);
		visitor.check(page, mode + "-7-intake");
		answerIntakeOnPage(page);
		visitor.check(page, mode + "-8-review");
		assertThat(page.locator("main").textContent()).contains("Harbor Health PPO").contains("24 hours");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();

		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit is booked");
		assertThat(page.locator("main").textContent()).contains(clinicName);
		visitor.check(page, mode + "-9-confirmed");
		var download = page.waitForDownload(() -> page.locator("a:has-text('Add to calendar')").first().click());
		assertThat(download.suggestedFilename()).isEqualTo("unknot-visit.ics");
		assertThat(booked(therapist)).isEqualTo(1);
	}

	/**
	 * From a link that pre-selects the massage (as article pages link) to the time step,
	 * on the week of March 15 with the therapist.
	 */
	private Page upToTheWeekOfMarch15(Visitor visitor, boolean javascript) {
		Page page = open(visitor, "/book?service=" + TestNetwork.MASSAGE, javascript);
		assertThat(page.getByLabel("Test massage, 60 minutes").isChecked()).isTrue();
		continueOn(page);
		page.getByLabel(clinicName).check();
		continueOn(page);
		page.getByLabel("Test " + therapist + ", LMT").check();
		continueOn(page);
		page.navigate(page.url() + "?week=" + MARCH_15);
		return page;
	}

	/**
	 * From a link that pre-selects the massage (as article pages link) to the health
	 * questions.
	 */
	private Page upToIntake(Visitor visitor, boolean javascript) {
		Page page = upToTheWeekOfMarch15(visitor, javascript);
		page.locator("button.slot").first().click();
		fillDetails(page);
		page.getByLabel("I will pay myself").check();
		continueOn(page);
		return page;
	}

	private void fillDetails(Page page) {
		page.getByLabel("First name").fill("Ada");
		page.getByLabel("Last name").fill("Lane");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Phone").fill("(973) 555-0100");
		page.getByLabel("Date of birth").fill("1985-04-02");
		continueOn(page);
	}

	private void answerIntake(Page page, String... yes) {
		answerIntakeOnPage(page, yes);
	}

	private static void answerIntakeOnPage(Page page, String... yes) {
		page.getByLabel("Upper back").check();
		page.getByLabel("Neck", new Page.GetByLabelOptions().setExact(true)).check();
		page.locator("label[for=intensity-6]").click();
		page.getByLabel("Six weeks to three months").check();
		page.getByLabel("Posture, desk or phone work").check();
		for (var flag : org.unknot.care.RedFlag.values()) {
			String answer = List.of(yes).contains(flag.name()) ? "yes" : "no";
			page.locator("input[name=flag-" + flag.name() + "][value=" + answer + "]").check();
		}
		continueOn(page);
	}

	private static void continueOn(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
	}

	private void takeTheHeldTimeFromAnotherClient() {
		jdbc.sql(
				"UPDATE appointment SET hold_expires_at = now() - interval '1 minute' WHERE practitioner_id = ? AND status = 'pending'")
			.param(therapist)
			.update();
		Instant start = jdbc.sql("SELECT start_at FROM appointment WHERE practitioner_id = ? AND status = 'pending'")
			.param(therapist)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start),
				null, new PatientDetails("Bo", "Other", "bo-" + TestNetwork.shortId() + "@example.org", null,
						LocalDate.of(1970, 1, 1)));
	}

	private long booked(String practitioner) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
			.param(practitioner)
			.query(Long.class)
			.single();
	}

	private long held(String practitioner) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'pending'")
			.param(practitioner)
			.query(Long.class)
			.single();
	}

	/**
	 * Only the keyboard: Tab until the element has focus, then Space, Enter, arrows or
	 * typing.
	 */
	static final class Keyboard {

		private static final int MAX_TABS = 400;

		private final Page page;

		Keyboard(Page page) {
			this.page = page;
		}

		/** Enter on a link or submit button, waiting for the page it leads to. */
		void press(String selector) {
			tabTo(selector);
			page.waitForNavigation(() -> page.keyboard().press("Enter"));
		}

		void toggle(String selector) {
			tabTo(selector);
			page.keyboard().press("Space");
		}

		void type(String selector, String text) {
			tabTo(selector);
			page.keyboard().type(text);
		}

		/** A radio: Tab reaches its group, the arrow keys move the choice to it. */
		void choose(String selector) {
			String name = (String) page.evalOnSelector(selector, "el => el.name");
			tabTo("input[name='" + name + "']");
			int choices = page.locator("input[name='" + name + "']").count();
			for (int i = 0; i < choices && !focused(selector); i++) {
				page.keyboard().press("ArrowDown");
			}
			assertThat(focused(selector)).as("arrows reach " + selector).isTrue();
			page.keyboard().press("Space");
			assertThat((Boolean) page.evalOnSelector(selector, "el => el.checked")).isTrue();
		}

		private void tabTo(String selector) {
			for (int i = 0; i < MAX_TABS; i++) {
				if (focused(selector)) {
					return;
				}
				page.keyboard().press("Tab");
			}
			throw new AssertionError("Tab never reached " + selector + " on " + page.url());
		}

		private boolean focused(String selector) {
			return (Boolean) page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
					selector);
		}

	}

}
