package org.unknot.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Text messages through a provider's HTTP API: a JSON POST of {@code to}, {@code from}
 * and {@code text}, with HTTP Basic credentials and an {@value #IDEMPOTENCY_HEADER}
 * header. Its value is derived from the outbox key, so every attempt of one message
 * carries the same one, also a resend after a crash between the provider's answer and our
 * commit: a provider that honours the header (as the IETF httpapi "Idempotency-Key" draft
 * describes it) sends that message once.
 */
class HttpSmsTransport implements SmsTransport {

	static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI endpoint;

	private final String authorization;

	private final String sender;

	private final Duration timeout;

	HttpSmsTransport(URI endpoint, String username, String password, String sender, Duration timeout) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.endpoint = endpoint;
		this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
		this.sender = sender;
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "sms-http";
	}

	@Override
	public void send(String idempotencyKey, String to, String text) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", to);
		body.put("from", sender);
		body.put("text", text);
		var request = HttpRequest.newBuilder(endpoint)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header(IDEMPOTENCY_HEADER, idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new SmsNotSent("The text message provider could not be reached: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SmsNotSent("Interrupted while sending a text message", e);
		}
		if (response.statusCode() / 100 != 2) {
			throw new SmsNotSent("The text message provider answered " + response.statusCode(), null);
		}
	}

}
