package org.unknot.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.FlowClient;
import org.unknot.FlowClient.Page;
import org.unknot.FormFuzzer;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.HttpSignIn;
import org.unknot.account.Role;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Property: the patient's own pages (visits to cancel or move, details, messages,
 * password, second factor) and the page that finishes a registration answer bent forms
 * with a page or a redirect, never a server error. Closing the account is left alone: it
 * would end the session the test runs in. The sign-in forms are left alone too: their
 * failures count against this machine's address, which every browser test signs in from.
 */
@UnknotIntegrationTest
class PortalFormsFuzzTests {

	private static final String PASSWORD = "patient fuzz passphrase";

	private static final int ROUNDS = Integer.getInteger("unknot.fuzz.rounds", 8);

	private static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	private static final Pattern REGISTRATION_LINK = Pattern.compile("/register/[A-Za-z0-9_-]{43}");

	private static final Set<String> PATIENT_FORMS = Set.of("/account/details", "/account/messages",
			"/account/second-factor");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	private final FormFuzzer fuzz = new FormFuzzer(20_261_128L);

	@Test
	void noBentPatientFormGetsAServerError() {
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(2, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		PatientDetails me = new PatientDetails("Fuzz", "Patient", "fuzz-" + UUID.randomUUID() + "@example.org",
				"(973) 555-0100", LocalDate.of(1984, 4, 4));
		List<String> mine = new ArrayList<>();
		List<String> pages = new ArrayList<>(List.of("/account", "/account/details", "/account/messages",
				"/account/password", "/account/second-factor", "/account/superbills"));
		UUID patient = null;
		for (int hour : new int[] { 9, 11, 13 }) {
			Booked visit = desk.book(
					new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
							LocationId.of(clinic),
							MONDAY.atTime(LocalTime.of(hour, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
					null, me);
			patient = visit.appointment().patientId().value();
			mine.add(visit.appointment().id().toString());
			pages.add("/account/visits/" + visit.appointment().id() + "/move");
		}
		Account account = accounts.create(new AccountDesk.NewAccount(me.email(), "Fuzz Patient", Role.PATIENT,
				List.of(), null, patient, PASSWORD));
		FlowClient browser = HttpSignIn.as(port, account, PASSWORD);

		fuzz.bendPages(browser, action -> PATIENT_FORMS.contains(action) || FormFuzzer.names(action, mine), ROUNDS,
				pages.toArray(String[]::new));
		for (int i = 0; i < ROUNDS * 2; i++) {
			browser = bendPassword(browser, account);
		}

		fuzz.assertHeld(8 * ROUNDS);
	}

	/**
	 * A new password ends every session of the account, as it should, so a bent form that
	 * happens to hold an acceptable password is followed by setting the old one back and
	 * signing in again.
	 */
	private FlowClient bendPassword(FlowClient browser, Account account) {
		Map<String, Object> bent = fuzz.bent(Map.of("password", "a perfectly good passphrase"));
		Page answer = browser.post("/account/password", bent);
		fuzz.judge("POST /account/password", bent, answer);
		if (!"/sign-in?password-changed".equals(answer.location())) {
			return browser;
		}
		accounts.changePassword(account.id(), PASSWORD);
		return HttpSignIn.as(port, account, PASSWORD);
	}

	@Test
	void noBentRegistrationFinishGetsAServerError() {
		FlowClient stranger = new FlowClient(port);
		stranger.get("/register");
		String email = "fuzz-" + UUID.randomUUID() + "@example.org";
		assertThat(stranger.post("/register", Map.of("email", email)).status()).isLessThan(400);
		Matcher link = REGISTRATION_LINK
			.matcher(jdbc.sql("SELECT body_text FROM outbox_message WHERE kind = 'REGISTRATION' AND recipient = ?")
				.param(email)
				.query(String.class)
				.single());
		assertThat(link.find()).as("the registration email has its link").isTrue();

		fuzz.bendPages(stranger, action -> action.equals(link.group()), ROUNDS * 4, link.group());

		fuzz.assertHeld(ROUNDS * 4);
	}

}
