package org.unknot.website;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A condition or advice article, written in Markdown with front matter.
 *
 * @param slug its address under {@code /articles/}, from the file name
 * @param topics what it is about, used to find related articles
 * @param services ids of the services a reader may want to book after reading it, best first
 * @param html the body, rendered
 */
public record Article(String slug, String title, String summary, LocalDate published, List<String> topics,
		List<String> services, String html) {

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
