package org.unknot.content;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The published articles as they are at one moment: listed newest first, by topic, and
 * related.
 */
public final class ArticleShelf {

	private final List<Article> all;

	public ArticleShelf(List<Article> articles) {
		this.all = articles.stream()
			.sorted(Comparator.comparing(Article::publishedOn).reversed().thenComparing(Article::title))
			.toList();
	}

	/** Newest first. */
	public List<Article> all() {
		return all;
	}

	public Optional<Article> find(String slug) {
		return all.stream().filter(article -> article.slug().equals(slug)).findFirst();
	}

	public List<Article> about(String topic) {
		return all.stream().filter(article -> article.topics().contains(topic)).toList();
	}

	/** Every topic, alphabetically. */
	public List<String> topics() {
		return all.stream().flatMap(article -> article.topics().stream()).distinct().sorted().toList();
	}

	/**
	 * Other articles sharing at least one topic, most shared topics first; among equals,
	 * those that share more bookable services, then the newer.
	 */
	public List<Article> relatedTo(Article article, int limit) {
		return all.stream()
			.filter(other -> !other.slug().equals(article.slug()))
			.filter(other -> article.sharedTopics(other) > 0)
			.sorted(Comparator.comparingLong((Article other) -> article.sharedTopics(other))
				.reversed()
				.thenComparing(Comparator.comparingLong((Article other) -> sharedServices(article, other)).reversed())
				.thenComparing(Comparator.comparing(Article::publishedOn).reversed()))
			.limit(limit)
			.toList();
	}

	private static long sharedServices(Article one, Article other) {
		return one.services().stream().filter(other.services()::contains).count();
	}

}
