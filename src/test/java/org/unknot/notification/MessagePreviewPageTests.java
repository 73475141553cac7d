package org.unknot.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.UnknotIntegrationTest;

/**
 * An admin reads every kind of message, by email and by text message, written with demo
 * values; nobody else opens the page.
 */
@UnknotIntegrationTest
class MessagePreviewPageTests {

	static final String PAGE = "/admin/messages/templates";

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void mvc() {
		mvc = SecuredMockMvc.of(context);
	}

	@Test
	void showsAnAdminEveryKindOfMessageOnEveryChannel() throws Exception {
		var page = mvc.perform(get(PAGE).with(SignedInAs.admin())).andReturn().getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		for (MessageKind kind : MessageKind.values()) {
			assertThat(html).contains("<h2 id=\"preview-").contains(">" + kind.label());
		}
		assertThat(html).contains("<title>Message templates · Unknot workspace</title>")
			.contains("Your appointment is booked: Mon, Mar 15, 10:00 AM EDT")
			.contains("Hello Sam Sample,")
			.contains("Unknot: booked: Unknot Riverside, Mon, Mar 15, 10:00 AM EDT.")
			.contains("Your sign-in link for Unknot")
			.contains("None: this message goes by email only.");
	}

	@Test
	void isForAdminsOnly() throws Exception {
		var frontDesk = mvc.perform(get(PAGE).with(SignedInAs.frontDeskOf())).andReturn().getResponse();
		var anonymous = mvc.perform(get(PAGE)).andReturn().getResponse();

		assertThat(frontDesk.getStatus()).isEqualTo(403);
		assertThat(anonymous.getStatus()).isEqualTo(302);
	}

	@Test
	void isLinkedFromTheSentMessages() throws Exception {
		String sent = mvc.perform(get("/admin/messages").with(SignedInAs.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(sent).contains("href=\"/admin/messages/templates\"");
	}

}
