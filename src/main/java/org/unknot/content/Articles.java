package org.unknot.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.NotFound;

/**
 * The articles, read from the database on every call and never cached, so that what an
 * admin saves or unpublishes is what the next reader gets.
 */
@Repository
public class Articles {

	private final JdbcClient jdbc;

	Articles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the site shows: the published articles. */
	public ArticleShelf shelf() {
		return new ArticleShelf(jdbc.sql("SELECT * FROM article WHERE published").query(Articles::article).list());
	}

	/** Every article, published or not, newest first: what admins list. */
	public List<StoredArticle> all() {
		return jdbc.sql("SELECT * FROM article ORDER BY published_on DESC, title").query(Articles::stored).list();
	}

	public Optional<StoredArticle> find(long id) {
		return jdbc.sql("SELECT * FROM article WHERE id = ?").param(id).query(Articles::stored).optional();
	}

	public StoredArticle get(long id) {
		return find(id).orElseThrow(() -> new NotFound("id", "article", Long.toString(id)));
	}

	static Article article(ResultSet rs, int row) throws SQLException {
		return new Article(rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
				rs.getObject("published_on", java.time.LocalDate.class), strings(rs.getArray("topics")),
				strings(rs.getArray("services")), rs.getString("body"));
	}

	private static StoredArticle stored(ResultSet rs, int row) throws SQLException {
		return new StoredArticle(rs.getLong("id"), article(rs, row), rs.getBoolean("published"),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
