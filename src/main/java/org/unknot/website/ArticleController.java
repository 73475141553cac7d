package org.unknot.website;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.content.Article;
import org.unknot.content.ArticleRenderer;
import org.unknot.content.ArticleShelf;
import org.unknot.content.Articles;
import org.unknot.system.NotFound;

@Controller
class ArticleController {

	private static final int RELATED = 3;

	private final Articles articles;

	private final ArticleRenderer renderer;

	private final CareServices services;

	private final Pages pages;

	ArticleController(Articles articles, ArticleRenderer renderer, CareServices services, Pages pages) {
		this.articles = articles;
		this.renderer = renderer;
		this.services = services;
		this.pages = pages;
	}

	@GetMapping("/articles")
	String list(@RequestParam Optional<String> topic, Model model) {
		ArticleShelf shelf = articles.shelf();
		String chosen = topic.filter(shelf.topics()::contains).orElse(null);
		model.addAttribute("section", "articles");
		model.addAttribute("topics", shelf.topics());
		model.addAttribute("topic", chosen);
		model.addAttribute("unknownTopic", topic.isPresent() && chosen == null ? topic.get() : null);
		model.addAttribute("articles", chosen == null ? shelf.all() : shelf.about(chosen));
		model.addAttribute("meta", pages.meta("Conditions and articles",
				"Plain-language articles on back, neck and shoulder pain, massage, trigger points and when to see a physician.",
				"/articles"));
		return "articles/list";
	}

	@GetMapping("/articles/{slug}")
	String article(@PathVariable String slug, Model model) {
		ArticleShelf shelf = articles.shelf();
		Article article = shelf.find(slug).orElseThrow(() -> new NotFound("slug", "article", slug));
		Map<String, CareService> byId = services.all()
			.stream()
			.collect(Collectors.toMap(CareService::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<CareService> bookable = article.services().stream().filter(byId::containsKey).map(byId::get).toList();
		model.addAttribute("section", "articles");
		model.addAttribute("article", article);
		model.addAttribute("html", renderer.html(article.body()));
		model.addAttribute("bookable", bookable);
		model.addAttribute("related", shelf.relatedTo(article, RELATED));
		model.addAttribute("meta",
				pages.meta(article.title(), article.summary(), article.path())
					.withOgType("article")
					.withJsonLd(pages.jsonLd(jsonLd(article, bookable))));
		return "articles/article";
	}

	private Map<String, Object> jsonLd(Article article, List<CareService> bookable) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "MedicalWebPage");
		data.put("url", pages.absolute(article.path()));
		data.put("name", article.title());
		data.put("headline", article.title());
		data.put("description", article.summary());
		data.put("datePublished", article.publishedOn().toString());
		data.put("inLanguage", "en-US");
		data.put("audience", Map.of("@type", "Patient"));
		data.put("about", article.topics().stream().map(topic -> Map.of("@type", "Thing", "name", topic)).toList());
		if (!bookable.isEmpty()) {
			data.put("relatedLink", bookable.stream().map(s -> pages.absolute("/services/" + s.id())).toList());
		}
		data.put("publisher", Map.of("@type", "MedicalOrganization", "name", "Unknot", "url", pages.absolute("/")));
		return data;
	}

}
