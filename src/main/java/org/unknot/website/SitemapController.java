package org.unknot.website;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.content.Article;
import org.unknot.content.Articles;

/**
 * What search engines read: {@code /robots.txt} and {@code /sitemap.xml}, with absolute
 * addresses.
 */
@Controller
class SitemapController {

	private final CareServices services;

	private final Clinics clinics;

	private final BookablePractitioners practitioners;

	private final Articles articles;

	private final Pages pages;

	SitemapController(CareServices services, Clinics clinics, BookablePractitioners practitioners, Articles articles,
			Pages pages) {
		this.services = services;
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.articles = articles;
		this.pages = pages;
	}

	@GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> robots() {
		String body = """
				User-agent: *
				Disallow: /api/
				Disallow: /book
				Disallow: /manage/
				Sitemap: %s
				""".formatted(pages.absolute("/sitemap.xml"));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
	}

	@GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap() {
		List<String> entries = new ArrayList<>();
		for (String path : List.of("/", "/articles", "/services", "/practitioners", "/clinics")) {
			entries.add(entry(path, null));
		}
		for (Article article : articles.shelf().all()) {
			entries.add(entry(article.path(), article.publishedOn()));
		}
		for (CareService service : services.all()) {
			entries.add(entry("/services/" + service.id(), null));
		}
		practitioners.listed().forEach(practitioner -> entries.add(entry("/practitioners/" + practitioner.id(), null)));
		for (Clinic clinic : clinics.all()) {
			entries.add(entry("/clinics/" + clinic.id(), null));
		}
		String body = """
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				%s</urlset>
				""".formatted(String.join("", entries));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
	}

	private String entry(String path, LocalDate lastModified) {
		String loc = "  <url><loc>" + HtmlUtils.htmlEscape(pages.absolute(path)) + "</loc>";
		return loc + (lastModified == null ? "" : "<lastmod>" + lastModified + "</lastmod>") + "</url>\n";
	}

}
