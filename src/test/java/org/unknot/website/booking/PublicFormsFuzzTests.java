package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.website.booking.FlowClient.Page;

/**
 * Property: the forms anyone can reach without an account (signing in, asking for a sign-in link,
 * registering, following an emailed link, cancelling or moving a visit with its link) answer every
 * bent version of themselves with a page or a redirect, never a server error. The forms are read from
 * the pages themselves (their fields and current values), so a field added later is bent too.
 * Seeded: {@code -Dunknot.fuzz.seed=N} replays a failure.
 */
@UnknotIntegrationTest
class PublicFormsFuzzTests {

	private static final long SEED = Long.getLong("unknot.fuzz.seed", 20_261_126L);
	private static final int CASES_PER_FORM = Integer.getInteger("unknot.fuzz.cases", 60) / 2;
	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
	private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
	private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	private final Random random = new Random(SEED);
	private final List<String> failures = new ArrayList<>();
	private String visitPage;

	@BeforeEach
	void bookAVisitWithItsLink() {
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		var booked = desk.book(new SlotRequest(TestNetwork.MASSAGE, therapist, LocationId.of(clinic),
				java.time.OffsetDateTime.parse("2027-03-16T10:00:00-04:00").toInstant()), null,
				new PatientDetails("Fuzz", "Tester", "fuzz-" + TestNetwork.shortId() + "@example.org", "(973) 555-0100",
						java.time.LocalDate.of(1985, 4, 2)));
		visitPage = "/visits/" + booked.appointment().id() + "?token="
				+ URLEncoder.encode(booked.manageToken(), StandardCharsets.UTF_8);
	}

	@Test
	void noBentPublicFormGetsAServerError() {
		String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		List<String> pages = List.of("/sign-in", "/sign-in/link", "/register", "/register/" + token,
				"/sign-in/link/" + token, visitPage.replace("?token", "/cancel?token"),
				visitPage.replace("?token", "/reschedule?token") + "&week=2027-03-15");
		int bent = 0;
		for (String page : pages) {
			FlowClient browser = new FlowClient(port);
			Page shown = browser.get(page);
			List<Form> forms = forms(shown.body());
			if (forms.isEmpty()) {
				continue;
			}
			for (int i = 0; i < CASES_PER_FORM; i++) {
				Form form = forms.get(random.nextInt(forms.size()));
				Map<String, Object> fields = bend(form.fields());
				judge(form.action(), fields, browser.post(form.action(), fields));
				bent++;
			}
		}
		assertThat(bent).as("bent forms posted").isGreaterThanOrEqualTo(5 * CASES_PER_FORM);
		assertThat(failures).as("seed %d (-Dunknot.fuzz.seed=%d replays it)", SEED, SEED).isEmpty();
	}

	/** The POST forms of a page: where they go and their fields with the values shown (CSRF left to the client). */
	private static List<Form> forms(String html) {
		List<Form> forms = new ArrayList<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			Matcher action = ACTION.matcher(form.group(1));
			if (!form.group(1).toLowerCase().contains("method=\"post\"") || !action.find()
					|| action.group(1).equals("/sign-out")) {
				continue;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			Matcher field = FIELD.matcher(form.group(2));
			while (field.find()) {
				Matcher name = NAME.matcher(field.group(2));
				if (name.find() && !name.group(1).equals("_csrf")) {
					Matcher value = VALUE.matcher(field.group(2));
					fields.putIfAbsent(name.group(1), value.find() ? unescape(value.group(1)) : "");
				}
			}
			forms.add(new Form(unescape(action.group(1)), fields));
		}
		return forms;
	}

	private Map<String, Object> bend(Map<String, Object> valid) {
		Map<String, Object> form = new LinkedHashMap<>(valid);
		int changes = 1 + random.nextInt(3);
		for (int c = 0; c < changes; c++) {
			List<String> names = new ArrayList<>(form.keySet());
			if (names.isEmpty() || random.nextInt(8) == 0) {
				form.put(oddText(), oddText());
				continue;
			}
			String name = names.get(random.nextInt(names.size()));
			switch (random.nextInt(6)) {
				case 0 -> form.remove(name);
				case 1 -> form.put(name, List.of(oddText(), oddText()));
				default -> form.put(name, oddText());
			}
		}
		return form;
	}

	private String oddText() {
		String[] texts = { "", " ", "\u0000", "a\u0000b", "x".repeat(5_000), "\uD83D\uDC86\u200D\u2640\uFE0F",
				"<script>alert(1)</script>", "' OR 1=1 --", "-1", "0", "99999999999999999999", "abc",
				"patient@unknot.example", "someone@example.org", "@", "a@b", "2027-02-30", "1900-01-01", "2999-12-31",
				"2027-03-15T10:07-04:00", "2027-03-16T10:00-04:00", "25:00", "123456", "000000", "1234567",
				"\u202Eevil", "ß".repeat(400), "null", "%00", "../../etc/passwd", "true" };
		return texts[random.nextInt(texts.length)];
	}

	private void judge(String path, Map<String, Object> form, Page answer) {
		if (answer.status() >= 500) {
			failures.add("POST " + path + " answered " + answer.status() + " to " + shortened(form.toString()));
		}
		else if (answer.status() >= 400 && !answer.contentType().startsWith("text/html")) {
			failures.add("POST " + path + " answered " + answer.status() + " as " + answer.contentType() + " to "
					+ shortened(form.toString()));
		}
	}

	private static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&#43;", "+").replace("&quot;", "\"").replace("&#39;", "'");
	}

	private static String shortened(String text) {
		String visible = text.replace("\u0000", "\\u0000");
		return visible.length() > 300 ? visible.substring(0, 300) + "... (" + visible.length() + " chars)" : visible;
	}

	private record Form(String action, Map<String, Object> fields) {
	}
}
