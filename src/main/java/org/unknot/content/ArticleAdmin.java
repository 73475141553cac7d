package org.unknot.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.catalog.CareServices;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Admins write articles, change them, and put them on the site or take them off. A new
 * article starts unpublished. Nothing is cached anywhere, so the site shows each change
 * with its next page.
 */
@Service
public class ArticleAdmin {

	static final int SLUG_MAX = 80;
	static final int TITLE_MAX = 150;
	static final int SUMMARY_MAX = 300;
	static final int BODY_MAX = 100_000;
	static final int TOPIC_MAX = 40;
	static final int TOPICS_MAX = 10;

	private final JdbcClient jdbc;

	private final Articles articles;

	private final CareServices services;

	private final Clock clock;

	ArticleAdmin(JdbcClient jdbc, Articles articles, CareServices services, Clock clock) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.services = services;
		this.clock = clock;
	}

	/** What an admin writes: everything but whether it is published. */
	public record Text(String slug, String title, String summary, String body, List<String> topics,
			List<String> services, LocalDate publishedOn) {

		public Text {
			topics = topics == null ? List.of()
					: topics.stream().map(String::strip).filter(topic -> !topic.isEmpty()).distinct().toList();
			services = services == null ? List.of() : services.stream().distinct().toList();
		}
	}

	/** Saves a new, unpublished article; answers its id. */
	@Transactional
	public long create(Text text) {
		check(null, text);
		try {
			return jdbc
				.sql("""
						INSERT INTO article (slug, title, summary, body, topics, services, published_on, published, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, false, ?) RETURNING id""")
				.params(text.slug().strip(), text.title().strip(), text.summary().strip(), text.body(),
						text.topics().toArray(String[]::new), text.services().toArray(String[]::new),
						text.publishedOn(), Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException race) {
			throw slugTaken(text.slug());
		}
	}

	@Transactional
	public void update(long id, Text text) {
		articles.get(id);
		check(id, text);
		try {
			jdbc.sql("""
					UPDATE article SET slug = ?, title = ?, summary = ?, body = ?, topics = ?, services = ?,
					    published_on = ?, updated_at = ?
					WHERE id = ?""")
				.params(text.slug().strip(), text.title().strip(), text.summary().strip(), text.body(),
						text.topics().toArray(String[]::new), text.services().toArray(String[]::new),
						text.publishedOn(), Timestamp.from(clock.instant()), id)
				.update();
		}
		catch (DuplicateKeyException race) {
			throw slugTaken(text.slug());
		}
	}

	/**
	 * Puts the article on the site: its page, the lists, related articles and the
	 * sitemap.
	 */
	@Transactional
	public void publish(long id) {
		setPublished(id, true);
	}

	/**
	 * Takes the article off the site; its address answers 404 until it is published
	 * again.
	 */
	@Transactional
	public void unpublish(long id) {
		setPublished(id, false);
	}

	private void setPublished(long id, boolean published) {
		articles.get(id);
		jdbc.sql("UPDATE article SET published = ?, updated_at = ? WHERE id = ?")
			.params(published, Timestamp.from(clock.instant()), id)
			.update();
	}

	private void check(Long id, Text text) {
		List<FieldProblem> problems = new ArrayList<>();
		checkSlug(id, text.slug(), problems);
		required("title", text.title(), TITLE_MAX, "Enter the title.", problems);
		required("summary", text.summary(), SUMMARY_MAX,
				"Enter a summary of a sentence or two: lists, search results and link previews show it.", problems);
		required("body", text.body(), BODY_MAX, "Write the article.", problems);
		if (text.topics().isEmpty()) {
			problems.add(new FieldProblem("topics",
					"Give at least one topic, e.g. neck, posture: related articles are found by topic."));
		}
		else if (text.topics().size() > TOPICS_MAX) {
			problems.add(new FieldProblem("topics", "Give at most " + TOPICS_MAX + " topics."));
		}
		else if (text.topics().stream().anyMatch(topic -> topic.length() > TOPIC_MAX)) {
			problems.add(new FieldProblem("topics",
					"Keep each topic to " + TOPIC_MAX + " characters; separate topics with commas."));
		}
		Set<String> catalog = services.byId().keySet();
		if (!catalog.containsAll(text.services())) {
			problems.add(new FieldProblem("services", "Choose services from the catalog."));
		}
		if (text.publishedOn() == null) {
			problems.add(new FieldProblem("publishedOn", "Enter the date the article is published, like 2026-11-02."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The article cannot be saved as entered.", problems);
		}
	}

	private void checkSlug(Long id, String slug, List<FieldProblem> problems) {
		if (slug == null || slug.isBlank()) {
			problems.add(new FieldProblem("slug", "Enter the address, e.g. neck-pain-at-work."));
			return;
		}
		String wanted = slug.strip();
		if (wanted.length() > SLUG_MAX || !ArticleParser.SLUG.matcher(wanted).matches()) {
			problems
				.add(new FieldProblem("slug", "Use lower-case letters and digits in words joined by single hyphens, "
						+ "e.g. neck-pain-at-work, at most " + SLUG_MAX + " characters."));
			return;
		}
		boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM article WHERE slug = ? AND id <> ?)")
			.params(wanted, id == null ? -1L : id)
			.query(Boolean.class)
			.single();
		if (taken) {
			problems.add(slugTaken(wanted).errors().get(0));
		}
	}

	private static void required(String field, String value, int max, String missing, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, missing));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field,
					"Keep it to " + max + " characters; this has " + value.strip().length() + "."));
		}
	}

	private static InvalidRequest slugTaken(String slug) {
		return new InvalidRequest("slug",
				"Another article already has the address /articles/" + slug.strip() + ". Choose another.");
	}

}
