package org.unknot.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.parser.Parser;

/**
 * Reads one article file: front matter ({@code title}, {@code summary},
 * {@code published}, {@code topics}, {@code services}) and a CommonMark body, kept as
 * written.
 */
final class ArticleParser {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern FRONT_MATTER = Pattern
		.compile("\\A---[ \\t]*\\R.*?\\R(?:---|\\.\\.\\.)[ \\t]*(?:\\R|\\z)", Pattern.DOTALL);

	private final Parser parser = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

	Article parse(String slug, String markdown) {
		if (!SLUG.matcher(slug).matches()) {
			throw new ArticleInvalid(slug, "the file name must be lower-case words joined by hyphens");
		}
		YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
		parser.parse(markdown).accept(frontMatter);
		Map<String, List<String>> data = frontMatter.getData();
		String title = single(slug, data, "title");
		String summary = single(slug, data, "summary");
		LocalDate published = date(slug, single(slug, data, "published"));
		List<String> topics = data.getOrDefault("topics", List.of());
		if (topics.isEmpty()) {
			throw new ArticleInvalid(slug, "'topics' lists at least one topic");
		}
		List<String> services = data.getOrDefault("services", List.of());
		return new Article(slug, title, summary, published, topics.stream().map(String::trim).toList(),
				services.stream().map(String::trim).toList(), body(markdown));
	}

	private static String body(String markdown) {
		Matcher frontMatter = FRONT_MATTER.matcher(markdown);
		String body = frontMatter.find() ? markdown.substring(frontMatter.end()) : markdown;
		return body.replaceFirst("\\A(?:[ \\t]*\\R)+", "").stripTrailing() + "\n";
	}

	private static String single(String slug, Map<String, List<String>> data, String key) {
		List<String> values = data.get(key);
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			throw new ArticleInvalid(slug, "'" + key + "' needs exactly one value");
		}
		return values.get(0).trim();
	}

	private static LocalDate date(String slug, String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new ArticleInvalid(slug, "'published' must be a date like 2026-11-02, not '" + text + "'");
		}
	}

}
