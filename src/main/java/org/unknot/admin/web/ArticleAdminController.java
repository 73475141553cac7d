package org.unknot.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.content.ArticleAdmin;
import org.unknot.content.ArticleRenderer;
import org.unknot.content.Articles;
import org.unknot.content.StoredArticle;
import org.unknot.system.web.FormChange;

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
		ArticleForm form = ArticleForm.startingOn(LocalDate.now(clock.withZone(catalog.virtualZone())));
		return editPage(null, form, Map.of(), null, model);
	}

	@PostMapping("/admin/articles")
	String create(@ModelAttribute ArticleForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return forms.attempt(messages -> "/admin/articles/" + admin.create(form.text(messages)),
				"Saved as a draft: it is not on the site until you publish it.", redirect, response,
				shown -> editPage(null, form, shown, null, model));
	}

	@PostMapping("/admin/articles/preview")
	String previewNew(@ModelAttribute ArticleForm form, Model model) {
		return editPage(null, form, Map.of(), renderer.html(form.body()), model);
	}

	@GetMapping("/admin/articles/{id}")
	String show(@PathVariable long id, Model model) {
		StoredArticle stored = articles.get(id);
		return editPage(stored, ArticleForm.of(stored.article()), Map.of(), renderer.html(stored.article().body()),
				model);
	}

	@PostMapping("/admin/articles/{id}")
	String update(@PathVariable long id, @ModelAttribute ArticleForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		StoredArticle stored = articles.get(id);
		String done = stored.published() ? "Saved; the site shows it from now on."
				: "Saved. It is not on the site until you publish it.";
		return forms.attempt(messages -> {
			admin.update(id, form.text(messages));
			return "/admin/articles/" + id;
		}, done, redirect, response, shown -> editPage(stored, form, shown, null, model));
	}

	@PostMapping("/admin/articles/{id}/preview")
	String preview(@PathVariable long id, @ModelAttribute ArticleForm form, Model model) {
		return editPage(articles.get(id), form, Map.of(), renderer.html(form.body()), model);
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

	private String editPage(StoredArticle stored, ArticleForm form, Map<String, String> errors, String preview,
			Model model) {
		model.addAttribute("stored", stored);
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		model.addAttribute("services", chosenFirst(form.chosen()));
		model.addAttribute("chosen", form.chosen());
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

}
