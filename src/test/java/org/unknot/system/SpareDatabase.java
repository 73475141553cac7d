package org.unknot.system;

import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second database on the test PostgreSQL, migrated like a test context's own, for tests
 * that move data from one database to another (a restore). Dropped on close.
 */
public final class SpareDatabase implements AutoCloseable {

	private final String name;

	private SpareDatabase(String name) {
		this.name = name;
	}

	/** Migrated with the application's migrations, as the context's database is. */
	public static SpareDatabase migrated(List<JavaMigration> javaMigrations) {
		String name = TestDatabases.nextName();
		TestDatabases.create(name, List.of("classpath:db/migration"), javaMigrations);
		return new SpareDatabase(name);
	}

	public DatabaseLogins logins() {
		return TestDatabases.logins(name);
	}

	/** As the owner: sees every table, the audit trail included. */
	public JdbcClient jdbc() {
		return JdbcClient.create(logins().ownerDataSource());
	}

	@Override
	public void close() {
		TestDatabases.drop(name);
	}

}
