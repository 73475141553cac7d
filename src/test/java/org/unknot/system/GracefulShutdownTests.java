package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unknot.UnknotApplication;

/**
 * A node told to stop (SIGTERM, as a load balancer's rolling upgrade does) first says it
 * is not ready, takes no new requests, finishes those it has, and does not wait for ever
 * on one that never ends.
 */
class GracefulShutdownTests {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String database = "unknot_shutdown_" + UUID.randomUUID().toString().substring(0, 8);

	private final SlowRequest slow = new SlowRequest();

	private ConfigurableApplicationContext node;

	@AfterEach
	void stop() {
		slow.release.countDown();
		if (node != null) {
			node.close();
		}
		TestDatabases.drop(database);
	}

	@Test
	void isReadyThenFinishesTheRequestInFlightWhileRefusingNewOnes() throws Exception {
		node = start("20s");
		int port = port();
		HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		HealthDescriptor database = node.getBean(HealthEndpoint.class).healthForPath("readiness", "db");
		assertThat(database).as("readiness asks the database too").isNotNull();
		assertThat(database.getStatus()).isEqualTo(Status.UP);
		CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(request(port, SlowRequest.PATH),
				HttpResponse.BodyHandlers.ofString());
		assertThat(slow.entered.await(10, TimeUnit.SECONDS)).as("the slow request reached the node").isTrue();

		CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
		waitUntil(() -> node.getBean(ApplicationAvailability.class)
			.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);

		assertThat(node.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus())
			.as("readiness while shutting down")
			.isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(newRequestIsTurnedAway(port)).as("a new request while shutting down").isTrue();
		assertThat(closing).as("the node waits for the request in flight").isNotDone();

		slow.release.countDown();

		HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("finished");
		closing.get(30, TimeUnit.SECONDS);
	}

	@Test
	void stopsWithinItsTimeoutWhenARequestNeverEnds() throws Exception {
		node = start("2s");
		HTTP.sendAsync(request(port(), SlowRequest.PATH), HttpResponse.BodyHandlers.discarding());
		assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		node.close();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
	}

	private ConfigurableApplicationContext start(String shutdownTimeout) {
		TestDatabases.createEmpty(database);
		DatabaseLogins logins = TestDatabases.logins(database);
		String key = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'g');
		// as in production: the application's own role, the migrations as the owner
		return new SpringApplicationBuilder(UnknotApplication.class).profiles("test")
			.initializers(context -> ((GenericApplicationContext) context).registerBean(SlowRequest.class, () -> slow))
			.run("--server.port=0", "--unknot.db.url=" + logins.url(), "--unknot.db.user=" + logins.app().user(),
					"--unknot.db.password=" + logins.app().password(),
					"--unknot.db.owner.user=" + logins.owner().user(), "--unknot.db.owner.password=",
					"--unknot.encryption.keys.shutdown=" + key, "--unknot.audit.key=" + key,
					"--spring.main.banner-mode=off",
					"--spring.lifecycle.timeout-per-shutdown-phase=" + shutdownTimeout);
	}

	private int port() {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/**
	 * A fresh connection is refused, or answered 503, once the node has begun to stop.
	 */
	private static boolean newRequestIsTurnedAway(int port) throws InterruptedException {
		HttpClient fresh = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		try {
			return fresh.send(request(port, "/actuator/health/readiness"), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 503;
		}
		catch (IOException refused) {
			return true;
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited for the node to begin stopping").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/**
	 * A request that takes as long as the test wants, registered only in this test's
	 * nodes (a filter, so that no component scan finds it).
	 */
	static final class SlowRequest extends OncePerRequestFilter {

		static final String PATH = "/slow-for-the-shutdown-test";

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!PATH.equals(request.getRequestURI())) {
				chain.doFilter(request, response);
				return;
			}
			entered.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			response.setContentType("text/plain");
			response.getWriter().write("finished");
		}

	}

}
