package org.unknot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.unknot.UnknotApplication;

/**
 * How long the server takes to answer an article page and a practitioner page (with its
 * next free times, which run the availability engine), on the demo network in an
 * ephemeral embedded database. Sequential requests over loopback from one client, after a
 * warm-up; the time is from sending the request to having the whole body, so it includes
 * the HTTP round trip.
 *
 * <pre>
 * ./mvnw -Pbench -Dbuild.dir=target-pages test-compile exec:java -Dbench.main=org.unknot.bench.SitePagesBenchmark
 * </pre>
 */
public final class SitePagesBenchmark {

	private static final int WARM_UP = 300;

	private static final int MEASURED = 2000;

	private SitePagesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		SpringApplication application = new SpringApplication(UnknotApplication.class);
		application.setDefaultProperties(java.util.Map.of("server.port", "0", "unknot.db.ephemeral", "true",
				"unknot.demo.load-when-empty", "true", "logging.level.root", "warn"));
		try (ConfigurableApplicationContext context = application.run()) {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String directory = get(http, base + "/practitioners");
			Matcher practitioner = Pattern.compile("href=\"(/practitioners/[a-z0-9-]+)\"").matcher(directory);
			if (!practitioner.find()) {
				throw new IllegalStateException("The demo network lists no practitioner");
			}
			List<String> paths = List.of("/articles/upper-back-pain-and-massage", practitioner.group(1), "/robots.txt");
			System.out.printf(Locale.ROOT, "%-50s %8s %8s %8s %8s %8s%n", "page", "mean ms", "p50", "p90", "p99",
					"max");
			for (String path : paths) {
				for (int i = 0; i < WARM_UP; i++) {
					get(http, base + path);
				}
				long[] nanos = new long[MEASURED];
				for (int i = 0; i < MEASURED; i++) {
					long start = System.nanoTime();
					get(http, base + path);
					nanos[i] = System.nanoTime() - start;
				}
				Arrays.sort(nanos);
				System.out.printf(Locale.ROOT, "%-50s %8.2f %8.2f %8.2f %8.2f %8.2f%n", path,
						Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[MEASURED / 2] / 1e6,
						nanos[MEASURED * 9 / 10] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, nanos[MEASURED - 1] / 1e6);
			}
		}
	}

	private static String get(HttpClient http, String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return response.body();
	}

}
