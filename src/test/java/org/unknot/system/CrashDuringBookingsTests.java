package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;

/**
 * The whole application in a JVM of its own, killed with SIGKILL while clients book
 * single visits and weekly series over HTTP, then started again on the same data
 * directory: every visit answered 201 is there, no practitioner is booked twice at once,
 * and nothing is half written (each visit has its payer, intake and audit entries, each
 * series all of its visits).
 */
class CrashDuringBookingsTests {

	private static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 15);

	private static final int SERIES_LENGTH = 4;

	/** Seconds a hold lasts in this test: over before the restarted node is ready. */
	private static final int HOLD = 3;

	private static final String INTAKE = """
			{"regions": ["NECK"], "intensity": 5, "duration": "OVER_THREE_MONTHS", "causes": [], "redFlags": []}""";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@TempDir
	Path dataDir;

	private ChildNode node;

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	@AfterEach
	void stopChildren() throws Exception {
		node.close();
	}

	@Test
	void keepsEveryAnsweredBookingAndNoHalfOfAnyWhenKilledMidStorm() throws Exception {
		node = new ChildNode(dataDir);
		Process first = node.start(Duration.ofSeconds(90), settings());
		JdbcClient jdbc = node.jdbc();
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(4, 0, 0);
		List<String> therapists = List.of(network.therapist(), network.therapist());
		String seriesTherapist = network.therapist();
		for (String therapist : List.of(therapists.get(0), therapists.get(1), seriesTherapist)) {
			network.weekdays(therapist, clinic);
		}

		// held (for HOLD seconds) just before the kill, by a client that then vanished
		String holdsTherapist = network.therapist();
		network.weekdays(holdsTherapist, clinic);
		List<ZonedDateTime> held = List.of(ZonedDateTime.of(FIRST_DAY, LocalTime.of(9, 0), NEW_YORK),
				ZonedDateTime.of(FIRST_DAY, LocalTime.of(11, 0), NEW_YORK));
		for (ZonedDateTime start : held) {
			assertThat(hold(holdsTherapist, clinic, start)).isEqualTo(201);
		}
		Queue<String> booked = new ConcurrentLinkedQueue<>();
		Queue<String> seriesBooked = new ConcurrentLinkedQueue<>();
		AtomicInteger answers = new AtomicInteger();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		for (int client = 0; client < 6; client++) {
			Random random = new Random(1_600 + client);
			clients.submit(() -> bookUntilKilled(killed, answers, () -> {
				String therapist = therapists.get(random.nextInt(therapists.size()));
				post("/api/v1/appointments", visit(therapist, clinic, someTime(random)), booked);
			}));
		}
		for (int client = 0; client < 2; client++) {
			Random random = new Random(1_700 + client);
			clients.submit(() -> bookUntilKilled(killed, answers,
					() -> post("/api/v1/series", series(seriesTherapist, clinic, someTime(random)), seriesBooked)));
		}

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while ((booked.size() < 25 || seriesBooked.size() < 2) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		first.destroyForcibly().waitFor();
		killed.set(true);
		clients.shutdown();
		assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).as("the clients stopped").isTrue();
		assertThat(booked).as("visits answered 201 before the kill").hasSizeGreaterThanOrEqualTo(10);
		assertThat(statuses).as("answers before the kill: booked, or taken already").containsOnly(201, 409);

		long restarting = System.nanoTime();
		node.start(Duration.ofSeconds(60), settings());
		Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
		LoggerFactory.getLogger(getClass())
			.warn("Ready again {} ms after the kill; {} visits and {} series answered 201 of {} answers",
					restart.toMillis(), booked.size(), seriesBooked.size(), answers.get());
		assertThat(restart).as("the start after the kill").isLessThan(Duration.ofSeconds(45));

		jdbc = node.jdbc();
		assertThat(live(jdbc, booked)).as("every visit answered 201 is there and live").isEqualTo(booked.size());
		for (String therapist : List.of(therapists.get(0), therapists.get(1), seriesTherapist)) {
			assertThat(new TestNetwork(jdbc).overlapsOf(therapist)).as("overlapping visits").isZero();
		}
		assertThat(count(jdbc,
				"SELECT count(*) FROM appointment a WHERE a.status = 'booked' "
						+ "AND NOT EXISTS (SELECT 1 FROM appointment_insurance i WHERE i.appointment_id = a.id)"))
			.as("visits without their payer")
			.isZero();
		assertThat(count(jdbc,
				"SELECT count(*) FROM appointment a WHERE a.status = 'booked' "
						+ "AND NOT EXISTS (SELECT 1 FROM appointment_intake i WHERE i.appointment_id = a.id)"))
			.as("visits without their intake")
			.isZero();
		assertThat(count(jdbc,
				"SELECT count(*) FROM appointment a WHERE a.status = 'booked' AND (NOT EXISTS "
						+ "(SELECT 1 FROM audit_entry e WHERE e.subject = 'insurance:' || a.id) OR NOT EXISTS "
						+ "(SELECT 1 FROM audit_entry e WHERE e.subject = 'intake:' || a.id))"))
			.as("visits without their audit entries")
			.isZero();
		assertThat(count(jdbc,
				"SELECT count(*) FROM appointment_series s WHERE s.occurrences <> "
						+ "(SELECT count(*) FROM appointment a WHERE a.series_id = s.id AND a.status = 'booked')"))
			.as("series with a visit missing")
			.isZero();
		for (ZonedDateTime start : held) {
			assertThat(
					post("/api/v1/appointments", visit(holdsTherapist, clinic, start), new ConcurrentLinkedQueue<>()))
				.as("a time held before the kill, once its hold ran out")
				.isEqualTo(201);
		}
		for (String series : seriesBooked) {
			assertThat(count(jdbc, "SELECT count(*) FROM appointment WHERE series_id = '" + series + "'::uuid"))
				.as("visits of series " + series)
				.isEqualTo(SERIES_LENGTH);
		}
	}

	private interface Attempt {

		void run() throws IOException, InterruptedException;

	}

	/** Tries again and again until the node is gone. */
	private static void bookUntilKilled(AtomicBoolean killed, AtomicInteger answers, Attempt attempt) {
		while (!killed.get()) {
			try {
				attempt.run();
				answers.incrementAndGet();
			}
			catch (IOException | InterruptedException gone) {
				return;
			}
		}
	}

	private ZonedDateTime someTime(Random random) {
		LocalDate day = FIRST_DAY.plusDays(random.nextInt(5));
		LocalTime time = LocalTime.of(9, 0).plusMinutes(15L * random.nextInt(28));
		return ZonedDateTime.of(day, time, NEW_YORK);
	}

	private static String visit(String therapist, String clinic, ZonedDateTime start) {
		return """
				{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s", "patient": %s, "intake": %s}"""
			.formatted(TestNetwork.MASSAGE, therapist, clinic, start.toOffsetDateTime(), patient(), INTAKE);
	}

	private static String series(String therapist, String clinic, ZonedDateTime first) {
		return """
				{"service": "%s", "practitioner": "%s", "location": "%s", "firstStart": "%s", "every": "P1W",
				 "count": %d, "allOrNothing": true, "patient": %s, "intake": %s}""".formatted(TestNetwork.MASSAGE,
				therapist, clinic, first.toOffsetDateTime(), SERIES_LENGTH, patient(), INTAKE);
	}

	private static String patient() {
		return """
				{"givenName": "Sam", "familyName": "Stormer", "email": "sam-%s@example.org", "birthDate": "1979-02-03"}"""
			.formatted(UUID.randomUUID());
	}

	/**
	 * Posts, and keeps the id from {@code Location} when the answer is 201.
	 */
	private int hold(String therapist, String clinic, ZonedDateTime start) throws IOException, InterruptedException {
		String slot = """
				{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s"}"""
			.formatted(TestNetwork.MASSAGE, therapist, clinic, start.toOffsetDateTime());
		return post("/api/v1/holds", slot, new ConcurrentLinkedQueue<>());
	}

	private int post(String path, String body, Queue<String> created) throws IOException, InterruptedException {
		HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(node.uri(path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
		statuses.add(answer.statusCode());
		if (answer.statusCode() == 201) {
			Optional<String> location = answer.headers().firstValue("Location");
			created.add(location.orElseThrow().substring(location.get().lastIndexOf('/') + 1));
		}
		return answer.statusCode();
	}

	private static long live(JdbcClient jdbc, Queue<String> ids) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE id::text = ANY(?) AND status = 'booked'")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String[] settings() {
		// the storm books from one address faster than any client may
		return new String[] { "--unknot.api.bookings-per-minute=1000000",
				"--unknot.booking.hold-duration=" + HOLD + "s" };
	}

}
