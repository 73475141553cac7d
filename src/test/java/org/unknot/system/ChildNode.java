package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.unknot.UnknotApplication;

/**
 * The whole application as {@code java -jar} would start it, in a JVM of its own on one
 * data directory, for tests that kill it with SIGKILL and start it again. Every node
 * started here shares the data directory, the ports and the encryption key.
 */
final class ChildNode implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Path dataDir;

	private final int httpPort;

	private final int dbPort;

	private final String key = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'c');

	private final List<Process> children = new ArrayList<>();

	ChildNode(Path dataDir) throws IOException {
		this.dataDir = dataDir;
		this.httpPort = freePort();
		this.dbPort = freePort();
	}

	int httpPort() {
		return httpPort;
	}

	/**
	 * Starts a node with these settings besides the shared ones, and waits until ready.
	 */
	Process start(Duration within, String... settings) throws Exception {
		Process child = new ProcessBuilder(commandLine(settings)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile()))
			.start();
		children.add(child);
		awaitReady(child, within);
		return child;
	}

	/** What a command printed, and the process's exit code. */
	record Ran(int exitCode, String output) {
	}

	/**
	 * Runs {@code --unknot.command=name} with the same settings a node gets (its ports
	 * included), and waits for it to end.
	 */
	Ran command(Duration within, String name, String... settings) throws Exception {
		List<String> all = new ArrayList<>(List.of(settings));
		all.add("--unknot.command=" + name);
		Path output = Files.createTempFile("unknot-" + name, ".log");
		Process child = new ProcessBuilder(commandLine(all.toArray(String[]::new))).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		children.add(child);
		if (!child.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
			child.destroyForcibly().waitFor();
			throw new AssertionError(
					"The command " + name + " did not end within " + within + ":\n" + Files.readString(output));
		}
		String printed = Files.readString(output);
		Files.delete(output);
		return new Ran(child.exitValue(), printed);
	}

	int dbPort() {
		return dbPort;
	}

	private List<String> commandLine(String... settings) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), UnknotApplication.class.getName(), "--server.port=" + httpPort,
				"--server.address=127.0.0.1", "--unknot.data-dir=" + dataDir, "--unknot.db.embedded-port=" + dbPort,
				"--unknot.encryption.keys.crash=" + key, "--unknot.demo.load-when-empty=false",
				"--spring.main.banner-mode=off"));
		command.addAll(List.of(settings));
		return command;
	}

	JdbcClient jdbc() {
		return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
				"jdbc:postgresql://localhost:" + dbPort + "/unknot", "postgres", ""));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + httpPort + path);
	}

	private void awaitReady(Process child, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			assertThat(child.isAlive()).as("the node runs (see %s)", dataDir.resolve("node.log")).isTrue();
			assertThat(System.nanoTime()).as("the node became ready in time").isLessThan(deadline);
			try {
				HttpResponse<Void> readiness = HTTP.send(
						HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (readiness.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(100);
		}
	}

	/**
	 * Stops every node still running, and the postgres a killed one left behind (ours, by
	 * its number).
	 */
	@Override
	public void close() throws Exception {
		for (Process child : children) {
			child.destroy();
			if (!child.waitFor(30, TimeUnit.SECONDS)) {
				child.destroyForcibly().waitFor();
			}
		}
		Path lock = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (Files.exists(lock)) {
			long pid = Long.parseLong(Files.readAllLines(lock).get(0).trim());
			ProcessHandle.of(pid)
				.filter(process -> process.info().command().orElse("").contains("postgres"))
				.ifPresent(ProcessHandle::destroy);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
