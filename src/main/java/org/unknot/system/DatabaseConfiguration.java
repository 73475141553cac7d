package org.unknot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * One PostgreSQL for everything: the one named by {@code unknot.db.url}, or else an
 * embedded server whose files survive restarts, so a demo keeps its bookings. The
 * application connects as its own role ({@link ApplicationRole}); the migrations run as
 * the owner.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final String DATABASE = "unknot";

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DatabaseLogins databaseLogins(DatabaseProperties properties, DatabaseOwner owner, EmbeddedServer embedded) {
		if (!properties.db().external()) {
			return embedded.logins();
		}
		var app = new DatabaseLogins.Login(properties.db().user(), properties.db().password());
		return new DatabaseLogins(properties.db().url(), app,
				owner.configured() ? new DatabaseLogins.Login(owner.user(), owner.password()) : app);
	}

	/** The application's pool, as its own role (never the owner). */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, DatabaseLogins logins) {
		return pool(logins.url(), logins.app(), properties.db().poolSize(), properties.db().connectionTimeout());
	}

	/**
	 * Transactions on that pool; the one instead of Spring Boot's, with the same
	 * {@code spring.transaction.*} settings applied.
	 */
	@Bean
	JdbcTransactions transactionManager(DataSource dataSource,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JdbcTransactions transactions = new JdbcTransactions(dataSource);
		customizers.ifAvailable(each -> each.customize(transactions));
		return transactions;
	}

	/** Migrations run as the owner of the schema. */
	@Bean
	FlywayConfigurationCustomizer migrationsAsOwner(DatabaseLogins logins) {
		return flyway -> flyway.dataSource(logins.ownerDataSource());
	}

	@Bean
	Callback applicationRole(DatabaseLogins logins) {
		return new ApplicationRole(logins);
	}

	/** A pool as the embedded server's owner: for tests of the server itself. */
	HikariDataSource ownerPool(DatabaseProperties properties, EmbeddedServer embedded) {
		return pool(embedded.logins().url(), EmbeddedServer.OWNER, properties.db().poolSize(),
				properties.db().connectionTimeout());
	}

	private static HikariDataSource pool(String url, DatabaseLogins.Login login, int size, Duration connectionTimeout) {
		var config = new HikariConfig();
		config.setPoolName("unknot");
		config.setMaximumPoolSize(size);
		// with the database out of reach a request is answered 503 after this, not held
		// for Hikari's default 30 s
		config.setConnectionTimeout(connectionTimeout.toMillis());
		config.setJdbcUrl(url);
		config.setUsername(login.user());
		config.setPassword(login.password());
		return new HikariDataSource(config);
	}

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedServer(DatabaseProperties properties) {
		if (properties.db().external()) {
			return EmbeddedServer.none();
		}
		EmbeddedServer server = EmbeddedServer.start(properties);
		server.watch(properties.db().embeddedWatch());
		return server;
	}

	/**
	 * The embedded PostgreSQL, if one runs; closed after the pool. Once watched, a server
	 * that dies (kill -9 of the postmaster, the out-of-memory killer) is started again on
	 * the same data directory and port: PostgreSQL recovers every commit from its log,
	 * and the pool reconnects by itself. Meanwhile requests are answered 503 and
	 * readiness is DOWN.
	 */
	static final class EmbeddedServer implements AutoCloseable {

		static final DatabaseLogins.Login OWNER = new DatabaseLogins.Login("postgres", null);

		private EmbeddedPostgres postgres;

		private final DatabaseProperties properties;

		private final Path dir;

		private final Path throwAway;

		private final String appPassword;

		private ScheduledExecutorService watcher;

		private boolean closed;

		private boolean dataDirectoryGone;

		private EmbeddedServer(EmbeddedPostgres postgres, DatabaseProperties properties, Path dir, Path throwAway,
				String appPassword) {
			this.postgres = postgres;
			this.properties = properties;
			this.dir = dir;
			this.throwAway = throwAway;
			this.appPassword = appPassword;
		}

		static EmbeddedServer none() {
			return new EmbeddedServer(null, null, null, null, null);
		}

		/**
		 * Checks every {@code interval} that the server lives, and starts it again if
		 * not.
		 */
		synchronized void watch(Duration interval) {
			watcher = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "embedded-postgres-watch");
				thread.setDaemon(true);
				return thread;
			});
			watcher.scheduleWithFixedDelay(this::restartIfGone, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}

		/** Whether the postmaster named in the data directory's lock file is running. */
		synchronized boolean running() {
			return LeftoverPostmaster.pidIn(dir.resolve("postmaster.pid"))
				.flatMap(ProcessHandle::of)
				.filter(ProcessHandle::isAlive)
				.isPresent();
		}

		synchronized void restartIfGone() {
			if (closed || postgres == null || running()) {
				return;
			}
			if (!Files.exists(dir.resolve("PG_VERSION"))) {
				// the data directory itself is gone: starting on it would make an empty
				// database, so the node stays not ready instead; said once, not at every
				// look
				if (!dataDirectoryGone) {
					log.error("The embedded PostgreSQL has stopped and its data directory {} is gone; "
							+ "this node stays not ready until it is restored", dir);
					dataDirectoryGone = true;
				}
				return;
			}
			dataDirectoryGone = false;
			int port = postgres.getPort();
			log.warn("The embedded PostgreSQL on port {} has stopped; starting it again on {}", port, dir);
			long started = System.nanoTime();
			try {
				// releases the data directory's lock; the server is gone already
				postgres.close();
				LeftoverPostmaster.clear(dir);
				postgres = configured(properties, dir, port, throwAway != null, Duration.ofSeconds(20)).start();
				log.info("The embedded PostgreSQL is back after {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (IOException | RuntimeException notYet) {
				// e.g. the old server's last backends still hold its shared memory: next
				// time
				log.warn("Could not start the embedded PostgreSQL again yet: {}", notYet.getMessage());
			}
		}

		static EmbeddedServer start(DatabaseProperties properties) {
			try {
				boolean ephemeral = properties.db().ephemeral();
				Path dir = ephemeral ? Files.createTempDirectory("unknot-pg")
						: properties.dataDir().resolve("postgres").toAbsolutePath();
				Files.createDirectories(dir);
				int port = ephemeral ? 0 : properties.db().embeddedPort();
				if (!ephemeral) {
					LeftoverPostmaster.clear(dir);
				}
				if (port != 0) {
					LeftoverPostmaster.requireFree(port);
				}
				var postgres = configured(properties, dir, port, ephemeral, Duration.ofSeconds(60)).start();
				createDatabaseIfMissing(postgres.getPostgresDatabase());
				// kept beside the data like the other local secrets, so that tools and
				// other
				// nodes can sign in as the application too
				String appPassword = ephemeral ? LocalSecrets.random() : LocalSecrets.keptBeside(properties.dataDir(),
						"database-app.password", "unknot.db.user and unknot.db.password (an external database)");
				ApplicationRole.ensure(postgres.getPostgresDatabase(), appPassword);
				log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
				return new EmbeddedServer(postgres, properties, dir, ephemeral ? dir : null, appPassword);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
			}
		}

		private static EmbeddedPostgres.Builder configured(DatabaseProperties properties, Path dir, int port,
				boolean ephemeral, Duration startupWait) {
			var builder = EmbeddedPostgres.builder().setPort(port);
			properties.db().serverSettings().forEach(builder::setServerConfig);
			return builder.setDataDirectory(dir)
				// a throw-away directory is deleted by close(), not by the library: the
				// server may have to start again on it
				.setCleanDataDirectory(false)
				// stopped by close(), after the pool and whatever still reads on shutdown
				// (the event registry lists unfinished publications); the library's own
				// shutdown hook would stop it at the same time, and that read would then
				// wait out the pool's connection timeout
				.setRegisterShutdownHook(false)
				.setPGStartupWait(startupWait)
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", ephemeral ? "off" : "on")
				// the library turns this off by default: a booking answered 201 could
				// then
				// be lost
				.setServerConfig("synchronous_commit", ephemeral ? "off" : "on");
		}

		private static void createDatabaseIfMissing(DataSource postgres) {
			try (Connection connection = postgres.getConnection();
					var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				exists.setString(1, DATABASE);
				try (var rows = exists.executeQuery()) {
					if (!rows.next()) {
						try (var create = connection.createStatement()) {
							create.execute("CREATE DATABASE " + DATABASE);
						}
					}
				}
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not create the database " + DATABASE, e);
			}
		}

		String jdbcUrl() {
			return jdbcUrl(DATABASE);
		}

		/** The application's role and the owner, on this server's database. */
		DatabaseLogins logins() {
			return logins(DATABASE);
		}

		/** The same on another database of this server; the URL names no user. */
		DatabaseLogins logins(String database) {
			return new DatabaseLogins("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
					new DatabaseLogins.Login(ApplicationRole.EMBEDDED, appPassword), OWNER);
		}

		/** Another database on this server (tests give each context its own). */
		String jdbcUrl(String database) {
			return postgres.getJdbcUrl("postgres", database);
		}

		@Override
		public void close() throws IOException {
			synchronized (this) {
				closed = true;
			}
			if (watcher != null) {
				watcher.shutdownNow();
			}
			if (postgres != null) {
				postgres.close();
			}
			if (throwAway != null) {
				FileSystemUtils.deleteRecursively(throwAway);
			}
		}

	}

}
