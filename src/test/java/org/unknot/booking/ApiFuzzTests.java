package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: whatever a client sends to the public API, however a valid request is bent (a
 * field missing, null, of another type, absurdly long, holding a NUL character or a date
 * that does not exist; the body cut short or nested thousands deep; odd query parameters
 * and headers), the answer is never a server error, and a refusal is an RFC 9457 problem.
 * Mutations come from a seeded generator: a failure prints the seed and every request
 * that failed, and {@code -Dunknot.fuzz.seed=N} replays exactly those requests.
 */
@UnknotIntegrationTest
class ApiFuzzTests {

	private static final long SEED = Long.getLong("unknot.fuzz.seed", 20_261_126L);

	private static final int CASES_PER_ENDPOINT = Integer.getInteger("unknot.fuzz.cases", 60);

	private static final OffsetDateTime TEN = newYork("2027-03-15T10:00");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	private final List<String> failures = new ArrayList<>();

	private Random random;

	private String clinic;

	private String therapist;

	private String visit;

	private String token;

	@BeforeEach
	void openAClinicWithOneVisit() {
		random = new Random(SEED);
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		Answer booked = new ApiClient(port, json).book(TestNetwork.MASSAGE, therapist, clinic, TEN.plusHours(4),
				newPatient());
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		visit = booked.id();
		token = booked.token();
	}

	@Test
	void bentBookingRequestsNeverGetAServerError() {
		bend("POST", "/api/v1/appointments", () -> object(ApiClient.booking(TestNetwork.MASSAGE, therapist, clinic,
				TEN.plusMinutes(15 * random.nextInt(16)), newPatient())));
		bend("POST", "/api/v1/holds", () -> object(
				ApiClient.slot(TestNetwork.MASSAGE, therapist, clinic, TEN.plusMinutes(15 * random.nextInt(16)))));
		assertNoFailures();
	}

	@Test
	void bentSeriesRequestsNeverGetAServerError() {
		bend("POST", "/api/v1/series", () -> {
			Map<String, Object> series = new LinkedHashMap<>();
			series.put("service", TestNetwork.MASSAGE);
			series.put("practitioner", therapist);
			series.put("location", clinic);
			series.put("firstStart", TEN.plusDays(7).toString());
			series.put("every", random.nextBoolean() ? "P1W" : "P2W");
			series.put("count", 1 + random.nextInt(4));
			series.put("allOrNothing", random.nextBoolean());
			series.put("patient", newPatient());
			return object(series);
		});
		assertNoFailures();
	}

	@Test
	void bentChangesToAVisitNeverGetAServerError() {
		String visitPath = "/api/v1/appointments/" + visit;
		bend("POST", visitPath + "/reschedule", () -> object(Map.of("start", TEN.plusMinutes(30).toString())));
		bend("POST", visitPath + "/cancel", () -> object(Map.of("reason", "feeling better")));
		bend("PUT", visitPath + "/notification-preference",
				() -> object(Map.of("channels", "both", "optedOut", false)));
		assertNoFailures();
	}

	@Test
	void bentWaitlistRequestsNeverGetAServerError() {
		bend("POST", "/api/v1/waitlist", () -> {
			Map<String, Object> join = new LinkedHashMap<>();
			join.put("service", TestNetwork.MASSAGE);
			join.put("practitioner", therapist);
			join.put("location", clinic);
			join.put("firstDay", "2027-03-15");
			join.put("lastDay", "2027-03-26");
			join.put("earliest", "09:00");
			join.put("latest", "17:00");
			join.put("patient", newPatient());
			return object(join);
		});
		assertNoFailures();
	}

	@Test
	void oddQueriesAndHeadersNeverGetAServerError() {
		for (int i = 0; i < 3 * CASES_PER_ENDPOINT; i++) {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("service", TestNetwork.MASSAGE);
			query.put("location", random.nextInt(4) == 0 ? "virtual" : clinic);
			query.put("practitioner", therapist);
			query.put("from", "2027-03-15");
			query.put("to", "2027-03-19");
			String bent = List.copyOf(query.keySet()).get(random.nextInt(query.size()));
			if (random.nextInt(5) == 0) {
				query.remove(bent);
			}
			else {
				query.put(bent, oddText());
			}
			String path = random.nextBoolean() ? "/api/v1/availability" : "/api/v1/practitioners";
			send("GET", path + "?" + encoded(query), null, "X-Fuzz", "query");
		}
		for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
			String header = oddHeader();
			send("GET", "/api/v1/appointments/" + visit, null, "X-Manage-Token", header);
			send("GET", "/api/v1/appointments/" + oddPathSegment(), null, "X-Manage-Token", token);
			send("POST", "/api/v1/appointments/" + visit + "/cancel", "{}", "X-Manage-Token", header, "Idempotency-Key",
					oddHeader());
		}
		assertNoFailures();
	}

	// --- bending requests
	// ---------------------------------------------------------------------

	/**
	 * Sends {@link #CASES_PER_ENDPOINT} bent versions of a valid body, each bent one to
	 * three ways.
	 */
	private void bend(String method, String path, Supplier<ObjectNode> valid) {
		for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
			String body;
			int how = random.nextInt(12);
			if (how == 0) {
				body = rawBreakage(valid.get().toString());
			}
			else {
				ObjectNode request = valid.get();
				int changes = 1 + random.nextInt(3);
				for (int c = 0; c < changes; c++) {
					bendOneField(request);
				}
				body = request.toString();
			}
			String[] headers = random.nextInt(4) == 0 ? new String[] { "Idempotency-Key", oddHeader(), "X-Manage-Token",
					random.nextBoolean() ? token : oddHeader() } : new String[] { "X-Manage-Token", token };
			send(method, path, body, headers);
		}
	}

	/**
	 * Replaces, removes or adds one member somewhere in the request (nested objects
	 * included).
	 */
	private void bendOneField(ObjectNode request) {
		ObjectNode target = request;
		while (true) {
			List<String> nested = new ArrayList<>();
			target.properties().forEach(member -> {
				if (member.getValue().isObject()) {
					nested.add(member.getKey());
				}
			});
			if (nested.isEmpty() || random.nextInt(3) != 0) {
				break;
			}
			target = (ObjectNode) target.get(nested.get(random.nextInt(nested.size())));
		}
		List<String> names = new ArrayList<>(target.propertyNames());
		if (names.isEmpty() || random.nextInt(10) == 0) {
			target.set("unexpected" + random.nextInt(3), oddValue());
			return;
		}
		String name = names.get(random.nextInt(names.size()));
		if (random.nextInt(8) == 0) {
			target.remove(name);
		}
		else {
			target.set(name, oddValue());
		}
	}

	private JsonNode oddValue() {
		switch (random.nextInt(8)) {
			case 0:
				return json.getNodeFactory().nullNode();
			case 1:
				return json.getNodeFactory().numberNode(oddNumber());
			case 2:
				return json.getNodeFactory().booleanNode(random.nextBoolean());
			case 3: {
				ArrayNode array = json.createArrayNode();
				for (int i = random.nextInt(3); i > 0; i--) {
					array.add(oddText());
				}
				return array;
			}
			case 4:
				return json.createObjectNode().put(oddText(), oddText());
			default:
				return json.getNodeFactory().stringNode(oddText());
		}
	}

	private java.math.BigDecimal oddNumber() {
		String[] numbers = { "0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e308", "-1e-308",
				"99999999999999999999999999999", "3", "1000000" };
		return new java.math.BigDecimal(numbers[random.nextInt(numbers.length)]);
	}

	private String oddText() {
		String[] texts = { "", " ", "\u0000", "a\u0000b", "x".repeat(10_000), "\uD83D\uDC86\u200D\u2640\uFE0F",
				"2027-02-30T10:00:00-05:00", "2027-03-15T10:00", "2027-03-15T10:07:00-04:00",
				"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2027-03-14T02:30:00-05:00",
				"1970-01-01T00:00:00Z", "2027-13-01", "0000-00-00", "2027-03-15", "25:00", "09:00", "null", "true",
				"<script>alert(1)</script>", "' OR 1=1 --", "%00", "../../etc/passwd", "virtual", "P1W", "P0W", "P-1W",
				"PT1H", "P999999999W", UUID.randomUUID().toString(), "not-a-uuid", "email", "sms", "both",
				"p@example.org", "@", "\u202Eevil", "\uFFFF", "\uD800", "ß".repeat(300), "1e999999" };
		String text = texts[random.nextInt(texts.length)];
		return random.nextInt(6) == 0 ? text + texts[random.nextInt(texts.length)] : text;
	}

	private String oddHeader() {
		String[] headers = { "", " ", "x", "x".repeat(3_000), UUID.randomUUID().toString(), "not a token", "%00%ff",
				"Bearer abc", "=?utf-8?q?x?=", "0" };
		return headers[random.nextInt(headers.length)];
	}

	private String oddPathSegment() {
		String[] segments = { "x", UUID.randomUUID().toString(), "%00", "..%2F..",
				"00000000-0000-0000-0000-00000000000g", "1", "%E2%80%AE" };
		return segments[random.nextInt(segments.length)];
	}

	/** A body that is not JSON of the right shape at all. */
	private String rawBreakage(String valid) {
		switch (random.nextInt(7)) {
			case 0:
				return valid.substring(0, random.nextInt(valid.length()));
			case 1:
				return "[".repeat(5_000) + "]".repeat(5_000);
			case 2:
				return "{\"patient\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001);
			case 3:
				return valid.replace("\"service\"", "\"service\":1,\"service\"");
			case 4:
				return "\uFEFF" + valid;
			case 5:
				return "{\"count\": 1e1000000}";
			default:
				return "null";
		}
	}

	// --- sending and judging
	// ------------------------------------------------------------------

	private void send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			if (!headers[i + 1].isEmpty()) {
				request.header(headers[i], headers[i + 1]);
			}
		}
		try {
			HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String type = answer.headers().firstValue("Content-Type").orElse("");
			if (answer.statusCode() >= 500) {
				failures.add(method + " " + path + " answered " + answer.statusCode() + " to " + shortened(body) + ": "
						+ shortened(answer.body()));
			}
			else if (answer.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
				failures.add(method + " " + path + " answered " + answer.statusCode() + " as " + type + " to "
						+ shortened(body));
			}
		}
		catch (IOException e) {
			failures.add(method + " " + path + " broke the connection (" + e + ") with " + shortened(body));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void assertNoFailures() {
		assertThat(failures).as("seed %d (-Dunknot.fuzz.seed=%d replays it)", SEED, SEED).isEmpty();
	}

	private ObjectNode object(Map<String, Object> body) {
		return (ObjectNode) json.valueToTree(body);
	}

	private static String encoded(Map<String, String> query) {
		List<String> pairs = new ArrayList<>();
		query.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return String.join("&", pairs);
	}

	private static String shortened(String text) {
		if (text == null) {
			return "(no body)";
		}
		String visible = text.replace("\u0000", "\\u0000");
		return visible.length() > 300 ? visible.substring(0, 300) + "... (" + visible.length() + " chars)" : visible;
	}

}
