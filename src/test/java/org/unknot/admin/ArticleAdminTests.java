package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.content.Articles;

/**
 * Admins write, change, publish and unpublish articles, and the public site follows with
 * its next page. Each test's articles have topics of their own, so they never become
 * related to the shipped ones, and dates long past, so the home page's newest three stay
 * as they were.
 */
@UnknotIntegrationTest
class ArticleAdminTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Articles articles;

	MockMvc mvc;

	String slug;

	String topic;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		new TestNetwork(jdbc);
		String id = TestNetwork.shortId();
		slug = "shoulder-care-" + id;
		topic = "topic " + id;
	}

	@Nested
	class ANewArticle {

		@Test
		void isADraftOffTheSiteUntilPublished() throws Exception {
			long id = write(slug, "Shoulder care at home", topic);

			assertThat(site("/articles/" + slug).getStatus()).isEqualTo(404);
			assertThat(site("/articles").getContentAsString()).doesNotContain("Shoulder care at home");
			assertThat(site("/sitemap.xml").getContentAsString()).doesNotContain("/articles/" + slug);

			assertThat(admin(post("/admin/articles/{id}/publish", id)).getStatus()).isEqualTo(302);

			MockHttpServletResponse page = site("/articles/" + slug);
			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentAsString()).contains("<h1 id=\"article-title\">Shoulder care at home</h1>")
				.contains("<h2>Warm up first</h2>")
				.contains("href=\"/book?service=" + TestNetwork.MASSAGE + "\"");
			assertThat(site("/articles").getContentAsString()).contains("Shoulder care at home");
			assertThat(site("/sitemap.xml").getContentAsString())
				.contains("/articles/" + slug + "</loc><lastmod>2020-02-03</lastmod>");
		}

		@Test
		void canBePreviewedAsTheSiteWillShowItWithoutBeingSaved() throws Exception {
			MockHttpServletResponse preview = admin(post("/admin/articles/preview").param("title", "Preview only")
				.param("slug", slug)
				.param("body", "## A heading\n\nSome *words* and <script>alert('x')</script>."));

			assertThat(preview.getStatus()).isEqualTo(200);
			assertThat(preview.getContentAsString()).contains("<h2>A heading</h2>")
				.contains("<em>words</em>")
				.contains("&lt;script&gt;alert")
				.doesNotContain("<script>alert")
				.contains("value=\"Preview only\"");
			assertThat(articles.all()).noneMatch(stored -> stored.article().slug().equals(slug));
		}

	}

	@Nested
	class Validation {

		@Test
		void saysWhatIsWrongBesideEachFieldKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse refused = admin(post("/admin/articles").param("title", "")
				.param("slug", "Shoulder Care!")
				.param("summary", "")
				.param("topics", " , ")
				.param("publishedOn", "next tuesday")
				.param("body", "Some text kept as typed."));

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"title-error\"")
				.contains("Enter the title.")
				.contains("id=\"slug-error\"")
				.contains("Use lower-case letters and digits in words joined by single hyphens")
				.contains("value=\"Shoulder Care!\"")
				.contains("id=\"summary-error\"")
				.contains("id=\"topics-error\"")
				.contains("Enter a date like 2026-11-02.")
				.contains("value=\"next tuesday\"")
				.contains(">Some text kept as typed.</textarea>")
				.contains("aria-describedby=\"slug-hint slug-error\"");
			assertThat(articles.all()).noneMatch(stored -> stored.article().title().isEmpty());
		}

		@Test
		void refusesAnAddressAnotherArticleHas() throws Exception {
			MockHttpServletResponse refused = admin(
					form(post("/admin/articles"), "trigger-points-explained", "Another trigger point article", topic));

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString())
				.contains("Another article already has the address /articles/trigger-points-explained. Choose another.")
				.contains("value=\"trigger-points-explained\"");
		}

		@Test
		void refusesServicesNotInTheCatalog() throws Exception {
			MockHttpServletResponse refused = admin(
					form(post("/admin/articles"), slug, "Title", topic).param("services", "no-such-service"));

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("id=\"services-error\"")
				.contains("Choose services from the catalog.");
		}

		@Test
		void anUnknownArticleIsNotFoundAndAnIdThatIsNoNumberIsABadRequest() throws Exception {
			assertThat(admin(get("/admin/articles/{id}", 987654321L)).getStatus()).isEqualTo(404);
			assertThat(admin(get("/admin/articles/{id}", "abc")).getStatus()).isEqualTo(400);
		}

	}

	@Nested
	class APublishedArticle {

		long id;

		@BeforeEach
		void published() throws Exception {
			id = write(slug, "Shoulder care at home", topic);
			admin(post("/admin/articles/{id}/publish", id));
		}

		@Test
		void showsAnEditOnItsNextPage() throws Exception {
			assertThat(site("/articles/" + slug).getContentAsString()).contains("<h2>Warm up first</h2>");

			MockHttpServletResponse saved = admin(form(post("/admin/articles/{id}", id), slug, "Shoulder care, revised",
					topic, "## Rest first\n\nThen move gently."));

			assertThat(saved.getStatus()).isEqualTo(302);
			assertThat(site("/articles/" + slug).getContentAsString()).contains("Shoulder care, revised")
				.contains("<h2>Rest first</h2>")
				.doesNotContain("Warm up first");
		}

		@Test
		void movesToANewAddressWhenItsSlugChanges() throws Exception {
			admin(form(post("/admin/articles/{id}", id), slug + "-new", "Shoulder care at home", topic));

			assertThat(site("/articles/" + slug).getStatus()).isEqualTo(404);
			assertThat(site("/articles/" + slug + "-new").getStatus()).isEqualTo(200);
		}

		@Test
		void whenUnpublishedIsGoneFromItsAddressTheListsRelatedArticlesAndTheSitemap() throws Exception {
			String sibling = slug + "-sibling";
			long siblingId = write(sibling, "Shoulder care sibling", topic);
			admin(post("/admin/articles/{id}/publish", siblingId));
			assertThat(site("/articles/" + sibling).getContentAsString()).contains("href=\"/articles/" + slug + "\"");

			assertThat(admin(post("/admin/articles/{id}/unpublish", id)).getStatus()).isEqualTo(302);

			assertThat(site("/articles/" + slug).getStatus()).isEqualTo(404);
			assertThat(site("/articles").getContentAsString()).doesNotContain("/articles/" + slug + "\"");
			assertThat(site("/articles?topic=" + topic).getContentAsString())
				.doesNotContain("/articles/" + slug + "\"");
			assertThat(site("/articles/" + sibling).getContentAsString())
				.doesNotContain("href=\"/articles/" + slug + "\"");
			assertThat(site("/sitemap.xml").getContentAsString()).doesNotContain("/articles/" + slug + "<")
				.contains("/articles/" + sibling + "<");
			assertThat(admin(get("/admin/articles")).getContentAsString()).contains("Shoulder care at home")
				.contains("draft (not on the site)");
		}

		@Test
		void cannotCarryMarkupOrScriptsOntoThePublicPage() throws Exception {
			admin(form(post("/admin/articles/{id}", id), slug, "<script>alert('title')</script>", topic, """
					<script>alert('body')</script>

					<img src=x onerror=alert(1)> and <a href="javascript:alert(2)">a link</a>

					[click me](javascript:alert(3)) and ![pixel](data:image/svg+xml;base64,PHN2Zz4=)
					"""));

			String page = site("/articles/" + slug).getContentAsString();

			assertThat(page).doesNotContain("<script>alert")
				.contains("&lt;script&gt;alert('body')&lt;/script&gt;")
				.doesNotContain("<img src=x")
				.doesNotContain("<a href=\"javascript:")
				.doesNotContain("href=\"javascript:")
				.doesNotContain("src=\"data:")
				.contains("<h1 id=\"article-title\">&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</h1>");
		}

	}

	long write(String address, String title, String topics) throws Exception {
		MockHttpServletResponse created = admin(form(post("/admin/articles"), address, title, topics));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		return Long.parseLong(created.getRedirectedUrl().substring("/admin/articles/".length()));
	}

	static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String address, String title,
			String topics) {
		return form(request, address, title, topics, "## Warm up first\n\nA warm shower loosens the muscles.");
	}

	static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String address, String title,
			String topics, String body) {
		return request.param("title", title)
			.param("slug", address)
			.param("summary", "How to look after a sore shoulder between visits.")
			.param("topics", topics + ", shoulders " + address)
			.param("publishedOn", "2020-02-03")
			.param("services", TestNetwork.MASSAGE)
			.param("body", body);
	}

	MockHttpServletResponse admin(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(SignedInAs.admin())).andReturn().getResponse();
	}

	MockHttpServletResponse site(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse();
	}

}
