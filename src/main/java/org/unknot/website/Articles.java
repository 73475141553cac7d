package org.unknot.website;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The articles under {@code classpath:articles/}, read once at start: a broken article stops the
 * start with a message naming the file, instead of failing a reader later.
 */
@Component
public class Articles {

	private final List<Article> all;

	Articles() {
		this(load("classpath*:articles/*.md"));
	}

	Articles(List<Article> articles) {
		this.all = articles.stream()
			.sorted(Comparator.comparing(Article::published).reversed().thenComparing(Article::title))
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
	 * Other articles sharing at least one topic, most shared topics first; among equals, those that
	 * share more bookable services, then the newer.
	 */
	public List<Article> relatedTo(Article article, int limit) {
		return all.stream()
			.filter(other -> !other.slug().equals(article.slug()))
			.filter(other -> article.sharedTopics(other) > 0)
			.sorted(Comparator.comparingLong((Article other) -> article.sharedTopics(other))
				.reversed()
				.thenComparing(Comparator.comparingLong((Article other) -> sharedServices(article, other)).reversed())
				.thenComparing(Comparator.comparing(Article::published).reversed()))
			.limit(limit)
			.toList();
	}

	private static long sharedServices(Article one, Article other) {
		return one.services().stream().filter(other.services()::contains).count();
	}

	private static List<Article> load(String pattern) {
		ArticleParser parser = new ArticleParser();
		List<Article> articles = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				String file = resource.getFilename();
				String slug = file.substring(0, file.length() - ".md".length());
				articles.add(parser.parse(slug, resource.getContentAsString(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Articles could not be read", e);
		}
		return articles;
	}
}
