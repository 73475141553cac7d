package org.unknot.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The few Stripe endpoints Unknot uses, on loopback: customers, Checkout sessions,
 * PaymentIntents, refunds and SetupIntents. Like Stripe, a request repeated with the same
 * {@code Idempotency-Key} gets the first answer again and moves no more money. A test
 * tells it to decline cards, fail, or answer only after the client has given up.
 */
public final class FakeStripe implements AutoCloseable {

	enum Behaviour {

		SUCCEED, DECLINE, FAIL, SLOW_ONCE, HANG

	}

	private final HttpServer server;

	private final Map<String, String> answered = new ConcurrentHashMap<>();

	private final List<Map<String, String>> charges = new ArrayList<>();

	private final List<Map<String, String>> refunds = new ArrayList<>();

	private final List<Map<String, String>> sessions = new ArrayList<>();

	private final Map<String, Map<String, String>> askedWith = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> pages = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger ids = new AtomicInteger();

	private volatile Behaviour charging = Behaviour.SUCCEED;

	private volatile long slowMillis = 2500;

	public FakeStripe() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/v1/", this::handle);
		server.createContext("/pay/", this::hostedPage);
		server.start();
	}

	/** A fake started on loopback (for a static field of a test class). */
	public static FakeStripe onLoopback() {
		try {
			return new FakeStripe();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Points the application at this fake, with the tests' keys and webhook secret. */
	public void configure(org.springframework.test.context.DynamicPropertyRegistry registry, String webhookSecret) {
		registry.add("unknot.payments.stripe.api-base", this::base);
		registry.add("unknot.payments.stripe.secret-key", () -> "sk_test_unknot");
		registry.add("unknot.payments.stripe.webhook-secret", () -> webhookSecret);
		registry.add("unknot.payments.stripe.checkout-origin", this::base);
	}

	public String base() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void charging(Behaviour behaviour) {
		this.charging = behaviour;
	}

	synchronized List<Map<String, String>> charges() {
		return List.copyOf(charges);
	}

	/** The Checkout sessions opened, each as the form it was asked with. */
	public synchronized List<Map<String, String>> sessions() {
		return List.copyOf(sessions);
	}

	synchronized List<Map<String, String>> refunds() {
		return List.copyOf(refunds);
	}

	int requests() {
		return requests.get();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		String path = exchange.getRequestURI().getPath();
		Map<String, String> form = form(exchange.getRequestBody());
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if ("POST".equals(exchange.getRequestMethod()) && key != null && answered.containsKey(path + key)) {
			if (!form.equals(askedWith.get(path + key))) {
				// as Stripe: a key reused for another request is refused, never replayed
				answer(exchange, 400, """
						{"error":{"type":"idempotency_error",
						"message":"Keys for idempotent requests can only be used with the same parameters."}}""");
				return;
			}
			answer(exchange, 200, answered.get(path + key));
			return;
		}
		if (path.equals("/v1/payment_intents") && charging != Behaviour.SUCCEED) {
			if (misbehave(exchange, form, key, path)) {
				return;
			}
		}
		String body;
		if (path.equals("/v1/customers")) {
			body = "{\"id\":\"cus_" + ids.incrementAndGet() + "\",\"object\":\"customer\"}";
		}
		else if (path.equals("/v1/checkout/sessions")) {
			String id = "cs_" + ids.incrementAndGet();
			synchronized (this) {
				sessions.add(form);
			}
			pages.put(id, form);
			body = "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"mode\":\"" + form.get("mode")
					+ "\",\"url\":\"" + base() + "/pay/" + id + "\"}";
		}
		else if (path.equals("/v1/payment_intents")) {
			synchronized (this) {
				charges.add(form);
			}
			body = "{\"id\":\"pi_" + ids.incrementAndGet() + "\",\"object\":\"payment_intent\",\"amount\":"
					+ form.get("amount") + ",\"currency\":\"" + form.get("currency") + "\",\"status\":\"succeeded\"}";
		}
		else if (path.equals("/v1/refunds")) {
			synchronized (this) {
				refunds.add(form);
			}
			body = "{\"id\":\"re_" + ids.incrementAndGet() + "\",\"object\":\"refund\",\"amount\":" + form.get("amount")
					+ ",\"status\":\"succeeded\"}";
		}
		else if (path.startsWith("/v1/setup_intents/")) {
			body = "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1)
					+ "\",\"object\":\"setup_intent\",\"payment_method\":\"pm_card_kept\",\"status\":\"succeeded\"}";
		}
		else {
			answer(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unknown path\"}}");
			return;
		}
		if (key != null) {
			askedWith.put(path + key, form);
			answered.put(path + key, body);
		}
		answer(exchange, 200, body);
	}

	/**
	 * The hosted page of a Checkout session, as plain as can be: what it pays and how
	 * much, "Pay" back to its success address and "Back" to its cancel address (the card
	 * form Stripe shows is Stripe's business, not Unknot's).
	 */
	private void hostedPage(HttpExchange exchange) throws IOException {
		String id = exchange.getRequestURI().getPath().substring("/pay/".length());
		Map<String, String> session = pages.get(id);
		if (session == null) {
			answer(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such page\"}}");
			return;
		}
		StringBuilder lines = new StringBuilder();
		long total = 0;
		for (int i = 0; session.containsKey("line_items[" + i + "][price_data][unit_amount]"); i++) {
			long cents = Long.parseLong(session.get("line_items[" + i + "][price_data][unit_amount]"));
			total += cents;
			lines.append("<li>")
				.append(escape(session.get("line_items[" + i + "][price_data][product_data][name]")))
				.append(": ")
				.append(dollars(cents))
				.append("</li>");
		}
		String html = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Pay %s (test payment page)</title></head>
				<body><main><h1>Pay %s</h1><ul>%s</ul>
				<p><a href="%s">Pay %s</a></p><p><a href="%s">Back</a></p></main></body></html>""".formatted(
				dollars(total), dollars(total), lines, escape(session.get("success_url")), dollars(total),
				escape(session.get("cancel_url")));
		byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			out.write(bytes);
		}
	}

	private static String dollars(long cents) {
		return "$" + (cents / 100) + "." + String.format("%02d", cents % 100);
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

	/** Answers as told for a charge; false when the charge should go ahead after all. */
	private boolean misbehave(HttpExchange exchange, Map<String, String> form, String key, String path)
			throws IOException {
		switch (charging) {
			case DECLINE -> answer(exchange, 402, """
					{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
					"message":"Your card has insufficient funds."}}""");
			case FAIL -> answer(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Try later.\"}}");
			case HANG -> {
				sleep(slowMillis);
				answer(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Too late.\"}}");
			}
			case SLOW_ONCE -> {
				// the charge is made, but the answer comes after the client gave up: its
				// retry
				// carries the same key and must get this very charge back
				charging = Behaviour.SUCCEED;
				String body;
				synchronized (this) {
					charges.add(form);
				}
				body = "{\"id\":\"pi_" + ids.incrementAndGet()
						+ "\",\"object\":\"payment_intent\",\"status\":\"succeeded\",\"amount\":" + form.get("amount")
						+ ",\"currency\":\"usd\"}";
				askedWith.put(path + key, form);
				answered.put(path + key, body);
				sleep(slowMillis);
				answer(exchange, 200, body);
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, String> form(InputStream in) throws IOException {
		Map<String, String> form = new LinkedHashMap<>();
		String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void answer(HttpExchange exchange, int status, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			out.write(bytes);
		}
		catch (IOException gone) {
			// the client gave up waiting: as with Stripe, what was done stays done
		}
	}

}
