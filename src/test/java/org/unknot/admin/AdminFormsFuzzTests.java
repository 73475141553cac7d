package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

/**
 * Property: every admin form, on pages of things this test made itself, answers bent
 * input with a page (the message beside the field) or a redirect, never a server error.
 * Forms of things other tests made (other accounts, clinics, plans) are left alone, and
 * so is signing out.
 */
@UnknotIntegrationTest
class AdminFormsFuzzTests {

	private static final String PASSWORD = "admin fuzz passphrase";

	private static final int ROUNDS = Integer.getInteger("unknot.fuzz.rounds", 8);

	private static final Set<String> ADDING = Set.of("/admin/clinics", "/admin/practitioners", "/admin/services",
			"/admin/insurance", "/admin/articles", "/admin/articles/preview", "/admin/accounts");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	private final FormFuzzer fuzz = new FormFuzzer(20_261_126L);

	@Test
	void noBentAdminFormGetsAServerError() {
		FlowClient admin = HttpSignIn.as(port, staff(Role.ADMIN, List.of()), PASSWORD);
		TestNetwork network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		network.closure(clinic, LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 6));
		String therapist = network.therapist();
		network.weekdays(therapist, clinic)
			.timeOff(therapist, Instant.parse("2027-08-02T13:00:00Z"), Instant.parse("2027-08-02T21:00:00Z"));
		String service = added(admin, "/admin/services", service());
		String plan = added(admin, "/admin/insurance", Map.of("name", "Fuzz plan " + TestNetwork.shortId(), "payerKind",
				"COMMERCIAL", "memberIdLabel", "Member ID", "memberIdPattern", "[A-Z0-9]{4,20}"));
		String article = added(admin, "/admin/articles", article());
		String desk = staff(Role.FRONT_DESK, List.of(clinic)).id().toString();
		List<String> mine = List.of(clinic, therapist, service, plan, article, desk);

		fuzz.bendPages(admin, action -> ADDING.contains(action) || FormFuzzer.names(action, mine), ROUNDS,
				"/admin/clinics/" + clinic, "/admin/practitioners/" + therapist, "/admin/services/" + service,
				"/admin/insurance/" + plan, "/admin/articles/" + article, "/admin/accounts", "/admin/clinics/new",
				"/admin/practitioners/new", "/admin/services/new", "/admin/insurance", "/admin/articles/new");

		fuzz.assertHeld(25 * ROUNDS);
	}

	private Account staff(Role role, List<String> clinics) {
		return accounts.create(new AccountDesk.NewAccount("fuzz-" + UUID.randomUUID() + "@unknot.example",
				"Fuzz " + role, role, clinics, null, null, PASSWORD));
	}

	/**
	 * Adds something with a valid form; answers its id, taken from the page it leads to.
	 */
	private static String added(FlowClient admin, String path, Map<String, ?> form) {
		admin.get(path.equals("/admin/insurance") ? path : path + "/new");
		Page answer = admin.post(path, form);
		assertThat(answer.status()).as(answer.toString()).isIn(302, 303);
		return answer.location().substring(path.length() + 1);
	}

	private static Map<String, Object> service() {
		return Map.ofEntries(Map.entry("name", "Fuzz massage " + TestNetwork.shortId()),
				Map.entry("category", "MASSAGE"), Map.entry("description", "Bent forms, kneaded"),
				Map.entry("durationMinutes", "60"), Map.entry("bufferBeforeMinutes", "0"),
				Map.entry("bufferAfterMinutes", "15"), Map.entry("priceCents", "11000"),
				Map.entry("billingCodes", "97124"), Map.entry("minNoticeMinutes", "60"),
				Map.entry("maxAdvanceDays", "400"), Map.entry("slotStepMinutes", "15"), Map.entry("inPerson", "true"),
				Map.entry("roomKind", "MASSAGE_ROOM"), Map.entry("licenceTypes", "LMT"));
	}

	private static Map<String, Object> article() {
		String slug = "fuzz-" + TestNetwork.shortId();
		return Map.of("title", "Fuzzing the shoulder", "slug", slug, "summary", "A page for bent forms only.", "topics",
				"fuzz " + slug, "publishedOn", "2020-02-03", "services", TestNetwork.MASSAGE, "body",
				"## Some heading\n\nSome *words*.");
	}

}
