package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Unknot started again on the data directory of one that was killed comes up within
 * seconds with everything it had committed, whatever the killed one left behind.
 */
class RestartAfterCrashTests {

	@TempDir
	Path dataDir;

	@Nested
	class WhenTheKilledJvmLeftItsPostgresRunning {

		@Test
		void stopsTheOrphanAndStartsWithinSecondsWithTheDataIntact() throws Exception {
			int port = freePort();
			Process child = startChildJvm(port);
			long orphan;
			try {
				waitFor(dataDir.resolve("ready"), child);
				orphan = pidIn(postgresDir());
			}
			finally {
				child.destroyForcibly().waitFor();
			}
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned postgres").contains(true);

			long started = System.nanoTime();
			try (EmbeddedServer server = EmbeddedServer.start(properties(port));
					HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties(port), server)) {
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
				assertThat(JdbcClient.create(pool).sql("SELECT note FROM visit").query(String.class).list())
					.containsExactly("booked before the crash");
			}
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		}

	}

	@Nested
	class WhenALockFileOutlivedItsServer {

		@Test
		void startsWhenTheProcessItNamesIsGone() throws Exception {
			keepANote();
			Process gone = new ProcessBuilder("true").start();
			gone.waitFor();
			writeLockFile(gone.pid());

			assertThat(notesAfterRestart()).containsExactly("kept");
		}

		@Test
		void startsWhenItsNumberNowBelongsToAnotherProgram() throws Exception {
			keepANote();
			writeLockFile(ProcessHandle.current().pid());

			assertThat(notesAfterRestart()).containsExactly("kept");
		}

		private void writeLockFile(long pid) throws IOException {
			Files.writeString(postgresDir().resolve("postmaster.pid"),
					pid + "\n" + postgresDir() + "\n1765000000\n54329\n/tmp\nlocalhost\n  5432001         0\nready\n");
		}

	}

	@Nested
	class AFixedPort {

		@Test
		void takenByAnotherProgramIsRefusedNamingThePortAndTheSetting() throws Exception {
			try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				int port = other.getLocalPort();

				assertThatThrownBy(() -> EmbeddedServer.start(properties(port)))
					.isInstanceOf(LeftoverPostmaster.EmbeddedPortTaken.class)
					.hasMessageContaining("Port " + port)
					.hasMessageContaining("unknot.db.embedded-port");
			}
		}

		@Test
		void isTheOneTheServerListensOn() throws Exception {
			int port = freePort();

			try (EmbeddedServer server = EmbeddedServer.start(properties(port))) {
				assertThat(server.jdbcUrl()).contains("localhost:" + port + "/");
			}
		}

	}

	@Test
	void leavesAServerThatARunningUnknotStillUsesAlone() throws Exception {
		int port = freePort();
		try (EmbeddedServer running = EmbeddedServer.start(properties(port));
				HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties(port), running)) {

			assertThatThrownBy(() -> EmbeddedServer.start(properties(freePort())))
				.hasMessageContaining("Another running Unknot uses the data directory");

			assertThat(JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
		}
	}

	private void keepANote() throws Exception {
		try (EmbeddedServer server = EmbeddedServer.start(properties(0));
				HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties(0), server)) {
			JdbcClient jdbc = JdbcClient.create(pool);
			jdbc.sql("CREATE TABLE visit (note text)").update();
			jdbc.sql("INSERT INTO visit VALUES ('kept')").update();
		}
	}

	private List<String> notesAfterRestart() throws Exception {
		try (EmbeddedServer server = EmbeddedServer.start(properties(0));
				HikariDataSource pool = new DatabaseConfiguration().ownerPool(properties(0), server)) {
			return JdbcClient.create(pool).sql("SELECT note FROM visit").query(String.class).list();
		}
	}

	private DatabaseProperties properties(int port) {
		return new DatabaseProperties(dataDir, new DatabaseProperties.Db(null, null, null, false, 2, Map.of(), port));
	}

	private Path postgresDir() {
		return dataDir.resolve("postgres").toAbsolutePath();
	}

	private Process startChildJvm(int port) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedServerInAChildJvm.class.getName(), dataDir.toString(), Integer.toString(port))
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("child.log").toFile())
			.start();
	}

	private static void waitFor(Path file, Process child) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
		while (!Files.exists(file)) {
			assertThat(child.isAlive()).as("the child JVM runs").isTrue();
			assertThat(System.nanoTime()).as("the child JVM started its PostgreSQL in time").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static long pidIn(Path postgresDir) throws IOException {
		return Long.parseLong(Files.readAllLines(postgresDir.resolve("postmaster.pid")).get(0).trim());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
