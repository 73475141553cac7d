package org.unknot;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over plain HTTP: GETs pages and POSTs forms, not
 * following redirects, asking for HTML as browsers do. Like a browser it keeps its
 * cookies (sending Secure ones to localhost, as browsers do) and sends back the CSRF
 * token its forms carry.
 */
public final class FlowClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final String base;

	private String csrf;

	private String forwardedFor;

	public FlowClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * This browser as a visitor from {@code address}, forwarded by a trusted proxy (the
	 * tests' loopback), so that limits per client tell visitors apart.
	 */
	public FlowClient from(String address) {
		forwardedFor = address;
		return this;
	}

	/**
	 * The same browser talking to another node behind the load balancer: its cookies and
	 * the token of the last form it loaded go along.
	 */
	public FlowClient on(int port) {
		FlowClient other = new FlowClient(port);
		other.cookies.putAll(cookies);
		other.csrf = csrf;
		return other;
	}

	public Page get(String path) {
		Page page = send(request(path).GET().build());
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return page;
	}

	/**
	 * Sends the form; each value may be a String or a List of Strings (repeated fields).
	 */
	public Page post(String path, Map<String, ?> form) {
		if (csrf == null) {
			get("/book");
		}
		return postWithToken(path, form, csrf);
	}

	/**
	 * Posts the form with this CSRF token (or none, for null), as a forged form would.
	 */
	public Page postWithToken(String path, Map<String, ?> form, String token) {
		String body = token == null ? encoded(form) : "_csrf=" + encode(token) + "&" + encoded(form);
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * The form as a browser encodes it; each value may be a String or a List of Strings
	 * (repeated fields).
	 */
	public static String encoded(Map<String, ?> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> {
			List<?> values = value instanceof List<?> list ? list : List.of(value);
			values.forEach(v -> pairs.add(encode(name) + "=" + encode(String.valueOf(v))));
		});
		return String.join("&", pairs);
	}

	/** Follows a redirect answer with a GET, as a browser does after a POST. */
	public Page follow(Page page) {
		if (page.status() != 302 && page.status() != 303) {
			throw new AssertionError("Expected a redirect, got " + page.status() + ":\n" + page.body());
		}
		return get(page.location());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		if (!cookies.isEmpty()) {
			request.header("Cookie",
					cookies.entrySet()
						.stream()
						.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int equals = pair.indexOf('=');
				cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
			}
			String location = response.headers()
				.firstValue("Location")
				.map(l -> l.startsWith(base) ? l.substring(base.length()) : l)
				.orElse(null);
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

	public record Page(int status, String body, String location, String contentType) {

		private static final Pattern SLOT = Pattern.compile("name=\"slot\"[^>]*value=\"([^\"]+)\"");

		/** The values of the time buttons on the page, in page order. */
		public List<String> slots() {
			List<String> values = new ArrayList<>();
			Matcher m = SLOT.matcher(body);
			while (m.find()) {
				values.add(m.group(1).replace("&#43;", "+").replace("&amp;", "&"));
			}
			return values;
		}

		public String text() {
			return body.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
		}

		public String draftId() {
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
