package org.unknot.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migration 13: the first articles, from the Markdown files under
 * {@code classpath:articles/}, loaded once into a database that has just gained the
 * article table (V12) and published. From then on the database is where articles live and
 * admins edit them; changing a file changes nothing in a database that has already run
 * this. A broken file stops the migration with a message naming it.
 */
@Component
class ArticleSeed implements JavaMigration {

	static final String FILES = "classpath*:articles/*.md";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("13");
	}

	@Override
	public String getDescription() {
		return "seed articles";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws IOException, java.sql.SQLException {
		Connection connection = context.getConnection();
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO article (slug, title, summary, body, topics, services, published_on, published)
				VALUES (?, ?, ?, ?, ?, ?, ?, true) ON CONFLICT (slug) DO NOTHING""")) {
			for (Article article : read()) {
				insert.setString(1, article.slug());
				insert.setString(2, article.title());
				insert.setString(3, article.summary());
				insert.setString(4, article.body());
				insert.setArray(5, connection.createArrayOf("text", article.topics().toArray()));
				insert.setArray(6, connection.createArrayOf("text", article.services().toArray()));
				insert.setDate(7, Date.valueOf(article.publishedOn()));
				insert.executeUpdate();
			}
		}
	}

	static List<Article> read() throws IOException {
		ArticleParser parser = new ArticleParser();
		List<Article> articles = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FILES)) {
			String file = resource.getFilename();
			String slug = file.substring(0, file.length() - ".md".length());
			articles.add(parser.parse(slug, resource.getContentAsString(StandardCharsets.UTF_8)));
		}
		return articles;
	}

}
