package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * Every public page type in a real browser: with JavaScript on and off, at 1280 and 320
 * px, with axe-core finding no WCAG 2.2 AA violation, and no request leaving the machine.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class SiteBrowserTests {

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	String lapsed;

	String specialty;

	@BeforeEach
	void aSmallNetwork() {
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 1, 1);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		String physician = network.physician();
		network.weekdays(physician, clinic).weekdays(physician, null);
		lapsed = network.practitioner("LMT", LocalDate.of(2024, 12, 31), TestNetwork.MASSAGE);
		specialty = "headaches " + TestNetwork.shortId();
		jdbc.sql("UPDATE practitioner SET specialties = ?, languages = '{English,Portuguese}', bio = ? WHERE id = ?")
			.params(new String[] { specialty, "neck pain" }, "Eight years with office workers and musicians.",
					therapist)
			.update();
	}

	/** One address of each page type, by the name of its screenshot. */
	private Map<String, String> pageTypes() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("articles", "/articles");
		pages.put("articles-by-topic", "/articles?topic=neck");
		pages.put("article", "/articles/upper-back-pain-and-massage");
		pages.put("article-with-booking", "/articles/test-massage-for-testers");
		pages.put("services", "/services");
		pages.put("service", "/services/" + TestNetwork.MASSAGE);
		pages.put("practitioners", "/practitioners");
		pages.put("practitioners-bad-filter", "/practitioners?language=Klingon");
		pages.put("practitioner", "/practitioners/" + therapist);
		pages.put("practitioner-not-bookable", "/practitioners/" + lapsed);
		pages.put("clinics", "/clinics");
		pages.put("clinic", "/clinics/" + clinic);
		pages.put("not-found", "/no-such-page");
		return pages;
	}

	@Test
	void everyPageTypeIsAccessibleWithJavaScript(Visitor visitor) {
		pageTypes().forEach((name, path) -> {
			Page page = visitor.open(path, Visitor.JS_ON);
			assertThat(page.locator("h1").count()).as(path).isEqualTo(1);
			visitor.check(page, name + "-js");
			page.close();
		});
	}

	@Test
	void everyPageTypeWorksAndIsAccessibleWithoutJavaScript(Visitor visitor) {
		pageTypes().forEach((name, path) -> {
			Page page = visitor.open(path, Visitor.JS_OFF);
			assertThat(page.locator("h1").count()).as(path).isEqualTo(1);
			assertThat(page.locator("header a.button--primary").getAttribute("href")).isEqualTo("/book");
			visitor.check(page, name + "-nojs");
			page.close();
		});
	}

	@Test
	void everyPageTypeFitsA320PixelScreenWithoutSideways(Visitor visitor) {
		pageTypes().forEach((name, path) -> {
			Page page = visitor.open(path, Visitor.JS_ON, 320);
			Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow of " + path + " at 320 px")
				.isLessThanOrEqualTo(0);
			visitor.check(page, name + "-320");
			page.close();
		});
	}

	@Test
	void directoryFiltersWithoutJavaScriptByPlainFormSubmission(Visitor visitor) {
		Page page = visitor.open("/practitioners", Visitor.JS_OFF);
		page.selectOption("#specialty", specialty);
		page.click("button[type=submit]");
		page.waitForURL("**/practitioners?**");
		assertThat(page.url()).contains("specialty=" + URLEncoder.encode(specialty, StandardCharsets.UTF_8));
		assertThat(page.locator("#results .card").count()).isEqualTo(1);
		assertThat(page.locator("#results").textContent()).contains("Test " + therapist);
		visitor.check(page, "practitioners-filtered-nojs");
	}

	@Test
	void directoryFiltersInPlaceWithHtmx(Visitor visitor) {
		Page page = visitor.open("/practitioners", Visitor.JS_ON);
		assertThat(page.evaluate("() => typeof window.htmx")).isEqualTo("object");
		page.evaluate("() => window.notReloaded = true");
		page.selectOption("#specialty", specialty);
		page.waitForURL("**specialty=**");
		page.locator("#results .card").first().waitFor();
		assertThat(page.locator("#results .card").count()).isEqualTo(1);
		assertThat(page.evaluate("() => window.notReloaded")).as("results swapped in place, no reload").isEqualTo(true);
		visitor.check(page, "practitioners-filtered-js");
	}

	@Test
	void aKeyboardUserCanSkipToTheContentAndSeesWhereTheFocusIs(Visitor visitor) {
		Page page = visitor.open("/articles/neck-pain-from-desk-work", Visitor.JS_ON);
		page.keyboard().press("Tab");
		assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Skip to main content");
		Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
		assertThat(outline).isEqualTo("solid");
		visitor.screenshot(page, "skip-link-focused");
		page.keyboard().press("Enter");
		assertThat(page.url()).endsWith("#main");
	}

	@Test
	void notFoundAnswers404WithTheSiteAroundIt(Visitor visitor) {
		Page page = visitor.page(Visitor.JS_OFF);
		Response response = page.navigate(visitor.baseUrl() + "/articles/no-such-article");
		assertThat(response.status()).isEqualTo(404);
		assertThat(page.locator("h1").textContent()).isEqualTo("We could not find that page");
		assertThat(page.locator("nav[aria-label=Main]").count()).isEqualTo(1);
	}

}
