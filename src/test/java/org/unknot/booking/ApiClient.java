package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.unknot.TestNetwork;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The booking API as a client sees it: plain HTTP against the running application, JSON
 * in and out. Request bodies are built as ordered maps and sent exactly as serialized, so
 * that a test can resend the very same bytes (as an {@code Idempotency-Key} retry does).
 */
final class ApiClient {

	static final String MANAGE_TOKEN = "X-Manage-Token";
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";
	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	private static final AtomicInteger PATIENTS = new AtomicInteger();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final ObjectMapper json;

	ApiClient(int port, ObjectMapper json) {
		this.base = "http://localhost:" + port;
		this.json = json;
	}

	/**
	 * A wall-clock time in New York, with the offset in force then (the earlier one if it
	 * occurs twice).
	 */
	static OffsetDateTime newYork(String localDateTime) {
		return ZonedDateTime.of(LocalDateTime.parse(localDateTime), NEW_YORK).toOffsetDateTime();
	}

	Answer get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
	}

	Answer delete(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
	}

	/** POSTs a map (serialized here) or a string (sent as it is) as JSON. */
	Answer post(String path, Object body, String... headers) {
		String text = body instanceof String raw ? raw : write(body);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text)), headers);
	}

	String write(Object body) {
		return json.writeValueAsString(body);
	}

	Answer availability(String service, String location, String practitioner, LocalDate from, LocalDate to) {
		return get("/api/v1/availability?service=" + service + "&location=" + location + "&practitioner=" + practitioner
				+ "&from=" + from + "&to=" + to);
	}

	/** The free start times of one practitioner on one day. */
	List<OffsetDateTime> freeStarts(String service, String location, String practitioner, LocalDate day) {
		Answer answer = availability(service, location, practitioner, day, day);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.starts();
	}

	Answer hold(String service, String practitioner, String location, OffsetDateTime start) {
		return post("/api/v1/holds", slot(service, practitioner, location, start));
	}

	Answer book(String service, String practitioner, String location, OffsetDateTime start,
			Map<String, Object> patient) {
		return post("/api/v1/appointments", booking(service, practitioner, location, start, patient));
	}

	Answer bookHeld(Answer hold, Map<String, Object> patient) {
		JsonNode held = hold.json();
		Map<String, Object> body = booking(held.path("service").asString(), held.path("practitioner").asString(),
				held.path("location").asString(), OffsetDateTime.parse(held.path("start").asString()), patient);
		body.put("hold", held.path("id").asString());
		return post("/api/v1/appointments", body);
	}

	Answer find(String id, String token) {
		return get("/api/v1/appointments/" + id, MANAGE_TOKEN, token);
	}

	Answer cancel(String id, String token) {
		return post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "feeling better"), MANAGE_TOKEN, token);
	}

	Answer reschedule(String id, String token, OffsetDateTime start) {
		return post("/api/v1/appointments/" + id + "/reschedule", Map.of("start", start.toString()), MANAGE_TOKEN,
				token);
	}

	static Map<String, Object> slot(String service, String practitioner, String location, OffsetDateTime start) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", service);
		body.put("practitioner", practitioner);
		body.put("location", location);
		body.put("start", start.toString());
		return body;
	}

	static Map<String, Object> booking(String service, String practitioner, String location, OffsetDateTime start,
			Map<String, Object> patient) {
		Map<String, Object> body = slot(service, practitioner, location, start);
		body.put("patient", patient);
		return body;
	}

	/** Someone who has never booked before. */
	static Map<String, Object> newPatient() {
		int n = PATIENTS.incrementAndGet();
		return patient("patient-" + n + "-" + TestNetwork.shortId() + "@example.org",
				LocalDate.of(1980, 1, 1).plusDays(n % 5000));
	}

	static Map<String, Object> patient(String email, LocalDate birthDate) {
		Map<String, Object> patient = new LinkedHashMap<>();
		patient.put("givenName", "Pat");
		patient.put("familyName", "Ient");
		patient.put("email", email);
		patient.put("phone", "+1 973 555 0199");
		patient.put("birthDate", birthDate.toString());
		return patient;
	}

	private Answer send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body(), parse(response.body()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the application", e);
		}
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return json.missingNode();
		}
		try {
			return json.readTree(body);
		}
		catch (RuntimeException notJson) {
			return json.missingNode();
		}
	}

	/** One HTTP answer. */
	record Answer(int status, HttpHeaders headers, String body, JsonNode json) {

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		String contentType() {
			return header("Content-Type");
		}

		/** A top-level member as text, or null if absent. */
		String text(String field) {
			JsonNode node = json.path(field);
			return node.isMissingNode() || node.isNull() ? null : node.asString();
		}

		String id() {
			return text("id");
		}

		String token() {
			return text("manageToken");
		}

		/** The path of the Location header of a created resource. */
		String location() {
			return URI.create(header("Location")).getPath();
		}

		OffsetDateTime start() {
			return OffsetDateTime.parse(text("start"));
		}

		/** The last segment of an RFC 9457 problem type. */
		String problemType() {
			String type = text("type");
			return type == null ? null : type.substring(type.lastIndexOf(':') + 1);
		}

		List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			json.path("errors").forEach(error -> fields.add(error.path("field").asString()));
			return fields;
		}

		/** The slot start times of an availability answer, with their offsets. */
		List<OffsetDateTime> starts() {
			List<OffsetDateTime> starts = new ArrayList<>();
			json.path("slots").forEach(slot -> starts.add(OffsetDateTime.parse(slot.path("start").asString())));
			return starts;
		}
	}

}
