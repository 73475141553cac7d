package org.unknot.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Turns an article's CommonMark into HTML for the site and for an admin's preview alike.
 * Raw HTML in the text is escaped and unsafe link targets are dropped, so an article can
 * only ever produce plain content: headings, paragraphs, lists, emphasis, quotes, code
 * and safe links.
 * <p>
 * Recent results are kept by the Markdown they came from: an edited article is new
 * Markdown, so it is rendered afresh on its first request and nothing shown is ever
 * stale.
 */
@Component
public class ArticleRenderer {

	private static final int KEPT = 128;

	private final Map<String, String> rendered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > KEPT;
		}
	});

	private static final Pattern SAFE_URL = Pattern
		.compile("^(/|#|https?:|mailto:|tel:)[^\\s]*$|^[a-z0-9][a-z0-9/._#-]*$", Pattern.CASE_INSENSITIVE);

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.attributeProviderFactory(context -> ArticleRenderer::safeLinks)
		.build();

	public String html(String markdown) {
		String text = markdown == null ? "" : markdown;
		String html = rendered.get(text);
		if (html == null) {
			html = renderer.render(parser.parse(text));
			rendered.put(text, html);
		}
		return html;
	}

	/**
	 * Links and images keep only addresses on this site or plain web, mail and phone
	 * addresses.
	 */
	private static void safeLinks(Node node, String tag, Map<String, String> attributes) {
		for (String attribute : List.of("href", "src")) {
			String url = attributes.get(attribute);
			if (url != null && !SAFE_URL.matcher(url).matches()) {
				attributes.put(attribute, "");
			}
		}
	}

}
