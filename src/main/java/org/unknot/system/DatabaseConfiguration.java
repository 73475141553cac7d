package org.unknot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
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
		return pool(logins.url(), logins.app(), properties.db().poolSize());
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
		return pool(embedded.logins().url(), EmbeddedServer.OWNER, properties.db().poolSize());
	}

	private static HikariDataSource pool(String url, DatabaseLogins.Login login, int size) {
		var config = new HikariConfig();
		config.setPoolName("unknot");
		config.setMaximumPoolSize(size);
		config.setJdbcUrl(url);
		config.setUsername(login.user());
		config.setPassword(login.password());
		return new HikariDataSource(config);
	}

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedServer(DatabaseProperties properties) {
		return properties.db().external() ? EmbeddedServer.none() : EmbeddedServer.start(properties);
	}

	/** The embedded PostgreSQL, if one runs; closed after the pool. */
	static final class EmbeddedServer implements AutoCloseable {

		static final DatabaseLogins.Login OWNER = new DatabaseLogins.Login("postgres", null);

		private final EmbeddedPostgres postgres;

		private final Path throwAway;

		private final String appPassword;

		private EmbeddedServer(EmbeddedPostgres postgres, Path throwAway, String appPassword) {
			this.postgres = postgres;
			this.throwAway = throwAway;
			this.appPassword = appPassword;
		}

		static EmbeddedServer none() {
			return new EmbeddedServer(null, null, null);
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
				var builder = EmbeddedPostgres.builder().setPort(port);
				properties.db().serverSettings().forEach(builder::setServerConfig);
				var postgres = builder.setDataDirectory(dir)
					.setCleanDataDirectory(ephemeral)
					// stopped by close(), after the pool and whatever still reads on
					// shutdown
					// (the event registry lists unfinished publications); the library's
					// own
					// shutdown hook would stop it at the same time, and that read would
					// then
					// wait out the pool's 30-second connection timeout
					.setRegisterShutdownHook(false)
					.setPGStartupWait(Duration.ofSeconds(60))
					.setServerConfig("max_connections", "200")
					.setServerConfig("fsync", ephemeral ? "off" : "on")
					// the library turns this off by default: a booking answered 201 could
					// then be lost
					.setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
					.start();
				createDatabaseIfMissing(postgres.getPostgresDatabase());
				// kept beside the data like the other local secrets, so that tools and
				// other
				// nodes can sign in as the application too
				String appPassword = ephemeral ? LocalSecrets.random() : LocalSecrets.keptBeside(properties.dataDir(),
						"database-app.password", "unknot.db.user and unknot.db.password (an external database)");
				ApplicationRole.ensure(postgres.getPostgresDatabase(), appPassword);
				log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
				return new EmbeddedServer(postgres, ephemeral ? dir : null, appPassword);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
			}
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
			if (postgres != null) {
				postgres.close();
			}
			if (throwAway != null) {
				FileSystemUtils.deleteRecursively(throwAway);
			}
		}

	}

}
