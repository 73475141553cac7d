package org.unknot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.UnknotIntegrationTest;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * A patient opens their account in a real browser, correcting a mistake on the way; axe
 * finds nothing.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class RegistrationBrowserTests {

	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPatientOpensTheirAccountFromTheEmailedLink(Visitor visitor) {
		String email = "browser-" + UUID.randomUUID() + "@example.org";
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a patient account")).first().click();
		assertThat(page.url()).endsWith("/register");
		visitor.check(page, "register");

		page.getByLabel("Email", EXACT).fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me the link")).click();
		assertThat(
				page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email")).isVisible())
			.isTrue();
		visitor.check(page, "register-sent");

		page.navigate(visitor.baseUrl() + linkSentTo(email));
		page.getByLabel("First name", EXACT).fill("Wren");
		page.getByLabel("Last name", EXACT).fill("Alder");
		page.getByLabel("Birth date", EXACT).fill("1987-10-04");
		page.getByLabel("Password", EXACT).fill("too short");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my account")).click();
		assertThat(page.getByText("Use at least 12 characters").first().isVisible()).isTrue();
		assertThat(page.getByLabel("First name", EXACT).inputValue()).isEqualTo("Wren");
		visitor.check(page, "register-finish-error");

		page.getByLabel("Password", EXACT).fill("wren's long quiet passphrase");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my account")).click();
		assertThat(page.url()).endsWith("/account");
		visitor.check(page, "portal-after-registering");
	}

	private String linkSentTo(String email) {
		String body = jdbc.sql("SELECT body_text FROM outbox_message WHERE kind = 'REGISTRATION' AND recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		Matcher link = Pattern.compile("/register/[A-Za-z0-9_-]{43}").matcher(body);
		assertThat(link.find()).isTrue();
		return link.group();
	}

}
