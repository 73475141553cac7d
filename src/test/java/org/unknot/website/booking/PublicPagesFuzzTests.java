package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Property: every public address (clinic, practitioner, service and article pages, the
 * directory's filters, the booking steps, a visit's page, calendar file and video link,
 * calendar feeds, waitlist offers) answers a browser with a page or a redirect whatever
 * is put in its path or query: unknown ids, garbage, markup, NUL, very long or
 * right-to-left text (calendar feeds, read by calendar apps, answer refusals as
 * problems). Never a server error. Seeded: {@code -Dunknot.fuzz.seed=N} replays a
 * failure.
 */
@UnknotIntegrationTest
class PublicPagesFuzzTests {

	private static final long SEED = Long.getLong("unknot.fuzz.seed", 20_261_126L);

	private static final int CASES = 4 * Integer.getInteger("unknot.fuzz.cases", 60);

	private static final Pattern HOLE = Pattern.compile("\\{(\\w+)}");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	private final Random random = new Random(SEED);

	private final List<String> failures = new ArrayList<>();

	private String clinic;

	private String therapist;

	private Booked visit;

	@BeforeEach
	void openAClinicWithAVisit() {
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		visit = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						OffsetDateTime.parse("2027-03-16T10:00:00-04:00").toInstant()),
				null, new PatientDetails("Fuzz", "Tester", "fuzz-" + TestNetwork.shortId() + "@example.org",
						"(973) 555-0100", LocalDate.of(1985, 4, 2)));
	}

	@Test
	void noBentAddressGetsAServerError() {
		FlowClient browser = new FlowClient(port);
		String draft = browser.post("/book", Map.of("service", TestNetwork.MASSAGE)).draftId();
		browser.post("/book/" + draft + "/where", Map.of("location", clinic));
		List<String> addresses = List.of("/clinics/{clinic}", "/practitioners/{practitioner}", "/services/{service}",
				"/articles/{slug}", "/articles?topic={text}",
				"/practitioners?service={service}&clinic={clinic}&specialty={text}&language={text}",
				"/book?service={service}", "/book/{draft}/when?week={date}", "/book/{draft}/{step}",
				"/book/{draft}/insurance?withdrawn={text}", "/visits/{visit}?token={token}&done={text}",
				"/visits/{visit}/calendar.ics?token={token}", "/visits/{visit}/join?token={token}",
				"/visits/{visit}/cancel?token={token}", "/visits/{visit}/reschedule?token={token}&week={date}",
				"/calendar/feeds/{text}.ics", "/waitlist/offers/{visit}?token={token}", "/sign-in?{text}={text}");
		for (int i = 0; i < CASES; i++) {
			String address = fill(addresses.get(random.nextInt(addresses.size())), draft);
			Page page = browser.get(address);
			// calendar feeds are read by calendar apps: their refusals are problems, as
			// on the API
			boolean forMachines = address.startsWith("/calendar/feeds/");
			if (page.status() >= 500
					|| (page.status() >= 400 && !forMachines && !page.contentType().startsWith("text/html"))) {
				failures.add("GET " + shortened(address) + " answered " + page.status() + " as " + page.contentType());
			}
		}
		assertThat(failures).as("seed %d (-Dunknot.fuzz.seed=%d replays it)", SEED, SEED).isEmpty();
	}

	/**
	 * Fills each hole with a fitting value most of the time, and with something odd
	 * otherwise.
	 */
	private String fill(String template, String draft) {
		Matcher hole = HOLE.matcher(template);
		StringBuilder address = new StringBuilder();
		while (hole.find()) {
			String value = random.nextInt(3) == 0 ? fitting(hole.group(1), draft) : odd();
			hole.appendReplacement(address,
					Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
		}
		hole.appendTail(address);
		return address.toString();
	}

	private String fitting(String hole, String draft) {
		return switch (hole) {
			case "clinic" -> clinic;
			case "practitioner" -> therapist;
			case "service" -> TestNetwork.MASSAGE;
			case "draft" -> draft;
			case "step" -> List.of("service", "where", "who", "when", "details", "insurance", "intake", "review",
					"advice", "emergency", "confirmed")
				.get(random.nextInt(11));
			case "date" -> "2027-03-15";
			case "visit" -> visit.appointment().id().toString();
			case "token" -> visit.manageToken();
			default -> "neck";
		};
	}

	private String odd() {
		String[] texts = { "", " ", "\u0000", "x".repeat(2_000), "\uD83D\uDC86", "<script>alert(1)</script>",
				"' OR 1=1 --", "..", "../..", "-1", "99999999999999999999", "2027-02-30", "+999999999-01-01",
				"\u202Eevil", UUID.randomUUID().toString(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "null", "%", "%25",
				"a/b", "a;b", "virtual", "ß" };
		return texts[random.nextInt(texts.length)];
	}

	private static String shortened(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
	}

}
