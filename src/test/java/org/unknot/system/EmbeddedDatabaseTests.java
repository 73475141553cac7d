package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

import com.zaxxer.hikari.HikariDataSource;

class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsItsDataAcrossARestart() throws Exception {
		var properties = new DatabaseProperties(dataDir,
				new DatabaseProperties.Db(null, null, null, false, 2, null, 0));
		var configuration = new DatabaseConfiguration();

		try (EmbeddedServer server = EmbeddedServer.start(properties);
				HikariDataSource pool = configuration.ownerPool(properties, server)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			jdbc.sql("CREATE TABLE visit (note text)").update();
			jdbc.sql("INSERT INTO visit VALUES ('kept')").update();
		}

		try (EmbeddedServer server = EmbeddedServer.start(properties);
				HikariDataSource pool = configuration.ownerPool(properties, server)) {
			assertThat(JdbcClient.create(pool).sql("SELECT note FROM visit").query(String.class).list())
				.containsExactly("kept");
		}
		assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
	}

	@Test
	void flushesEveryCommitToDiskBeforeAnsweringWhenItKeepsData() throws Exception {
		var properties = new DatabaseProperties(dataDir,
				new DatabaseProperties.Db(null, null, null, false, 2, null, 0));

		try (EmbeddedServer server = EmbeddedServer.start(properties);
				HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties, server)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		}
	}

	@Test
	void takesServerSettingsButNeverLetsThemMakeCommitsLessDurable() throws Exception {
		var settings = Map.of("work_mem", "8MB", "synchronous_commit", "off", "fsync", "off");
		var properties = new DatabaseProperties(dataDir,
				new DatabaseProperties.Db(null, null, null, false, 2, settings, 0));

		try (EmbeddedServer server = EmbeddedServer.start(properties);
				HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties, server)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			assertThat(jdbc.sql("SHOW work_mem").query(String.class).single()).isEqualTo("8MB");
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		}
	}

}
