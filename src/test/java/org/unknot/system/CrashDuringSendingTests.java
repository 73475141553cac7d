package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;

/**
 * The whole application in a JVM of its own, killed with SIGKILL while its outbox hands
 * confirmations to an SMTP server (GreenMail, on loopback), then started again on the
 * same data: every message is delivered, none is lost, and a message goes out twice at
 * most once per kill (the one handed over when the node died, before it could record it),
 * with the same Message-ID, so a receiver that drops repeats shows it once.
 */
class CrashDuringSendingTests {

	private static final Logger log = LoggerFactory.getLogger(CrashDuringSendingTests.class);

	private static final int VISITS = 60;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path dataDir;

	GreenMail smtp;

	ChildNode node;

	@BeforeEach
	void start() throws Exception {
		smtp = new GreenMail(new ServerSetup(ChildNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		node = new ChildNode(dataDir);
	}

	@AfterEach
	void stop() throws Exception {
		node.close();
		smtp.stop();
	}

	@Test
	void deliversEveryMessageWithAtMostOneRepeatPerKill() throws Exception {
		Process booking = node.start(Duration.ofSeconds(120), sending("1h"));
		JdbcClient jdbc = node.jdbc();
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		for (int i = 0; i < VISITS; i++) {
			assertThat(book(therapist, clinic, i)).isEqualTo(201);
		}
		waitUntil(Duration.ofSeconds(60), () -> emails(jdbc) >= VISITS);
		booking.destroyForcibly().waitFor();

		Process sending = node.start(Duration.ofSeconds(120), sending("200ms"));
		waitUntil(Duration.ofSeconds(60), () -> smtp.getReceivedMessages().length >= 1);
		sending.destroyForcibly().waitFor();
		int beforeKill = smtp.getReceivedMessages().length;

		long restarted = System.nanoTime();
		node.start(Duration.ofSeconds(120), sending("200ms"));
		waitUntil(Duration.ofSeconds(120), () -> unsent(jdbc) == 0);
		long drainedMs = (System.nanoTime() - restarted) / 1_000_000;

		List<String> expected = jdbc
			.sql("SELECT message_id FROM outbox_message WHERE channel = 'EMAIL' AND kind = 'BOOKED'")
			.query(String.class)
			.list();
		Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
			.map(CrashDuringSendingTests::messageId)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		long repeats = received.values().stream().mapToLong(count -> count - 1).sum();
		log.info("Killed while sending after {} of {} messages; after the restart all sent in {} ms, {} repeated",
				beforeKill, expected.size(), drainedMs, repeats);
		assertThat(expected).hasSize(VISITS);
		assertThat(received.keySet()).as("every message delivered")
			.containsAll(expected.stream().map(CrashDuringSendingTests::bare).toList());
		assertThat(repeats).as("messages delivered twice: at most the one in hand at the kill").isLessThanOrEqualTo(1);
		assertThat(beforeKill).as("the kill came while sending").isLessThan(VISITS);
	}

	/**
	 * The dispatcher every {@code interval}, with a lease that runs out soon after a
	 * kill.
	 */
	private String[] sending(String interval) {
		return new String[] { "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--unknot.notification.dispatcher.enabled=true",
				"--unknot.notification.dispatcher.interval=" + interval, "--unknot.notification.dispatcher.lease=3s",
				"--unknot.notification.dispatcher.batch=5" };
	}

	private int book(String therapist, String clinic, int i) throws Exception {
		ZonedDateTime start = ZonedDateTime
			.of(LocalDate.of(2027, 10, 4).plusDays(i / 5 + (i / 25) * 2), LocalTime.of(9, 0),
					ZoneId.of(TestNetwork.ZONE))
			.plusMinutes(90L * (i % 5));
		String body = """
				{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s",
				 "patient": {"givenName": "Mel", "familyName": "Mailer", "email": "mel-%s@example.org",
				 "birthDate": "1975-08-09"}}""".formatted(TestNetwork.MASSAGE, therapist, clinic,
				start.toOffsetDateTime(), UUID.randomUUID());
		return HTTP
			.send(HttpRequest.newBuilder(node.uri("/api/v1/appointments"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static long emails(JdbcClient jdbc) {
		return jdbc.sql("SELECT count(*) FROM outbox_message WHERE channel = 'EMAIL' AND kind = 'BOOKED'")
			.query(Long.class)
			.single();
	}

	private static long unsent(JdbcClient jdbc) {
		return jdbc
			.sql("SELECT count(*) FROM outbox_message WHERE channel = 'EMAIL' AND kind = 'BOOKED' AND status <> 'sent'")
			.query(Long.class)
			.single();
	}

	private static String messageId(MimeMessage message) {
		try {
			return bare(message.getMessageID());
		}
		catch (MessagingException unreadable) {
			throw new AssertionError(unreadable);
		}
	}

	private static String bare(String messageId) {
		return messageId.replace("<", "").replace(">", "").strip();
	}

	private interface Condition {

		boolean holds() throws Exception;

	}

	private static void waitUntil(Duration limit, Condition condition) throws Exception {
		long end = System.nanoTime() + limit.toNanos();
		while (!condition.holds()) {
			assertThat(System.nanoTime() - end).as("waited %s", limit).isNegative();
			Thread.sleep(50);
		}
	}

}
