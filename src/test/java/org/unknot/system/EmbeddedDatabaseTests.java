package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

import com.zaxxer.hikari.HikariDataSource;

@ExtendWith(OutputCaptureExtension.class)
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

	@Test
	void saysOnceThatItsDataDirectoryIsGoneAndStartsAgainOnceItIsBack(CapturedOutput output) throws Exception {
		var properties = new DatabaseProperties(dataDir,
				new DatabaseProperties.Db(null, null, null, false, 2, null, 0));
		Path data = dataDir.resolve("postgres");
		Path away = dataDir.resolve("postgres-away");

		try (EmbeddedServer server = EmbeddedServer.start(properties)) {
			long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
			ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
			killed.destroyForcibly();
			killed.onExit().join();
			Files.move(data, away);

			for (int look = 0; look < 5; look++) {
				server.restartIfGone();
			}
			assertThat(output.getOut().split("its data directory .* is gone", -1)).hasSize(2);
			assertThat(server.running()).isFalse();

			Files.move(away, data);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!server.running() && Instant.now().isBefore(deadline)) {
				server.restartIfGone();
				Thread.sleep(200);
			}
			assertThat(server.running()).isTrue();
			try (HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties, server)) {
				assertThat(JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
			}
		}
	}

}
