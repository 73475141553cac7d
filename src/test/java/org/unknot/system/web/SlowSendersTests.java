package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A benchmark in the build, scaled down: 60 connections from three addresses each declare
 * a 100 KB booking and send it a byte a second, reconnecting whenever they are answered,
 * on a node with 40 request threads (a fifth of the default, so that 60 is more than the
 * node has). Ordinary requests from another address keep their latency: p50 and p99 are
 * measured before and during the storm, in the same run. (Without the limits every thread
 * waits for a byte and the ordinary requests time out.) The figures go to the log and to
 * docs/benchmarks.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=40", "server.tomcat.connection-timeout=2s",
				"unknot.web.bodies.per-client=4", "unknot.web.bodies.at-once=16", "unknot.web.bodies.deadline=3s" })
@ActiveProfiles("test")
class SlowSendersTests {

	private static final Logger log = LoggerFactory.getLogger(SlowSendersTests.class);

	private static final int SLOW = 60;

	private static final List<String> ATTACKERS = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@Test
	void ordinaryRequestsKeepTheirLatencyWhileSlowBodiesTrickleIn() throws Exception {
		measure(50);
		Latency before = measure(150);

		AtomicBoolean storm = new AtomicBoolean(true);
		Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
		List<Long> answeredAfterMs = Collections.synchronizedList(new ArrayList<>());
		List<Thread> senders = new ArrayList<>();
		for (int i = 0; i < SLOW; i++) {
			String from = ATTACKERS.get(i % ATTACKERS.size());
			Thread sender = new Thread(() -> sendSlowlyUntil(storm, from, answers, answeredAfterMs),
					"slow-sender-" + i);
			sender.start();
			senders.add(sender);
		}
		Thread.sleep(1500);
		Latency during;
		String holdServed;
		try {
			during = measure(150);
			holdServed = ordinaryPost();
		}
		finally {
			storm.set(false);
		}
		for (Thread sender : senders) {
			sender.join(15_000);
		}

		log.info(
				"Slow senders: before p50 {} ms p99 {} ms; during p50 {} ms p99 {} ms; answers to slow senders {}; "
						+ "slowest answer {} ms",
				before.p50(), before.p99(), during.p50(), during.p99(), answers,
				answeredAfterMs.stream().mapToLong(Long::longValue).max().orElse(0));
		assertThat(during.failures()).as("ordinary requests that failed or timed out").isZero();
		// generous on a shared machine, yet far below what stalled requests show
		// (timeouts)
		assertThat(during.p50()).as("p50 during, against %s before", before.p50())
			.isLessThanOrEqualTo(5 * before.p50() + 100);
		assertThat(during.p99()).as("p99 during, against %s before", before.p99())
			.isLessThanOrEqualTo(10 * before.p99() + 1000);
		assertThat(holdServed).as("another client's booking request is still answered").startsWith("answered");
		assertThat(answers.keySet()).as("slow senders are refused at once or cut off at the deadline")
			.containsAnyOf(429, 503)
			.contains(408)
			.allMatch(status -> status == 429 || status == 503 || status == 408);
		assertThat(answeredAfterMs).as("no slow sender is kept beyond the deadline and a read timeout")
			.allMatch(ms -> ms < 3_000 + 2_000 + 3_000);
	}

	/**
	 * Sequential GETs of the catalog: how long each took, and how many failed or took
	 * over five seconds.
	 */
	private Latency measure(int requests) throws InterruptedException {
		List<Long> micros = new ArrayList<>();
		int failures = 0;
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> answer = HTTP.send(
						HttpRequest.newBuilder(uri("/api/v1/services")).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 200) {
					failures++;
				}
			}
			catch (IOException timedOut) {
				failures++;
			}
			micros.add((System.nanoTime() - start) / 1_000);
			Thread.sleep(10);
		}
		Collections.sort(micros);
		return new Latency(micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 99 / 100) / 1000.0,
				failures);
	}

	/**
	 * A booking request with a small body from an ordinary client, on a connection of its
	 * own: what became of it.
	 */
	private String ordinaryPost() throws InterruptedException {
		long start = System.nanoTime();
		try {
			HttpResponse<String> answer = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(HttpRequest.newBuilder(uri("/api/v1/holds"))
					.timeout(Duration.ofSeconds(5))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"service\": \"none\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			long millis = (System.nanoTime() - start) / 1_000_000;
			boolean refusedAsARequest = answer.statusCode() >= 400 && answer.statusCode() < 500
					&& answer.statusCode() != 408 && answer.statusCode() != 429;
			return (refusedAsARequest ? "answered " : "refused ") + answer.statusCode() + " in " + millis + " ms: "
					+ answer.body();
		}
		catch (IOException failed) {
			return "failed: " + failed;
		}
	}

	/**
	 * One slow client: declares a 100 KB booking and sends a byte a second until it is
	 * answered, then does it again (after the second {@code Retry-After} asks for when
	 * refused), until the storm ends.
	 */
	private void sendSlowlyUntil(AtomicBoolean storm, String from, Map<Integer, AtomicInteger> answers,
			List<Long> answeredAfterMs) {
		while (storm.get()) {
			long start = System.nanoTime();
			try (Socket socket = new Socket()) {
				socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
				socket.setSoTimeout(200);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /api/v1/appointments HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				int status = awaitAnswer(socket, out, storm);
				if (status > 0) {
					answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
					answeredAfterMs.add((System.nanoTime() - start) / 1_000_000);
				}
				if (status == 429 || status == 503) {
					// as Retry-After says
					Thread.sleep(1000);
				}
			}
			catch (IOException refused) {
				answers.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The status of the answer, or 0 if the storm ended first. */
	private static int awaitAnswer(Socket socket, OutputStream out, AtomicBoolean storm) throws IOException {
		InputStream in = socket.getInputStream();
		byte[] head = new byte[12];
		int read = 0;
		long nextByte = System.nanoTime();
		while (storm.get()) {
			if (System.nanoTime() - nextByte >= 0) {
				try {
					out.write(' ');
					out.flush();
				}
				catch (IOException closed) {
					// the server stopped reading; its answer may still be there
				}
				nextByte = System.nanoTime() + 1_000_000_000L;
			}
			try {
				int n = in.read(head, read, head.length - read);
				if (n < 0) {
					return read >= 12 ? status(head) : -1;
				}
				read += n;
				if (read >= 12) {
					return status(head);
				}
			}
			catch (java.net.SocketTimeoutException nothingYet) {
				// keep sending
			}
		}
		return 0;
	}

	private static int status(byte[] head) {
		return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	record Latency(double p50, double p99, int failures) {
	}

}
