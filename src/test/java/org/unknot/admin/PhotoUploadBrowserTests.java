package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
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
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;

/**
 * An admin picks a photo far over the upload limit (a 21 MB camera original): the browser
 * gets the practitioner's page again, not a reset connection nor an error page, with the
 * size and the limit said beside the field, and nothing else on the page lost.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class PhotoUploadBrowserTests {

	static final String PASSWORD = "a long admin passphrase";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Test
	void aPhotoOverTheUploadLimitGivesThePageAgainWithTheReasonBesideTheField(Visitor visitor) {
		String therapist = new TestNetwork(jdbc).therapist();
		Account admin = accounts.create(new AccountDesk.NewAccount("admin-" + UUID.randomUUID() + "@unknot.example",
				"Sam Admin", Role.ADMIN, List.of(), null, null, PASSWORD));
		Page page = visitor.page(Visitor.JS_ON);
		page.setDefaultTimeout(60_000);
		page.navigate(visitor.baseUrl() + "/sign-in");
		BrowserSignIn.enrol(visitor, page, admin, PASSWORD);
		page.navigate(visitor.baseUrl() + "/admin/practitioners/" + therapist);

		// the file is picked in the page itself: handing 21 MB to the browser through
		// the test's driver takes longer than any action may
		page.getByLabel("New photo", new Page.GetByLabelOptions().setExact(true))
			.evaluate(
					"""
							input => {
							  const picked = new DataTransfer();
							  picked.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'camera-original.jpg', { type: 'image/jpeg' }));
							  input.files = picked.files;
							}""");
		Response answer = page.waitForResponse(response -> "POST".equals(response.request().method()),
				new Page.WaitForResponseOptions().setTimeout(60_000),
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click());
		page.waitForLoadState();

		assertThat(answer.status()).isEqualTo(422);
		assertThat(page.locator("h1").textContent()).contains("Test " + therapist);
		assertThat(page.locator("#photo-error").textContent())
			.isEqualTo("This file is 21.0 MB; a photo may be at most 5.0 MB. Export a smaller copy and try again.");
		assertThat(page.getByLabel("New photo", new Page.GetByLabelOptions().setExact(true))
			.getAttribute("aria-describedby")).contains("photo-error");
		assertThat(jdbc.sql("SELECT count(*) FROM practitioner_photo WHERE practitioner_id = ?")
			.param(therapist)
			.query(Long.class)
			.single()).isZero();
		visitor.check(page, "photo-over-the-limit");

		Object withoutToken = page.evaluate(
				"""
						async () => {
						  const form = new FormData();
						  form.append('photo', new File([new Uint8Array(21 * 1024 * 1024)], 'again.jpg', { type: 'image/jpeg' }));
						  return (await fetch(location.pathname, { method: 'POST', body: form, redirect: 'manual' })).status;
						}""");
		assertThat(withoutToken).as("an upload over the limit without the form's token is still refused")
			.isEqualTo(403);
	}

}
