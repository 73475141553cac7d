package org.unknot.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A condition or advice article.
 *
 * @param slug its address under {@code /articles/}
 * @param publishedOn the date the site shows and the sitemap gives as its last change
 * @param topics what it is about, used to find related articles
 * @param services ids of the services a reader may want to book after reading it, best
 * first
 * @param body CommonMark; {@link ArticleRenderer} turns it into HTML
 */
public record Article(String slug, String title, String summary, LocalDate publishedOn, List<String> topics,
		List<String> services, String body) {

	public Article {
		Objects.requireNonNull(slug, "slug");
		topics = List.copyOf(topics);
		services = List.copyOf(services);
	}

	public String path() {
		return "/articles/" + slug;
	}

	/** How many topics the two articles have in common. */
	public long sharedTopics(Article other) {
		return topics.stream().filter(other.topics::contains).count();
	}
}
