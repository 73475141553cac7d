package org.unknot.website.booking;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without JavaScript, over plain HTTP: GETs pages and POSTs forms, not following redirects. */
final class FlowClient {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private final String base;

	FlowClient(int port) {
		this.base = "http://localhost:" + port;
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** Sends the form; each value may be a String or a List of Strings (repeated fields). */
	Page post(String path, Map<String, ?> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> {
			List<?> values = value instanceof List<?> list ? list : List.of(value);
			values.forEach(v -> pairs.add(encode(name) + "=" + encode(String.valueOf(v))));
		});
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
			.build());
	}

	/** Follows a redirect answer with a GET, as a browser does after a POST. */
	Page follow(Page page) {
		if (page.status() != 302 && page.status() != 303) {
			throw new AssertionError("Expected a redirect, got " + page.status() + ":\n" + page.body());
		}
		return get(page.location());
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").map(l -> l.startsWith(base) ? l.substring(base.length()) : l).orElse(null);
			return new Page(response.statusCode(), response.body(), location,
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Page(int status, String body, String location, String contentType) {

		private static final Pattern SLOT = Pattern.compile("name=\"slot\"[^>]*value=\"([^\"]+)\"");

		/** The values of the time buttons on the page, in page order. */
		List<String> slots() {
			List<String> values = new ArrayList<>();
			Matcher m = SLOT.matcher(body);
			while (m.find()) {
				values.add(m.group(1).replace("&#43;", "+").replace("&amp;", "&"));
			}
			return values;
		}

		String text() {
			return body.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
		}

		String draftId() {
			Matcher m = Pattern.compile("/book/([A-Za-z0-9_-]{32})/").matcher(location == null ? body : location);
			if (!m.find()) {
				throw new AssertionError("No draft id in " + location);
			}
			return m.group(1);
		}

		@Override
		public String toString() {
			return status + " " + location + "\n" + body.lines().limit(400).collect(Collectors.joining("\n"));
		}
	}
}
