package org.unknot.website.booking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.FlowClient;
import org.unknot.FormFuzzer;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Property: the forms anyone can reach without an account (asking for a sign-in link,
 * registering, following an emailed link, cancelling or moving a visit with its link)
 * answer every bent version of themselves with a page or a redirect, never a server
 * error. The forms are read from the pages themselves (their fields and current values),
 * so a field added later is bent too. Seeded: {@code -Dunknot.fuzz.seed=N} replays a
 * failure.
 */
@UnknotIntegrationTest
class PublicFormsFuzzTests {

	private static final int CASES_PER_FORM = Integer.getInteger("unknot.fuzz.cases", 60) / 2;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	private final FormFuzzer fuzz = new FormFuzzer(20_261_126L);

	private String visitPage;

	@BeforeEach
	void bookAVisitWithItsLink() {
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		var booked = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						java.time.OffsetDateTime.parse("2027-03-16T10:00:00-04:00").toInstant()),
				null, new PatientDetails("Fuzz", "Tester", "fuzz-" + TestNetwork.shortId() + "@example.org",
						"(973) 555-0100", java.time.LocalDate.of(1985, 4, 2)));
		visitPage = "/visits/" + booked.appointment().id() + "?token="
				+ URLEncoder.encode(booked.manageToken(), StandardCharsets.UTF_8);
	}

	@Test
	void noBentPublicFormGetsAServerError() {
		String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		// not the password sign-in: failures count against the address they come from,
		// here the one every
		// browser test signs in from (AccountSecurityTests bends it, from addresses of
		// its own)
		List<String> pages = List.of("/sign-in/link", "/register", "/register/" + token, "/sign-in/link/" + token,
				visitPage.replace("?token", "/cancel?token"),
				visitPage.replace("?token", "/reschedule?token") + "&week=2027-03-15");
		for (String page : pages) {
			FlowClient browser = new FlowClient(port);
			List<FormFuzzer.Form> forms = fuzz.formsOn(browser, action -> !action.equals("/sign-out"), false, page)
				.stream()
				.filter(form -> form.method().equals("POST"))
				.toList();
			for (int i = 0; i < CASES_PER_FORM && !forms.isEmpty(); i++) {
				fuzz.bend(browser, forms.get(fuzz.random().nextInt(forms.size())));
			}
		}
		fuzz.assertHeld(4 * CASES_PER_FORM);
	}

}
