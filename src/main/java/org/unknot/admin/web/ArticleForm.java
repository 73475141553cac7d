package org.unknot.admin.web;

import java.time.LocalDate;
import java.util.List;

import org.unknot.content.Article;
import org.unknot.content.ArticleAdmin;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/** An article as typed, with the services it is about in the order chosen. */
record ArticleForm(String title, String slug, String summary, String body, String topics, String publishedOn,
		List<String> services) implements PageForm {

	static ArticleForm startingOn(LocalDate today) {
		return new ArticleForm(null, null, null, null, null, today.toString(), List.of());
	}

	static ArticleForm of(Article article) {
		return new ArticleForm(article.title(), article.slug(), article.summary(), article.body(),
				String.join(", ", article.topics()), article.publishedOn().toString(), article.services());
	}

	List<String> chosen() {
		return services == null ? List.of() : services;
	}

	ArticleAdmin.Text text(FieldMessages messages) {
		LocalDate on = messages.parseUnlessBlank("publishedOn", publishedOn, LocalDate::parse,
				"Enter a date like 2026-11-02.");
		return new ArticleAdmin.Text(slug, title, summary, body, FieldMessages.words(topics, ","), chosen(), on);
	}

}
