package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.IDEMPOTENCY_KEY;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;

import tools.jackson.databind.ObjectMapper;

/**
 * A client that retries a POST with the same {@code Idempotency-Key} gets the first
 * answer again and never a second booking; reusing a key for another request, or while
 * the first is still running, is refused.
 */
@UnknotIntegrationTest
class IdempotencyTests {

	static final String APPOINTMENTS = "/api/v1/appointments";
	static final OffsetDateTime TEN = newYork("2027-03-15T10:00");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	ApiClient api;

	TestNetwork network;

	String clinic;

	String therapist;

	String key;

	@BeforeEach
	void openAClinic() {
		api = new ApiClient(port, json);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		key = UUID.randomUUID().toString();
	}

	@Nested
	class WhenARequestIsRetried {

		@Test
		void replaysTheFirstAnswerWithoutBookingAgain() {
			String body = booking(TEN);
			Answer first = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			Answer retried = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			assertThat(first.status()).as(first.body()).isEqualTo(201);
			assertThat(first.header("Idempotent-Replayed")).isNull();
			assertThat(retried.status()).isEqualTo(201);
			assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(retried.body()).isEqualTo(first.body());
			assertThat(retried.id()).isEqualTo(first.id());
			assertThat(retried.token()).isEqualTo(first.token());
			assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
			assertThat(retried.contentType()).startsWith("application/json");
			assertThat(appointmentRows()).isEqualTo(1);
		}

		@Test
		void replaysAsOftenAsItIsRetried() {
			String body = booking(TEN);
			Answer first = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			for (int i = 0; i < 3; i++) {
				assertThat(api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key).id()).isEqualTo(first.id());
			}
			assertThat(appointmentRows()).isEqualTo(1);
		}

		@Test
		void replaysAHold() {
			String body = api.write(ApiClient.slot(TestNetwork.MASSAGE, therapist, clinic, TEN));
			Answer first = api.post("/api/v1/holds", body, IDEMPOTENCY_KEY, key);

			Answer retried = api.post("/api/v1/holds", body, IDEMPOTENCY_KEY, key);

			assertThat(retried.status()).isEqualTo(201);
			assertThat(retried.id()).isEqualTo(first.id());
			assertThat(appointmentRows()).isEqualTo(1);
		}

		@Test
		void replaysAClientErrorAsTheSameClientError() {
			String blocker = booking(TEN);
			Answer taken = api.post(APPOINTMENTS, blocker);
			String body = booking(TEN);
			Answer refused = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);
			assertThat(refused.status()).isEqualTo(409);
			api.cancel(taken.id(), taken.token());

			Answer retried = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			assertThat(retried.status()).as("the first answer, although the time is free by now").isEqualTo(409);
			assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(retried.contentType()).startsWith("application/problem+json");
			assertThat(retried.body()).isEqualTo(refused.body());
			assertThat(bookedRows()).isZero();
		}

		@Test
		void replaysAnUnprocessableRequestAsUnprocessable() {
			String body = booking(newYork("2027-03-15T09:07"));
			Answer first = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			Answer retried = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			assertThat(first.status()).isEqualTo(422);
			assertThat(retried.status()).isEqualTo(422);
			assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(retried.body()).isEqualTo(first.body());
		}

		@Test
		void keepsKeysApartPerEndpoint() {
			api.post("/api/v1/holds", api.write(ApiClient.slot(TestNetwork.MASSAGE, therapist, clinic, TEN)),
					IDEMPOTENCY_KEY, key);

			Answer booked = api.post(APPOINTMENTS, booking(TEN.plusHours(2)), IDEMPOTENCY_KEY, key);

			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			assertThat(booked.header("Idempotent-Replayed")).isNull();
		}

	}

	@Nested
	class WhenAKeyIsMisused {

		@Test
		void refusesTheSameKeyWithAnotherBody() {
			Answer first = api.post(APPOINTMENTS, booking(TEN), IDEMPOTENCY_KEY, key);

			Answer other = api.post(APPOINTMENTS, booking(TEN.plusHours(2)), IDEMPOTENCY_KEY, key);

			assertThat(first.status()).isEqualTo(201);
			assertThat(other.status()).isEqualTo(422);
			assertThat(other.contentType()).startsWith("application/problem+json");
			assertThat(other.problemType()).isEqualTo("idempotency-key-reused");
			assertThat(other.errorFields()).containsExactly(IDEMPOTENCY_KEY);
			assertThat(appointmentRows()).isEqualTo(1);
		}

		@Test
		void refusesAKeyWhoseFirstRequestIsStillInProgress() {
			String body = booking(TEN);
			jdbc.sql("""
					INSERT INTO idempotency_record (scope, key, request_hash, state)
					VALUES ('POST /api/v1/appointments', ?, ?, 'IN_PROGRESS')""").params(key, sha256(body)).update();

			Answer answer = api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);

			assertThat(answer.status()).isEqualTo(409);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.problemType()).isEqualTo("idempotency-key-in-progress");
			assertThat(appointmentRows()).isZero();
		}

		@Test
		void createsOneBookingWhenRetriesArriveAllAtOnce() throws Exception {
			String body = booking(TEN);
			int retries = 20;
			ExecutorService pool = Executors.newFixedThreadPool(retries);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Answer>> sent = new ArrayList<>();
			for (int i = 0; i < retries; i++) {
				sent.add(pool.submit(() -> {
					go.await();
					return api.post(APPOINTMENTS, body, IDEMPOTENCY_KEY, key);
				}));
			}
			go.countDown();
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> answer : sent) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
			pool.shutdown();

			assertThat(answers).extracting(Answer::status).containsOnly(201, 409);
			assertThat(answers).filteredOn(answer -> answer.status() == 201)
				.extracting(Answer::id)
				.hasSizeGreaterThanOrEqualTo(1)
				.containsOnly(answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow().id());
			assertThat(answers).filteredOn(answer -> answer.status() == 409)
				.extracting(Answer::problemType)
				.containsOnly("idempotency-key-in-progress");
			assertThat(answers)
				.filteredOn(answer -> answer.status() == 201 && answer.header("Idempotent-Replayed") == null)
				.hasSize(1);
			assertThat(appointmentRows()).isEqualTo(1);
		}

		@Test
		void refusesAnOverlongKey() {
			Answer overlong = api.post(APPOINTMENTS, booking(TEN), IDEMPOTENCY_KEY, "k".repeat(256));

			assertThat(overlong.status()).isEqualTo(400);
			assertThat(overlong.contentType()).startsWith("application/problem+json");
			assertThat(appointmentRows()).isZero();
		}

	}

	private String booking(OffsetDateTime start) {
		return api.write(ApiClient.booking(TestNetwork.MASSAGE, therapist, clinic, start, newPatient()));
	}

	private long appointmentRows() {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ?")
			.param(therapist)
			.query(Long.class)
			.single();
	}

	private long bookedRows() {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
			.param(therapist)
			.query(Long.class)
			.single();
	}

	private static byte[] sha256(String body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
