package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.unknot.UnknotIntegrationTest;
import org.unknot.website.BrowserSupport.Visitor;

/** The public pages in a real browser: with and without JavaScript, at 320 px, accessible, loopback only. */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class SiteBrowserTests {

	@Test
	void homePageOffersBookingWithAndWithoutJavaScript(Visitor visitor) {
		for (boolean javascript : new boolean[] { Visitor.JS_ON, Visitor.JS_OFF }) {
			Page page = visitor.open("/", javascript);
			assertThat(page.locator("header a.button--primary").textContent()).isEqualTo("Book an appointment");
			assertThat(page.locator("header a.button--primary").getAttribute("href")).isEqualTo("/book");
			visitor.check(page, "home-" + (javascript ? "js" : "nojs"));
		}
	}

	@Test
	void unknownPageIsAFriendlyNotFound(Visitor visitor) {
		Page page = visitor.page(Visitor.JS_ON);
		var response = page.navigate(visitor.baseUrl() + "/no-such-page");
		assertThat(response.status()).isEqualTo(404);
		assertThat(page.locator("h1").textContent()).isEqualTo("We could not find that page");
		assertThat(page.content()).doesNotContain("Exception");
		visitor.check(page, "not-found");
	}
}
