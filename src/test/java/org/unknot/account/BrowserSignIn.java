package org.unknot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * For browser tests: a staff member's first sign-in, with password and a second factor
 * enrolled on the spot.
 */
public final class BrowserSignIn {

	static final Pattern KEY = Pattern.compile("Key: ([A-Z2-7 ]+)");
	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	private BrowserSignIn() {
	}

	/**
	 * On the sign-in page: signs in with the password, scans the key off the enrolment
	 * page (checked with axe) and confirms it with a code; answers the key.
	 */
	public static String enrol(Visitor visitor, Page page, Account account, String password) {
		page.getByLabel("Email", EXACT).fill(account.email());
		page.getByLabel("Password", EXACT).fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.url()).endsWith("/sign-in/enrol");
		visitor.check(page, "enrol-" + account.role().name().toLowerCase());
		Matcher key = KEY.matcher(page.locator("figcaption").textContent());
		assertThat(key.find()).isTrue();
		String secret = key.group(1).replace(" ", "");
		page.getByLabel("6-digit code from the app", EXACT).fill(TotpCodes.at(secret, Instant.now()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and sign in")).click();
		// the session changes its id on signing in: a page opened before the answer
		// lands would still carry the old one and be sent back to sign in
		page.waitForURL(url -> !url.contains("/sign-in"));
		return secret;
	}

}
