package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;
import org.unknot.TestNetwork;

/**
 * One client of the public API cannot take a node's memory with huge bodies, book faster
 * than any person, or hold a whole calendar; everyone else is still served. The limits
 * are set low here; clients are told apart by the address a trusted proxy (loopback)
 * forwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "unknot.api.bookings-per-minute=6", "unknot.booking.holds-per-client=3" })
@ActiveProfiles("test")
class HostileClientsTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	@BeforeEach
	void network() {
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Nested
	class AHugeBody {

		@Test
		void declaredIsRefusedWith413BeforeItIsRead() throws Exception {
			String head = "POST /api/v1/appointments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{\"service\": \"";

			String answer = exchange(head, "");

			assertThat(answer).startsWith("HTTP/1.1 413");
			assertThat(answer).contains("application/problem+json").contains("urn:unknot:problem:body-too-large");
		}

		@Test
		void sentInChunksIsRefusedWith413AtTheLimit() throws Exception {
			String head = "POST /api/v1/appointments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
			String chunk = "{\"x\": \"" + "a".repeat(300 * 1024) + "\"}";

			String answer = exchange(head, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");

			assertThat(answer).startsWith("HTTP/1.1 413");
			assertThat(answer).contains("urn:unknot:problem:body-too-large");
		}

		@Test
		void belowTheLimitIsReadAsUsual() throws Exception {
			String padded = booking(at(LocalDate.of(2027, 6, 7), 0), "client-body").replaceFirst("\\{",
					"{\"note\": \"" + "b".repeat(100 * 1024) + "\", ");

			HttpResponse<String> answer = post("/api/v1/appointments", padded, "203.0.113.10");

			assertThat(answer.statusCode()).as(answer.body()).isIn(201, 400);
			assertThat(answer.statusCode()).isNotEqualTo(413);
		}

	}

	@Nested
	class ManyBookingsFromOneAddress {

		@Test
		void beyondTheRateAreAnswered429WithRetryAfterWhileOthersBook() throws Exception {
			LocalDate day = LocalDate.of(2027, 6, 8);
			for (int i = 0; i < 6; i++) {
				HttpResponse<String> answer = post("/api/v1/appointments",
						booking(at(day.plusDays(i / 5), 90 * (i % 5)), "fast"), "198.51.100.1");
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			}

			HttpResponse<String> refused = post("/api/v1/appointments", booking(at(day.plusDays(1), 90), "fast"),
					"198.51.100.1");

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
				.hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
			assertThat(refused.body()).contains("urn:unknot:problem:too-many-bookings");
			assertThat(post("/api/v1/appointments", booking(at(day.plusDays(1), 90), "other"), "198.51.100.2")
				.statusCode()).as("another client").isEqualTo(201);
		}

	}

	@Nested
	class HoldsOfOneClient {

		@Test
		void stopAtTheCapUntilOneIsGivenBack() throws Exception {
			LocalDate day = LocalDate.of(2027, 6, 9);
			String client = "198.51.100.3";
			String first = null;
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> held = post("/api/v1/holds", slot(at(day, 90 * i)), client);
				assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
				first = first == null ? held.headers().firstValue("Location").orElseThrow() : first;
			}

			HttpResponse<String> refused = post("/api/v1/holds", slot(at(day, 270)), client);

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.body()).contains("urn:unknot:problem:too-many-holds");
			assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
				.hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 11L * 60));
			assertThat(post("/api/v1/holds", slot(at(day, 360)), "198.51.100.4").statusCode()).as("another client")
				.isEqualTo(201);

			HttpResponse<Void> released = HTTP.send(
					HttpRequest.newBuilder(uri(first)).header("X-Forwarded-For", client).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(released.statusCode()).isEqualTo(204);
			assertThat(post("/api/v1/holds", slot(at(day, 270)), client).statusCode()).as("after giving one back")
				.isEqualTo(201);
		}

	}

	@Nested
	class WebsiteVisitorsHoldingTimes {

		static final String WEEK = "2027-06-14";

		@Test
		void stopAtTheSameCapWithAMessageOnTheTimeStep() {
			FlowClient visitor = new FlowClient(port).from("198.51.100.20");
			List<String> slots = null;
			for (int i = 0; i < 3; i++) {
				String draft = timeStep(visitor);
				slots = slots == null ? visitor.get("/book/" + draft + "/when?week=" + WEEK).slots() : slots;
				Page held = visitor.post("/book/" + draft + "/when", Map.of("slot", slots.get(8 * i), "week", WEEK));
				assertThat(held.location()).as(held.toString()).isEqualTo("/book/" + draft + "/details");
			}

			String fourth = timeStep(visitor);
			Page refused = visitor.post("/book/" + fourth + "/when", Map.of("slot", slots.get(24), "week", WEEK));

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("text/html");
			assertThat(refused.text()).contains("Your connection already holds 3 times for bookings not yet finished")
				.containsPattern("choose again in (10|11) minutes");
			assertThat(refused.body()).contains("id=\"times-error\"");
			assertThat(liveHolds()).isEqualTo(3);
			FlowClient neighbour = new FlowClient(port).from("198.51.100.21");
			String theirs = timeStep(neighbour);
			assertThat(
					neighbour.post("/book/" + theirs + "/when", Map.of("slot", slots.get(24), "week", WEEK)).location())
				.as("another visitor")
				.endsWith("/details");
		}

		@Test
		void changingTheTimeGivesTheEarlierOneBackAndDoesNotCountTwice() {
			FlowClient visitor = new FlowClient(port).from("198.51.100.22");
			String draft = timeStep(visitor);
			List<String> slots = visitor.get("/book/" + draft + "/when?week=" + WEEK).slots();
			for (int i = 0; i < 5; i++) {
				assertThat(
						visitor.post("/book/" + draft + "/when", Map.of("slot", slots.get(i), "week", WEEK)).location())
					.endsWith("/details");
			}

			assertThat(liveHolds()).isEqualTo(1);
		}

		@Test
		void choosingFasterThanTheApiRateIsAskedToWaitOnThePage() throws Exception {
			FlowClient visitor = new FlowClient(port).from("198.51.100.23");
			String draft = timeStep(visitor);
			List<String> slots = visitor.get("/book/" + draft + "/when?week=" + WEEK).slots();
			assertThat(post("/api/v1/holds", slot(at(LocalDate.of(2027, 6, 21), 0)), "198.51.100.23").statusCode())
				.as("a hold through the API draws on the same allowance")
				.isEqualTo(201);
			for (int i = 0; i < 5; i++) {
				assertThat(
						visitor.post("/book/" + draft + "/when", Map.of("slot", slots.get(i), "week", WEEK)).location())
					.endsWith("/details");
			}

			Page refused = visitor.post("/book/" + draft + "/when", Map.of("slot", slots.get(5), "week", WEEK));

			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.text()).containsPattern("Please wait (\\d+ seconds|a second|a minute) and choose again");
			assertThat(liveHolds()).as("the API's hold and the time held before, kept").isEqualTo(2);
		}

		private String timeStep(FlowClient visitor) {
			String draft = visitor.post("/book", Map.of("service", TestNetwork.MASSAGE)).draftId();
			visitor.post("/book/" + draft + "/where", Map.of("location", clinic));
			assertThat(visitor.post("/book/" + draft + "/who", Map.of("practitioner", therapist)).location())
				.endsWith("/when");
			return draft;
		}

		private long liveHolds() {
			return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'pending'")
				.param(therapist)
				.query(Long.class)
				.single();
		}

	}

	/** A start on a weekday, so many minutes after nine in the morning. */
	private ZonedDateTime at(LocalDate day, int minutesAfterNine) {
		return ZonedDateTime.of(day, LocalTime.of(9, 0).plusMinutes(minutesAfterNine), NEW_YORK);
	}

	private String slot(ZonedDateTime start) {
		return """
				{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s"}"""
			.formatted(TestNetwork.MASSAGE, therapist, clinic, start.toOffsetDateTime());
	}

	private String booking(ZonedDateTime start, String who) {
		return """
				{"service": "%s", "practitioner": "%s", "location": "%s", "start": "%s",
				 "patient": {"givenName": "Hal", "familyName": "Hostile", "email": "%s-%s@example.org",
				 "birthDate": "1970-01-02"}}""".formatted(TestNetwork.MASSAGE, therapist, clinic,
				start.toOffsetDateTime(), who, UUID.randomUUID());
	}

	private HttpResponse<String> post(String path, String body, String client) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** Sends raw bytes and reads whatever the server answers before it closes. */
	private String exchange(String head, String rest) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			try {
				out.write(rest.getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException closedEarly) {
				// the server may answer and close before all of it is sent
			}
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int read; (read = in.read(buffer)) != -1;) {
					answer.write(buffer, 0, read);
					if (answer.toString(StandardCharsets.US_ASCII).contains("}")) {
						break;
					}
				}
			}
			catch (IOException reset) {
				// what arrived before the reset is the answer
			}
			return answer.toString(StandardCharsets.US_ASCII);
		}
	}

}
