package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import org.unknot.content.ArticleAdmin;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * An admin at work in a real browser on the website's content: edits an article, previews
 * it, saves it and the public page shows the change; adds an insurance plan and says what
 * it pays for. axe finds nothing on any of these pages, their error states included.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class AdminContentBrowserTests {

	static final String PASSWORD = "a long admin passphrase";
	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	ArticleAdmin articles;

	Account admin;

	@BeforeEach
	void anAdmin() {
		new TestNetwork(jdbc);
		admin = accounts.create(new AccountDesk.NewAccount("content-admin-" + UUID.randomUUID() + "@unknot.example",
				"Robin Admin", Role.ADMIN, List.of(), null, null, PASSWORD));
	}

	@Test
	void anAdminEditsAnArticleAndThePublicPageShowsTheChange(Visitor visitor) {
		String slug = "hip-stiffness-" + TestNetwork.shortId();
		long id = articles.create(new ArticleAdmin.Text(slug, "Hip stiffness in the morning",
				"Why hips feel stiff after a night's sleep and what helps.",
				"## Move a little first\n\nA short walk helps.", List.of("hips " + slug), List.of(TestNetwork.MASSAGE),
				LocalDate.of(2020, 3, 4)));
		articles.publish(id);
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		BrowserSignIn.enrol(visitor, page, admin, PASSWORD);

		page.navigate(visitor.baseUrl() + "/admin");
		click(page, AriaRole.LINK, "Articles on the website");
		visitor.check(page, "admin-articles");
		click(page, AriaRole.LINK, "Hip stiffness in the morning");
		visitor.check(page, "admin-article");

		page.getByLabel("Article (Markdown)", EXACT)
			.fill("## Warm the hip first\n\nA *warm* shower, then ten slow steps.");
		click(page, AriaRole.BUTTON, "Preview");
		assertThat(page.locator(".preview .prose h2").textContent()).isEqualTo("Warm the hip first");
		visitor.check(page, "admin-article-preview");
		page.getByLabel("Title", EXACT).fill("");
		click(page, AriaRole.BUTTON, "Save");
		assertThat(page.locator("#title-error").textContent()).isEqualTo("Enter the title.");
		visitor.check(page, "admin-article-invalid");
		page.getByLabel("Title", EXACT).fill("Hip stiffness when you wake");
		click(page, AriaRole.BUTTON, "Save");
		assertThat(page.locator(".notice").textContent()).isEqualTo("Saved; the site shows it from now on.");

		Page reader = visitor.open("/articles/" + slug, Visitor.JS_OFF);
		assertThat(reader.locator("h1").textContent()).isEqualTo("Hip stiffness when you wake");
		assertThat(reader.locator(".prose h2").textContent()).isEqualTo("Warm the hip first");
		assertThat(reader.locator(".prose").textContent()).doesNotContain("Move a little first");

		page.navigate(visitor.baseUrl() + "/admin/articles/new");
		visitor.check(page, "admin-article-new");
	}

	@Test
	void anAdminReadsEveryKindOfMessageFromTheSentMessages(Visitor visitor) {
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		BrowserSignIn.enrol(visitor, page, admin, PASSWORD);

		page.navigate(visitor.baseUrl() + "/admin/messages");
		visitor.check(page, "admin-messages");
		click(page, AriaRole.LINK, "Message templates");
		assertThat(page.locator("h1").textContent()).isEqualTo("Message templates");
		assertThat(page.locator("article h2").count()).isGreaterThanOrEqualTo(8);
		visitor.check(page, "admin-message-templates");
	}

	@Test
	void anAdminAddsAnInsurancePlanAndSaysWhatItPays(Visitor visitor) {
		String name = "Bayside Health " + TestNetwork.shortId();
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		BrowserSignIn.enrol(visitor, page, admin, PASSWORD);

		page.navigate(visitor.baseUrl() + "/admin");
		click(page, AriaRole.LINK, "Insurance plans and what each pays for");
		visitor.check(page, "admin-insurance");
		page.getByLabel("Name patients know it by", EXACT).fill(name);
		page.getByLabel("Who pays", EXACT).selectOption("COMMERCIAL");
		page.getByLabel("Shape of the number (a regular expression)", EXACT).fill("(B[0-9]+)+");
		click(page, AriaRole.BUTTON, "Add plan");
		assertThat(page.locator("#memberIdPattern-error").textContent())
			.contains("A repeated group must not itself repeat");
		visitor.check(page, "admin-insurance-invalid");
		page.getByLabel("Shape of the number (a regular expression)", EXACT).fill("B[0-9]{6}");
		click(page, AriaRole.BUTTON, "Add plan");

		assertThat(page.locator("h1").textContent()).isEqualTo(name);
		page.getByLabel("Test massage, 60 minutes", EXACT).selectOption("yes");
		page.getByLabel("Reason shown to patients: Test massage, 60 minutes", EXACT)
			.fill("Bayside Health pays for massage with a physician's referral.");
		click(page, AriaRole.BUTTON, "Save coverage");
		assertThat(page.locator(".notice").textContent()).contains("Coverage saved");
		visitor.check(page, "admin-insurance-plan");

		Page patient = visitor.open("/services/" + TestNetwork.MASSAGE, Visitor.JS_OFF);
		assertThat(patient.locator("main").textContent()).contains(name);
	}

	private static void click(Page page, AriaRole role, String name) {
		page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
	}

}
