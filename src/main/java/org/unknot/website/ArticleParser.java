package org.unknot.website;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads one article: front matter ({@code title}, {@code summary}, {@code published}, {@code topics},
 * {@code services}) and a CommonMark body. Raw HTML in the body is escaped and unsafe link targets are
 * dropped, so an article can only ever produce plain content.
 */
final class ArticleParser {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Parser parser = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

	private static final Pattern SAFE_URL = Pattern.compile("^(/|#|https?:|mailto:|tel:)[^\\s]*$|^[a-z0-9][a-z0-9/._#-]*$",
			Pattern.CASE_INSENSITIVE);

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.attributeProviderFactory(context -> ArticleParser::safeLinks)
		.build();

	Article parse(String slug, String markdown) {
		if (!SLUG.matcher(slug).matches()) {
			throw new ArticleInvalid(slug, "the file name must be lower-case words joined by hyphens");
		}
		Node document = parser.parse(markdown);
		YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
		document.accept(frontMatter);
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
				services.stream().map(String::trim).toList(), renderer.render(document));
	}

	/** Links and images keep only addresses on this site or plain web, mail and phone addresses. */
	private static void safeLinks(Node node, String tag, Map<String, String> attributes) {
		for (String attribute : List.of("href", "src")) {
			String url = attributes.get(attribute);
			if (url != null && !SAFE_URL.matcher(url).matches()) {
				attributes.put(attribute, "");
			}
		}
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
