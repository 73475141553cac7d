package org.unknot.website;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;

/**
 * For browser tests: the one page shell every page has, so nobody is stranded on a page
 * (issue 17: sign-in, the staff workspace and the portal once had none).
 */
public final class SiteShell {

	private SiteShell() {
	}

	/**
	 * The site's header with the brand leading home, its navigation, and the site's icon.
	 */
	public static void assertAround(Page page) {
		assertThat(page.locator("header.site-header a.brand").isVisible()).as("the site header on " + page.url())
			.isTrue();
		assertThat(page.locator("header.site-header a.brand").getAttribute("href")).as("the way home").isEqualTo("/");
		assertThat(page.locator("header.site-header nav").count()).as("navigation on " + page.url()).isPositive();
		assertThat(page.locator("head link[rel=icon]").getAttribute("href")).as("the icon of " + page.url())
			.isEqualTo("/favicon.svg");
	}

}
