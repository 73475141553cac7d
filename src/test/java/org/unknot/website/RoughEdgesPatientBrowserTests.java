package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import org.unknot.account.AccountDesk;
import org.unknot.account.Role;
import org.unknot.calendar.DownloadedCalendar;
import org.unknot.care.RedFlag;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * Issue 17's rough edges as a patient meets them on a 390 px phone: the sign-in page and
 * the portal carry the site's header, a way back to the site and its icon; the time and
 * reschedule steps open on the first week with free times, not on an empty one; a birth
 * date typed the US way is read back in words and never emptied, with JavaScript off; the
 * calendar file is a PUBLISH titled with the treatment and clinic, without health
 * details, with the manage link; the portal names the zone as every other page does. axe
 * finds nothing on any page on the way.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class RoughEdgesPatientBrowserTests {

	static final int PHONE = 390;

	static final String PASSWORD = "jordan's quiet long passphrase";

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final String CONTINUE = "Continue";

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	static final DateTimeFormatter DAY_IN_WORDS = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	String clinic;

	String clinicName;

	String therapist;

	/** The first day the therapist has free times: the Monday three weeks ahead. */
	LocalDate firstFreeDay;

	@BeforeEach
	void aTherapistAwayForThreeWeeks() {
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		clinicName = "Test clinic " + clinic;
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		firstFreeDay = LocalDate.now(NEW_YORK).plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		network.timeOff(therapist, java.time.Instant.now().minusSeconds(3600),
				firstFreeDay.atStartOfDay(NEW_YORK).toInstant());
	}

	@Test
	void aPatientBooksOnAPhoneKeepsTheVisitInTheirCalendarAndFindsItInThePortal(Visitor visitor) throws IOException {
		String email = "jordan-" + TestNetwork.shortId() + "@example.org";
		Page page = phone(visitor, Visitor.JS_ON);
		page.navigate(visitor.baseUrl() + "/sign-in");
		SiteShell.assertAround(page);
		visitor.check(page, "sign-in-390");
		page.locator("header.site-header a.brand").click();
		assertThat(page.url()).as("the brand leads back to the website").isEqualTo(visitor.baseUrl() + "/");

		upToTheTimeStep(visitor, page);
		assertThat(page.locator(".week__empty").count()).as("the time step skips the weeks the therapist is away")
			.isZero();
		assertThat(page.locator("button.slot").first().getAttribute("aria-label"))
			.startsWith(DAY_IN_WORDS.format(firstFreeDay));
		visitor.check(page, "when-first-week-with-times-390");
		page.locator("button.slot").first().click();
		page.getByLabel("First name").fill("Jordan");
		page.getByLabel("Last name").fill("Ellery");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Date of birth").fill("04/02/1985");
		continueOn(page);
		page.getByLabel("I will pay myself").check();
		continueOn(page);
		answerIntake(page);
		assertThat(page.locator("main").textContent()).as("the review says the birth date as understood")
			.contains("April 2, 1985");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book now")).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Your visit is booked");

		String manageLink = page.locator("a:has-text('Move or cancel')").first().getAttribute("href");
		DownloadedCalendar file = DownloadedCalendar
			.read(page.waitForDownload(() -> page.locator("a:has-text('Add to calendar')").first().click()).path());
		assertThat(file.method()).as("a download asks nobody to reply").isEqualTo("PUBLISH");
		assertThat(file.names("ATTENDEE")).isFalse();
		assertThat(file.eventProperty("SUMMARY")).isEqualTo("Test massage, 60 minutes at " + clinicName);
		String description = file.eventProperty("DESCRIPTION");
		assertThat(description).contains("To change or cancel: ").contains(manageLink);
		String said = (file.eventProperty("SUMMARY") + description).replace(manageLink, "");
		for (String health : List.of("Upper back", "Neck", "Posture", "pain", "6/10", "weeks")) {
			assertThat(said).as("no health detail in the calendar file").doesNotContainIgnoringCase(health);
		}

		page.navigate(visitor.baseUrl() + manageLink);
		page.getByText("Change the time").click();
		page.waitForURL(url -> url.contains("/reschedule"));
		assertThat(page.locator(".week__empty").count()).as("the reschedule step opens on a week with times").isZero();
		assertThat(page.locator("button.slot").first().getAttribute("aria-label"))
			.startsWith(DAY_IN_WORDS.format(firstFreeDay));
		visitor.check(page, "reschedule-first-week-with-times-390");

		UUID patient = jdbc.sql("SELECT id FROM patient WHERE email = ?").param(email).query(UUID.class).single();
		accounts.create(
				new AccountDesk.NewAccount(email, "Jordan Ellery", Role.PATIENT, List.of(), null, patient, PASSWORD));
		page.navigate(visitor.baseUrl() + "/sign-in");
		page.getByLabel("Email", EXACT).fill(email);
		page.getByLabel("Password", EXACT).fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL(url -> url.endsWith("/account"));
		SiteShell.assertAround(page);
		String portal = page.locator("main").textContent();
		assertThat(portal).as("the zone is named as on every other page")
			.doesNotContain("America/New_York")
			.containsPattern("\\d:\\d\\d [AP]M E[SD]T");
		visitor.check(page, "portal-390");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel this visit")).first().click();
		page.waitForURL(url -> url.endsWith("/cancel"));
		assertThat(page.locator("main").textContent()).as("asked first, with the time and whether it is free")
			.contains("Cancel your visit?")
			.containsPattern("\\d:\\d\\d [AP]M E[SD]T")
			.containsPattern("Free to cancel until|Free cancellation ended");
		visitor.check(page, "portal-cancel-390");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel this visit")).click();
		page.waitForURL(url -> url.endsWith("/account"));
		assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Your visit is cancelled.");
		assertThat(page.locator("#called-off").isVisible()).as("the cancelled visit is listed").isTrue();
		assertThat(
				((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue())
			.as("the portal with a cancelled visit fits the phone without sideways scrolling; too wide: %s",
					page.evaluate("() => [...document.querySelectorAll('main *')]"
							+ ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
							+ ".map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ')"))
			.isLessThanOrEqualTo(0);
		assertThat(page.evaluate("() => getComputedStyle(document.querySelector("
				+ "'section[aria-labelledby=called-off] td'), '::before').content"))
			.as("on a phone each cancelled visit reads as a card, each line under its column's name")
			.isEqualTo("\"When: \"");
		visitor.check(page, "portal-cancelled-390");
	}

	@Test
	void aBirthDateTypedTheUsWayIsReadBackInWordsAndNeverEmptiedWithoutJavaScript(Visitor visitor) {
		Page page = phone(visitor, Visitor.JS_OFF);
		upToTheTimeStep(visitor, page);
		page.locator("button.slot:visible").first().click();

		page.getByLabel("First name").fill("Jordan");
		page.getByLabel("Last name").fill("Ellery");
		page.getByLabel("Date of birth").fill("04/02/1985");
		continueOn(page);
		assertThat(page.locator("#email-error").count()).as("refused for the missing email").isOne();
		assertThat(page.getByLabel("Date of birth").inputValue()).isEqualTo("04/02/1985");
		assertThat(page.locator("#birthDate-hint").textContent()).startsWith("We read this as April 2, 1985.");
		visitor.check(page, "birth-date-understood-no-js-390");

		page.getByLabel("Email").fill("jordan-" + TestNetwork.shortId() + "@example.org");
		page.getByLabel("Date of birth").fill("02/30/1985");
		continueOn(page);
		assertThat(page.locator("#birthDate-error").count()).as("no such day: said beside the field").isOne();
		assertThat(page.getByLabel("Date of birth").inputValue()).as("what was typed is kept").isEqualTo("02/30/1985");
		assertThat(page.getByLabel("Date of birth").getAttribute("aria-describedby")).contains("birthDate-error");
		visitor.check(page, "birth-date-refused-no-js-390");

		page.getByLabel("Date of birth").fill("4-2-1985");
		continueOn(page);
		assertThat(page.getByLabel("I will pay myself").count()).as("on to the insurance step").isOne();
	}

	/**
	 * From a link that chooses the massage (as the articles link) through the clinic and
	 * the therapist to the time step, as the site opens it.
	 */
	private void upToTheTimeStep(Visitor visitor, Page page) {
		page.navigate(visitor.baseUrl() + "/book?service=" + TestNetwork.MASSAGE);
		continueOn(page);
		page.getByLabel(clinicName).check();
		continueOn(page);
		page.getByLabel("Test " + therapist + ", LMT").check();
		continueOn(page);
	}

	private static Page phone(Visitor visitor, boolean javascript) {
		Page page = visitor.page(javascript, PHONE);
		page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
		return page;
	}

	private static void answerIntake(Page page) {
		page.getByLabel("Upper back").check();
		page.getByLabel("Neck", EXACT).check();
		page.locator("label[for=intensity-6]").click();
		page.getByLabel("Six weeks to three months").check();
		page.getByLabel("Posture, desk or phone work").check();
		for (RedFlag flag : RedFlag.values()) {
			page.locator("input[name=flag-" + flag.name() + "][value=no]").check();
		}
		continueOn(page);
	}

	private static void continueOn(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(CONTINUE)).click();
		page.waitForLoadState();
	}

}
