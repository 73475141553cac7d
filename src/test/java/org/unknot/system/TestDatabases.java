package org.unknot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

/**
 * One embedded PostgreSQL for the whole test JVM instead of one per application context.
 * Each set of migrations runs once, into a template database; every context then gets a
 * fresh database of its own copied from that template ({@code CREATE DATABASE ...
 * TEMPLATE}, milliseconds instead of seconds), in which its Flyway finds nothing left to
 * do, and which is dropped when the context closes.
 */
final class TestDatabases {

	private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);

	/** How long the server waits at exit for the contexts still closing. */
	private static final long CLOSING_CONTEXTS_SECONDS = 30;

	private static EmbeddedServer server;

	private static boolean stopped;

	/** template database per migration set (locations and Java migration classes) */
	private static final Map<List<String>, String> templates = new HashMap<>();

	private static final Set<String> inUse = new HashSet<>();

	private static int named;

	private static int templatesNamed;

	private TestDatabases() {
	}

	static synchronized String nextName() {
		return "unknot_context_" + (++named);
	}

	/**
	 * Creates the database {@code name} as a copy of the template for these migrations,
	 * migrating the template first if no context has needed it yet.
	 * @return its JDBC URL
	 */
	static synchronized String create(String name, List<String> locations, List<JavaMigration> javaMigrations) {
		long start = System.nanoTime();
		String template = templates.computeIfAbsent(key(locations, javaMigrations),
				// a new name each time: a failed migration leaves its database behind
				key -> migrateTemplate("unknot_template_" + (++templatesNamed), locations, javaMigrations));
		execute("CREATE DATABASE " + name + " TEMPLATE " + template);
		inUse.add(name);
		log.info("Test database {} copied from {} in {} ms", name, template, millisSince(start));
		return server().jdbcUrl(name);
	}

	/**
	 * Creates an empty database {@code name} on the test PostgreSQL, for applications
	 * started by hand that migrate it themselves (several nodes sharing one database).
	 * @return its JDBC URL
	 */
	static synchronized String createEmpty(String name) {
		execute("CREATE DATABASE " + name);
		inUse.add(name);
		return server().jdbcUrl(name);
	}

	/** The application's role and the owner on the test PostgreSQL, for this database. */
	static synchronized DatabaseLogins logins(String database) {
		return server().logins(database);
	}

	/** Drops a context's database when the context has closed (and its pool with it). */
	static synchronized void drop(String name) {
		if (inUse.remove(name) && !stopped) {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			log.info("Test database {} dropped", name);
		}
		TestDatabases.class.notifyAll();
	}

	private static List<String> key(List<String> locations, List<JavaMigration> javaMigrations) {
		List<String> key = new ArrayList<>(locations);
		javaMigrations.stream().map(migration -> migration.getClass().getName()).sorted().forEach(key::add);
		return key;
	}

	private static String migrateTemplate(String template, List<String> locations, List<JavaMigration> javaMigrations) {
		long start = System.nanoTime();
		execute("CREATE DATABASE " + template);
		Flyway.configure(TestDatabases.class.getClassLoader())
			.dataSource(server().jdbcUrl(template), "postgres", "")
			.locations(locations.toArray(String[]::new))
			.javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
			.load()
			.migrate();
		// a template copies only while nobody is connected to it
		execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + template + "'");
		execute("ALTER DATABASE " + template + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
		log.info("Template database {} migrated in {} ms", template, millisSince(start));
		return template;
	}

	private static EmbeddedServer server() {
		if (stopped) {
			throw new IllegalStateException("The test PostgreSQL has already stopped: the JVM is exiting");
		}
		if (server == null) {
			server = EmbeddedServer.start(new DatabaseProperties(Path.of("."),
					new DatabaseProperties.Db(null, null, null, true, 1, Map.of(), 0)));
			// not the library's own hook: the contexts closing at exit still read their
			// databases (the event registry lists unfinished publications)
			Runtime.getRuntime()
				.addShutdownHook(new Thread(TestDatabases::stopOnceContextsClosed, "test-postgres-shutdown"));
		}
		return server;
	}

	private static synchronized void stopOnceContextsClosed() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSING_CONTEXTS_SECONDS);
		try {
			while (!inUse.isEmpty() && System.nanoTime() < deadline) {
				TestDatabases.class.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!inUse.isEmpty()) {
			log.warn("Stopping the test PostgreSQL with databases still in use: {}", inUse);
		}
		stopped = true;
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the test PostgreSQL", ex);
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(server().jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run on the test PostgreSQL: " + sql, ex);
		}
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
