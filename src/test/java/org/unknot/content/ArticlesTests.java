package org.unknot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticlesTests {

	@Nested
	class FrontMatter {

		private final ArticleParser parser = new ArticleParser();

		@Test
		void readsTitleSummaryDateTopicsAndServices() {
			Article article = parser.parse("neck-care", """
					---
					title: Neck care
					summary: Short and sweet.
					published: 2026-10-01
					topics:
					  - neck
					  - posture
					services:
					  - swedish-30
					---
					## Why

					Because.
					""");
			assertThat(article.title()).isEqualTo("Neck care");
			assertThat(article.summary()).isEqualTo("Short and sweet.");
			assertThat(article.publishedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
			assertThat(article.topics()).containsExactly("neck", "posture");
			assertThat(article.services()).containsExactly("swedish-30");
			assertThat(article.body()).isEqualTo("## Why\n\nBecause.\n");
			assertThat(new ArticleRenderer().html(article.body())).contains("<h2>Why</h2>").contains("<p>Because.</p>");
		}

		@Test
		void refusesAnArticleWithoutATitleNamingTheFile() {
			assertThatThrownBy(() -> parser.parse("no-title", """
					---
					summary: Y
					published: 2026-10-01
					topics:
					  - z
					---
					Text
					""")).isInstanceOf(ArticleInvalid.class)
				.hasMessageContaining("no-title")
				.hasMessageContaining("'title'");
		}

		@Test
		void refusesAnArticleWithoutTopics() {
			assertThatThrownBy(() -> parser.parse("no-topics", """
					---
					title: X
					summary: Y
					published: 2026-10-01
					---
					Text
					""")).isInstanceOf(ArticleInvalid.class).hasMessageContaining("topics");
		}

		@Test
		void refusesADateThatIsNotADate() {
			assertThatThrownBy(() -> parser.parse("bad-date", """
					---
					title: X
					summary: Y
					published: last tuesday
					topics:
					  - z
					---
					Text
					""")).isInstanceOf(ArticleInvalid.class).hasMessageContaining("last tuesday");
		}

		@Test
		void refusesAFileNameThatCannotBeAnAddress() {
			assertThatThrownBy(() -> parser.parse("Neck Care", "---\ntitle: X\n---\n"))
				.isInstanceOf(ArticleInvalid.class);
		}

	}

	@Nested
	class Rendering {

		private final ArticleRenderer renderer = new ArticleRenderer();

		@Test
		void escapesRawHtmlAndDropsUnsafeLinks() {
			String html = renderer.html("""
					<script>alert(1)</script>

					A [bad link](javascript:alert) and a [good one](/articles), <img src=x onerror=alert(2)>
					and ![an image](data:text/html;base64,PHNjcmlwdD4=) and <javascript:alert(3)>.
					""");
			assertThat(html).doesNotContain("<script>")
				.contains("&lt;script&gt;")
				.doesNotContain("<img src=x")
				.contains("<a href=\"/articles\">")
				.doesNotContain("href=\"javascript:")
				.doesNotContain("src=\"data:");
		}

		@Test
		void keepsHeadingsListsEmphasisAndQuotes() {
			String html = renderer.html("## Why\n\n- one *two*\n\n> three\n");
			assertThat(html).contains("<h2>Why</h2>", "<li>one <em>two</em></li>", "<blockquote>");
		}

	}

	@Nested
	class Ranking {

		private final Article neck = article("neck", "2026-01-01", List.of("neck", "posture", "desk"), List.of("a"));

		private final Article desk = article("desk", "2026-01-02", List.of("desk", "posture", "neck"), List.of());

		private final Article posture = article("posture", "2026-01-03", List.of("posture"), List.of());

		private final Article postureAndA = article("posture-a", "2026-01-01", List.of("posture"), List.of("a"));

		private final Article feet = article("feet", "2026-01-04", List.of("feet"), List.of("a"));

		private final ArticleShelf articles = new ArticleShelf(List.of(neck, desk, posture, postureAndA, feet));

		@Test
		void ranksByNumberOfSharedTopics() {
			assertThat(articles.relatedTo(neck, 10)).first().isEqualTo(desk);
		}

		@Test
		void leavesOutTheArticleItselfAndArticlesSharingNoTopic() {
			assertThat(articles.relatedTo(neck, 10)).doesNotContain(neck, feet);
		}

		@Test
		void amongEqualsPrefersSharedServicesThenTheNewer() {
			assertThat(articles.relatedTo(neck, 10)).containsExactly(desk, postureAndA, posture);
		}

		@Test
		void stopsAtTheLimit() {
			assertThat(articles.relatedTo(neck, 1)).containsExactly(desk);
		}

		@Test
		void listsNewestFirstAndByTopic() {
			assertThat(articles.all()).first().isEqualTo(feet);
			assertThat(articles.about("posture")).containsExactlyInAnyOrder(neck, desk, posture, postureAndA);
			assertThat(articles.topics()).containsExactly("desk", "feet", "neck", "posture");
		}

		private static Article article(String slug, String published, List<String> topics, List<String> services) {
			return new Article(slug, slug, slug, LocalDate.parse(published), topics, services, "");
		}

	}

	@Test
	void seedsTheSixArticlesShippedWithUnknot() throws IOException {
		ArticleShelf shipped = new ArticleShelf(ArticleSeed.read());
		assertThat(shipped.all()).extracting(Article::slug)
			.contains("upper-back-pain-and-massage", "neck-pain-from-desk-work", "trigger-points-explained",
					"when-massage-is-not-enough", "self-care-between-sessions", "what-to-expect-at-a-first-visit");
		assertThat(shipped.all()).allSatisfy(article -> {
			assertThat(article.services()).isNotEmpty();
			assertThat(shipped.relatedTo(article, 3)).isNotEmpty();
		});
	}

}
