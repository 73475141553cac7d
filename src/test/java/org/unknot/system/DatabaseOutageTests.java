package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.unknot.TestNetwork;
import org.unknot.system.DatabaseConfiguration.EmbeddedServer;

/**
 * kill -9 of the embedded PostgreSQL's postmaster while clients book: the API answers 503
 * problems with {@code Retry-After} within the pool's connection wait (never a 500, never
 * after 30 s), readiness goes DOWN, and once the server is watched it is started again on
 * the same data, the node recovers by itself, and every booking answered 201 is there.
 * The watch is started by the test after the outage has been seen (in production it runs
 * from the start, every {@code unknot.db.embedded-watch}), so that the outage lasts long
 * enough to be observed on a busy machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "unknot.db.ephemeral=false", "unknot.db.connection-timeout=1s", "unknot.db.embedded-watch=1h" })
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTests {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTests.class);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	private static Path dataDir;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedServer server;

	@DynamicPropertySource
	static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("unknot-outage");
		int dbPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			dbPort = socket.getLocalPort();
		}
		registry.add("unknot.data-dir", dataDir::toString);
		registry.add("unknot.db.embedded-port", () -> dbPort);
	}

	@AfterAll
	static void removeDataDirectory() throws IOException {
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void answers503WhileThePostmasterIsDeadAndRecoversByItself() throws Exception {
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(4, 0, 0);
		List<String> therapists = List.of(network.therapist(), network.therapist(), network.therapist());
		therapists.forEach(therapist -> network.weekdays(therapist, clinic));
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean booking = new AtomicBoolean(true);
		List<Thread> clients = new ArrayList<>();
		for (int c = 0; c < therapists.size(); c++) {
			String therapist = therapists.get(c);
			Thread client = new Thread(() -> bookUntilStopped(booking, clinic, therapist, answers), "booker-" + c);
			client.start();
			clients.add(client);
		}
		waitUntil(Duration.ofSeconds(30), () -> count(answers, 201) >= 6);

		long killedAt = System.nanoTime();
		ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly();
		waitUntil(Duration.ofSeconds(20), () -> count(answers, 503) >= 3);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("readiness while the database is gone").isEqualTo(503);
		assertThat(readiness.body()).contains("DOWN");

		server.watch(Duration.ofMillis(250));
		waitUntil(Duration.ofSeconds(60), () -> get("/actuator/health/readiness").statusCode() == 200);
		long recoveredMs = (System.nanoTime() - killedAt) / 1_000_000;
		int okBeforeRecovery = count(answers, 201);
		waitUntil(Duration.ofSeconds(30), () -> count(answers, 201) >= okBeforeRecovery + 6);
		booking.set(false);
		for (Thread client : clients) {
			client.join(30_000);
		}

		log.info(
				"Postmaster killed: {} answers ({} x 201, {} x 503, others {}); slowest 503 {} ms; "
						+ "ready again {} ms after the kill",
				answers.size(), count(answers, 201), count(answers, 503),
				answers.stream().filter(a -> a.status() != 201 && a.status() != 503).map(Answer::status).toList(),
				answers.stream().filter(a -> a.status() == 503).mapToLong(Answer::millis).max().orElse(0), recoveredMs);
		assertThat(answers).as("no answer is a 500, or anything but booked, unavailable or taken")
			.allMatch(a -> a.status() == 201 || a.status() == 503 || a.status() == 409);
		assertThat(answers).filteredOn(a -> a.status() == 503)
			.allMatch(a -> a.problem() && a.retryAfter(), "a problem with Retry-After")
			.allMatch(a -> a.millis() < 10_000, "answered within seconds");
		List<String> confirmed = answers.stream().filter(a -> a.status() == 201).map(Answer::id).toList();
		assertThat(jdbc.sql("SELECT count(*) FROM appointment WHERE status = 'booked' AND id::text IN (:ids)")
			.param("ids", confirmed)
			.query(Integer.class)
			.single()).as("every booking answered 201 is there").isEqualTo(confirmed.size());
		therapists.forEach(therapist -> assertThat(network.overlapsOf(therapist)).isZero());
	}

	private void bookUntilStopped(AtomicBoolean booking, String clinic, String therapist, List<Answer> answers) {
		LocalDate day = LocalDate.of(2027, 9, 6);
		for (int i = 0; booking.get(); i++) {
			ZonedDateTime start = ZonedDateTime.of(day.plusDays(i / 5 + (i / 25) * 2), LocalTime.of(9, 0), NEW_YORK)
				.plusMinutes(90L * (i % 5));
			String body = """
					{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s",
					 "patient": {"givenName": "Pat", "familyName": "Outage", "email": "pat-%s@example.org",
					 "birthDate": "1980-05-06"}}""".formatted(TestNetwork.MASSAGE, therapist, clinic,
					start.toOffsetDateTime(), UUID.randomUUID());
			long sent = System.nanoTime();
			try {
				HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/appointments"))
					.timeout(Duration.ofSeconds(40))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(), HttpResponse.BodyHandlers.ofString());
				answers.add(new Answer(answer.statusCode(), (System.nanoTime() - sent) / 1_000_000,
						answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
						answer.headers().firstValue("Retry-After").isPresent(),
						answer.headers()
							.firstValue("Location")
							.map(l -> l.substring(l.lastIndexOf('/') + 1))
							.orElse("")));
				if (answer.statusCode() == 503) {
					Thread.sleep(100);
				}
			}
			catch (IOException failed) {
				answers.add(new Answer(-1, (System.nanoTime() - sent) / 1_000_000, false, false, ""));
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Read from the lock file in the node's data directory: the application's role may
	 * not ask the server where its data lives.
	 */
	private long postmasterPid() throws IOException {
		return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
	}

	private static int count(List<Answer> answers, int status) {
		synchronized (answers) {
			return (int) answers.stream().filter(a -> a.status() == status).count();
		}
	}

	private HttpResponse<String> get(String path) {
		try {
			return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException failed) {
			throw new AssertionError(failed);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() - end).as("waited %s", limit).isNegative();
			Thread.sleep(100);
		}
	}

	record Answer(int status, long millis, boolean problem, boolean retryAfter, String id) {
	}

}
