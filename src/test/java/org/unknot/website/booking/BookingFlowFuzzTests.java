package org.unknot.website.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;
import org.unknot.FormFuzzer;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;

/**
 * Property: at whatever step of the booking pages a patient (or a script) is, however the
 * step's form is bent (a field left out, empty, absurdly long, repeated, holding a NUL
 * character, markup or a value of another kind; fields nobody asked for), the answer is a
 * page or a redirect, never a server error. Each case walks a fresh booking to a random
 * step with valid answers, then posts one bent form. Seeded: {@code -Dunknot.fuzz.seed=N}
 * replays a failure, which lists every bent form that failed.
 */
@UnknotIntegrationTest
class BookingFlowFuzzTests {

	private static final int CASES = Integer.getInteger("unknot.fuzz.cases", 60);

	private static final LocalDate FIRST_WEEK = LocalDate.of(2027, 3, 15);

	private static final String[] STEPS = { "", "where", "who", "when", "details", "insurance", "intake", "review" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final FormFuzzer fuzz = new FormFuzzer(20_261_126L);

	private final Random random = fuzz.random();

	private String clinic;

	private final List<String> therapists = new ArrayList<>();

	@BeforeEach
	void openAClinic() {
		TestNetwork network = new TestNetwork(jdbc);
		clinic = network.clinic(8, 1, 1);
		for (int i = 0; i < 3; i++) {
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			therapists.add(therapist);
		}
	}

	@Test
	void noBentFormAtAnyStepGetsAServerError() {
		for (int i = 0; i < CASES; i++) {
			FlowClient browser = new FlowClient(port);
			int step = random.nextInt(STEPS.length);
			String therapist = therapists.get(random.nextInt(therapists.size()));
			String week = FIRST_WEEK.plusWeeks(random.nextInt(30)).toString();
			String draft = walkTo(browser, step, therapist, week);
			if (draft == null && step > 0) {
				continue; // no free time left that week: nothing to bend at this step
			}
			Map<String, Object> form = fuzz.bent(validForm(browser, step, draft, therapist, week));
			String path = step == 0 ? "/book" : "/book/" + draft + "/" + STEPS[step];
			fuzz.judge("POST " + path, form, browser.post(path, form));
		}
		fuzz.assertHeld(CASES * 3 / 4);
	}

	/**
	 * Answers each step before {@code step} validly; returns the draft (null if none was
	 * needed or possible).
	 */
	private String walkTo(FlowClient browser, int step, String therapist, String week) {
		if (step == 0) {
			return null;
		}
		String draft = browser.post("/book", Map.of("service", TestNetwork.MASSAGE)).draftId();
		for (int done = 1; done < step; done++) {
			Map<String, Object> form = validForm(browser, done, draft, therapist, week);
			if (form == null) {
				return null;
			}
			Page answer = browser.post("/book/" + draft + "/" + STEPS[done], form);
			if (answer.status() != 303 && answer.status() != 302) {
				fuzz.fail("a valid " + STEPS[done] + " form was not accepted: " + answer.status());
				return null;
			}
		}
		return draft;
	}

	private Map<String, Object> validForm(FlowClient browser, int step, String draft, String therapist, String week) {
		Map<String, Object> form = new LinkedHashMap<>();
		switch (STEPS[step]) {
			case "" -> form.put("service", TestNetwork.MASSAGE);
			case "where" -> form.put("location", clinic);
			case "who" -> form.put("practitioner", therapist);
			case "when" -> {
				List<String> slots = browser.get("/book/" + draft + "/when?week=" + week).slots();
				if (slots.isEmpty()) {
					return null;
				}
				form.put("slot", slots.get(random.nextInt(slots.size())));
				form.put("week", week);
			}
			case "details" -> {
				form.put("givenName", "Fuzz");
				form.put("familyName", "Tester");
				form.put("email", "fuzz-" + TestNetwork.shortId() + "@example.org");
				form.put("phone", "(973) 555-0100");
				form.put("birthDate", "1985-04-02");
			}
			case "insurance" -> {
				form.put("plan", "harbor-health-ppo");
				form.put("memberId", "hh-12345");
			}
			case "intake" -> form.putAll(BookingFlowTests.intake(Map.of()));
			case "review" -> {
				form.put("repeat", random.nextBoolean() ? "none" : "weekly");
				form.put("count", "3");
			}
			default -> throw new IllegalArgumentException(STEPS[step]);
		}
		return form;
	}

}
