package org.unknot.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * What the same PostgreSQL and connection pool can write at most: single-row INSERT
 * transactions (autocommit, one connection borrowed per insert, as a request would) into
 * a scratch table of the benchmark. A booking does this one write plus its reads and
 * checks.
 */
final class InsertCeiling implements AutoCloseable {

	private final DataSource dataSource;

	private final DataSource owner;

	/** The table is made and dropped by the owner; the application's role inserts. */
	InsertCeiling(DataSource dataSource, DataSource owner) {
		this.dataSource = dataSource;
		this.owner = owner;
		execute("""
				CREATE TABLE bench_scratch (
				    id               uuid PRIMARY KEY,
				    practitioner_id  text NOT NULL,
				    start_at         timestamptz NOT NULL,
				    created_at       timestamptz NOT NULL DEFAULT now()
				)""");
	}

	int insert(int number) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO bench_scratch (id, practitioner_id, start_at) VALUES (?, ?, ?)")) {
			insert.setObject(1, UUID.randomUUID());
			insert.setString(2, "p-" + number % 20);
			insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(number));
			return insert.executeUpdate() == 1 ? 201 : 500;
		}
	}

	@Override
	public void close() {
		execute("DROP TABLE bench_scratch");
	}

	private void execute(String sql) {
		try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not run: " + sql, e);
		}
	}

}
