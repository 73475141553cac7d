package org.unknot.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.content.Article;
import org.unknot.content.ArticleAdmin;
import org.unknot.content.ArticleRenderer;
import org.unknot.content.Articles;
import org.unknot.content.StoredArticle;

/**
 * The website's articles: writing one, previewing it as the site will show it, changing
 * it, and putting it on the site or taking it off.
 */
@Controller
class ArticleAdminController {

	private final Articles articles;

	private final ArticleAdmin admin;

	private final ArticleRenderer renderer;

	private final CareServices services;

	private final CatalogProperties catalog;

	private final Clock clock;

	private final FormChange forms;

	ArticleAdminController(Articles articles, ArticleAdmin admin, ArticleRenderer renderer, CareServices services,
			CatalogProperties catalog, Clock clock, FormChange forms) {
		this.forms = forms;
		this.articles = articles;
		this.admin = admin;
		this.renderer = renderer;
		this.services = services;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/admin/articles")
	String list(Model model) {
		model.addAttribute("articles", articles.all());
		return "admin/articles";
	}

	@GetMapping("/admin/articles/new")
	String newForm(Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("publishedOn", LocalDate.now(clock.withZone(catalog.virtualZone())).toString());
		return editPage(null, form, List.of(), Map.of(), null, model);
	}

	@PostMapping("/admin/articles")
	String create(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> services,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		return forms.attempt(errors, () -> "/admin/articles/" + admin.create(text(form, services, errors)),
				"Saved as a draft: it is not on the site until you publish it.", redirect, response,
				shown -> editPage(null, form, chosen(services), shown, null, model));
	}

	@PostMapping("/admin/articles/preview")
	String previewNew(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> services,
			Model model) {
		return editPage(null, form, chosen(services), Map.of(), renderer.html(form.get("body")), model);
	}

	@GetMapping("/admin/articles/{id}")
	String show(@PathVariable long id, Model model) {
		StoredArticle stored = articles.get(id);
		return editPage(stored, formOf(stored.article()), stored.article().services(), Map.of(),
				renderer.html(stored.article().body()), model);
	}

	@PostMapping("/admin/articles/{id}")
	String update(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> services, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		StoredArticle stored = articles.get(id);
		Map<String, String> errors = new LinkedHashMap<>();
		String done = stored.published() ? "Saved; the site shows it from now on."
				: "Saved. It is not on the site until you publish it.";
		return forms.attempt(errors, () -> {
			admin.update(id, text(form, services, errors));
			return "/admin/articles/" + id;
		}, done, redirect, response, shown -> editPage(stored, form, chosen(services), shown, null, model));
	}

	@PostMapping("/admin/articles/{id}/preview")
	String preview(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> services, Model model) {
		return editPage(articles.get(id), form, chosen(services), Map.of(), renderer.html(form.get("body")), model);
	}

	@PostMapping("/admin/articles/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		admin.publish(id);
		redirect.addFlashAttribute("message", "Published: it is on the site, in the lists and in the sitemap.");
		return "redirect:/admin/articles/" + id;
	}

	@PostMapping("/admin/articles/{id}/unpublish")
	String unpublish(@PathVariable long id, RedirectAttributes redirect) {
		admin.unpublish(id);
		redirect.addFlashAttribute("message", "Taken off the site: its address now answers “not found”.");
		return "redirect:/admin/articles/" + id;
	}

	private String editPage(StoredArticle stored, Map<String, String> form, List<String> chosen,
			Map<String, String> errors, String preview, Model model) {
		model.addAttribute("stored", stored);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("services", chosenFirst(chosen));
		model.addAttribute("chosen", chosen);
		model.addAttribute("preview", preview);
		return "admin/article";
	}

	/**
	 * The catalog with the article's services first, in its order, so that saving keeps
	 * that order.
	 */
	private List<CareService> chosenFirst(List<String> chosen) {
		Map<String, CareService> byId = services.byId();
		List<CareService> ordered = new ArrayList<>();
		chosen.stream().filter(byId::containsKey).map(byId::get).forEach(ordered::add);
		byId.values().stream().filter(service -> !chosen.contains(service.id())).forEach(ordered::add);
		return ordered;
	}

	private static ArticleAdmin.Text text(Map<String, String> form, List<String> services, Map<String, String> errors) {
		LocalDate publishedOn = null;
		String date = form.getOrDefault("publishedOn", "").strip();
		if (!date.isEmpty()) {
			try {
				publishedOn = LocalDate.parse(date);
			}
			catch (DateTimeParseException e) {
				errors.put("publishedOn", "Enter a date like 2026-11-02.");
			}
		}
		return new ArticleAdmin.Text(form.get("slug"), form.get("title"), form.get("summary"), form.get("body"),
				topics(form.get("topics")), chosen(services), publishedOn);
	}

	private static Map<String, String> formOf(Article article) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", article.title());
		form.put("slug", article.slug());
		form.put("summary", article.summary());
		form.put("body", article.body());
		form.put("topics", String.join(", ", article.topics()));
		form.put("publishedOn", article.publishedOn().toString());
		return form;
	}

	private static List<String> topics(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	private static List<String> chosen(List<String> services) {
		return services == null ? List.of() : services;
	}

}
