package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.FlowClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotApplication;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.HttpSignIn;
import org.unknot.account.Role;
import org.unknot.catalog.CatalogAdmin;
import org.unknot.practitioner.PractitionerSchedule;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.LocationId;
import org.unknot.payment.Balance;
import org.unknot.payment.Ledger;
import org.unknot.payment.PaymentPolicies;
import org.unknot.payment.PaymentPolicy;

import tools.jackson.databind.ObjectMapper;

/**
 * Two Unknot nodes on one PostgreSQL, as behind a load balancer: whatever a person starts
 * on one node holds on the other, and what ends on one ends on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyNodesTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String database = "unknot_nodes_" + UUID.randomUUID().toString().substring(0, 8);

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	@BeforeAll
	void startTwoNodes() {
		smtp.start();
		TestDatabases.createEmpty(database);
		DatabaseLogins logins = TestDatabases.logins(database);
		String key = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
		first = node(logins, key, smtp.getSmtp().getPort());
		second = node(logins, key, smtp.getSmtp().getPort());
	}

	@AfterAll
	void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		TestDatabases.drop(database);
		smtp.stop();
	}

	@Nested
	class ASignedInSession {

		@Test
		void madeOnOneNodeIsHonouredOnTheOther() {
			Account admin = staff();
			FlowClient onFirst = HttpSignIn.as(port(first), admin, PASSWORD);

			FlowClient onSecond = onFirst.on(port(second));

			assertThat(onSecond.get("/staff").status()).isEqualTo(200);
			assertThat(onSecond.get("/staff").body()).contains(admin.displayName());
		}

		@Test
		void signedOutOnOneNodeIsOverOnBoth() {
			FlowClient onFirst = HttpSignIn.as(port(first), staff(), PASSWORD);
			FlowClient onSecond = onFirst.on(port(second));
			onSecond.get("/staff");

			assertThat(onSecond.post("/sign-out", Map.of()).status()).isEqualTo(302);

			assertThat(onFirst.get("/staff").status()).isEqualTo(302);
			assertThat(onFirst.get("/staff").location()).contains("/sign-in");
		}

		@Test
		void endsOnEveryNodeTheMomentItsAccountIsDisabled() {
			Account admin = staff();
			FlowClient onFirst = HttpSignIn.as(port(first), admin, PASSWORD);
			FlowClient onSecond = HttpSignIn.as(port(second), admin, PASSWORD);

			first.getBean(AccountDesk.class).disable(admin.id());

			assertThat(onFirst.get("/staff").status()).isEqualTo(302);
			assertThat(onSecond.get("/staff").status()).as("the session made on the other node").isEqualTo(302);
			assertThat(rows("SELECT count(*) FROM spring_session WHERE principal_name = ?", "account:" + admin.id()))
				.isZero();
		}

		@Test
		void keepsNoHealthInformationInItsAttributes() {
			HttpSignIn.as(port(first), staff(), PASSWORD);

			List<String> names = jdbc().sql("SELECT DISTINCT attribute_name FROM spring_session_attributes")
				.query(String.class)
				.list();

			// who is signed in and since when, the form token, the index by account, the
			// page
			// asked for before signing in, and flash messages: nothing about anyone's
			// health
			assertThat(names).allSatisfy(name -> assertThat(name).matches(String.join("|",
					"SPRING_SECURITY_(CONTEXT|SAVED_REQUEST)", "org\\.springframework\\.security\\.web\\.csrf\\..*",
					"unknot\\.signedInAt", "unknot\\.pendingSecondFactor", "org\\.springframework\\.session\\..*",
					"org\\.springframework\\.web\\.servlet\\.support\\.SessionFlashMapManager\\..*")));
		}

	}

	@Nested
	class AForm {

		@Test
		void loadedFromOneNodeCanBeSentToTheOther() {
			FlowClient onFirst = new FlowClient(port(first));
			onFirst.get("/sign-in");
			FlowClient onSecond = onFirst.on(port(second));

			FlowClient.Page answer = onSecond.post("/sign-in",
					Map.of("email", "nobody@unknot.example", "password", "not the password"));

			assertThat(answer.status()).as("the form's token, made on the other node, is accepted").isEqualTo(200);
			assertThat(answer.body()).contains("do not match");
		}

	}

	@Nested
	class Bookings {

		@Test
		void racingOnBothNodesNeverOverlap() throws Exception {
			TestNetwork network = new TestNetwork(jdbc());
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			LocalDate day = LocalDate.of(2027, 3, 15);
			List<Callable<Integer>> tries = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int node = i % 2 == 0 ? port(first) : port(second);
				LocalTime time = LocalTime.of(9, 0).plusMinutes(15L * (i % 12));
				tries.add(() -> book(node, therapist, clinic, ZonedDateTime.of(day, time, NEW_YORK), null));
			}

			List<Integer> answers = runAll(tries);

			assertThat(answers).containsOnly(201, 409).contains(201);
			assertThat(rows("""
					SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id
					 AND a.practitioner_id = b.practitioner_id AND a.status <> 'cancelled'
					 AND b.status <> 'cancelled' AND a.start_at < b.end_at AND b.start_at < a.end_at
					WHERE a.practitioner_id = ?""", therapist)).as("overlapping visits").isZero();
		}

		@Test
		void retriedWithOneKeyOnBothNodesBookOnce() throws Exception {
			TestNetwork network = new TestNetwork(jdbc());
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			ZonedDateTime ten = ZonedDateTime.of(LocalDate.of(2027, 3, 16), LocalTime.of(10, 0), NEW_YORK);
			String key = UUID.randomUUID().toString();
			String body = bookingBody(therapist, clinic, ten, "Kim", "kim-" + key + "@example.org");
			List<Callable<Integer>> tries = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				int node = i % 2 == 0 ? port(first) : port(second);
				tries.add(() -> post(node, body, key));
			}

			List<Integer> answers = runAll(tries);

			assertThat(answers).contains(201);
			assertThat(answers).as("a retry while the first is running is told so").containsOnly(201, 409);
			assertThat(rows("SELECT count(*) FROM appointment WHERE practitioner_id = ?", therapist)).isEqualTo(1);
		}

	}

	@Nested
	class AvailabilityOnOneNode {

		/**
		 * Each node keeps reference data and taken times in memory; a change made through
		 * the other node is seen by the next request, not after some expiry.
		 */
		@Test
		void followsChangesMadeThroughTheOtherAtOnce() {
			TestNetwork network = new TestNetwork(jdbc());
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			LocalDate monday = LocalDate.of(2027, 5, 3);
			LocalDate tuesday = monday.plusDays(1);
			LocalDate wednesday = monday.plusDays(2);
			Instant ten = ZonedDateTime.of(wednesday, LocalTime.of(10, 0), NEW_YORK).toInstant();
			for (LocalDate day : List.of(monday, tuesday, wednesday)) {
				assertThat(freeStarts(second, therapist, clinic, day)).as("free on %s, read by the second node", day)
					.isNotEmpty();
			}

			PractitionerSchedule schedule = first.getBean(PractitionerSchedule.class);
			long mondays = schedule.hoursRules(PractitionerId.of(therapist))
				.stream()
				.filter(rule -> rule.hours().weekday() == DayOfWeek.MONDAY)
				.findFirst()
				.orElseThrow()
				.id();
			schedule.stopHours(PractitionerId.of(therapist), mondays, monday.minusDays(1));
			assertThat(freeStarts(second, therapist, clinic, monday)).as("Monday hours stopped on the first node")
				.isEmpty();

			first.getBean(CatalogAdmin.class).addClosure(LocationId.of(clinic), tuesday, tuesday, "Floor repairs");
			assertThat(freeStarts(second, therapist, clinic, tuesday)).as("clinic closed on the first node").isEmpty();

			assertThat(freeStarts(second, therapist, clinic, wednesday)).contains(ten);
			assertThat(book(port(first), therapist, clinic, ten.atZone(NEW_YORK), null)).isEqualTo(201);
			assertThat(freeStarts(second, therapist, clinic, wednesday)).as("booked on the first node")
				.doesNotContain(ten);
		}

	}

	@Nested
	class PaymentPoliciesOnOneNode {

		/**
		 * Each node keeps the payment policies in memory; a booking on one node after the
		 * other changed a policy is asked for under the new one.
		 */
		@Test
		void followChangesMadeThroughTheOtherAtOnce() {
			TestNetwork network = new TestNetwork(jdbc());
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			ZonedDateTime nine = ZonedDateTime.of(LocalDate.of(2027, 5, 10), LocalTime.of(9, 0), NEW_YORK);
			ZonedDateTime eleven = nine.plusHours(2);
			PaymentPolicies policiesOfFirst = first.getBean(PaymentPolicies.class);
			assertThat(book(port(second), therapist, clinic, nine, null)).isEqualTo(201);

			policiesOfFirst.save(new PaymentPolicy(TestNetwork.MASSAGE, PaymentPolicy.Due.DEPOSIT, Money.usd(2500),
					null, Duration.ofHours(24), Money.usd(4000), Money.usd(6000)));
			try {
				assertThat(book(port(second), therapist, clinic, eleven, null))
					.as("the new policy asks the patient's agreement, which this booking does not state")
					.isEqualTo(422);
				String version = policyVersionOn(second);
				ObjectMapper json = first.getBean(ObjectMapper.class);
				Map<String, Object> body = new LinkedHashMap<>(json.readValue(
						bookingBody(therapist, clinic, eleven, "Robin", "robin-" + UUID.randomUUID() + "@example.org"),
						Map.class));
				body.put("policyAgreed", true);
				body.put("policyVersion", version);
				assertThat(post(port(second), json.writeValueAsString(body), null)).isEqualTo(201);

				Ledger ledger = second.getBean(Ledger.class);
				assertThat(Balance.of(ledger.ofVisit(visitAt(therapist, nine))).owed())
					.as("booked on the second node before the change")
					.isEqualTo(Money.usd(0));
				assertThat(Balance.of(ledger.ofVisit(visitAt(therapist, eleven))).owed())
					.as("booked on the second node after the first changed the policy")
					.isEqualTo(Money.usd(2500));
			}
			finally {
				policiesOfFirst.save(PaymentPolicy.payAtVisit(TestNetwork.MASSAGE));
			}
		}

		private String policyVersionOn(ConfigurableApplicationContext node) {
			URI uri = URI.create(
					"http://localhost:" + port(node) + "/api/v1/services/" + TestNetwork.MASSAGE + "/payment-policy");
			try {
				String answer = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
					.body();
				return first.getBean(ObjectMapper.class).readTree(answer).get("version").asString();
			}
			catch (IOException | InterruptedException ex) {
				throw new AssertionError(ex);
			}
		}

		private UUID visitAt(String therapist, ZonedDateTime start) {
			return jdbc().sql("SELECT id FROM appointment WHERE practitioner_id = ? AND start_at = ?")
				.params(therapist, start.toOffsetDateTime())
				.query(UUID.class)
				.single();
		}

	}

	@Nested
	class Messages {

		@Test
		void dueWhileBothNodesRunGoOutOnce() throws Exception {
			TestNetwork network = new TestNetwork(jdbc());
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			LocalDate day = LocalDate.of(2027, 4, 12);
			for (int i = 0; i < 8; i++) {
				int node = i % 2 == 0 ? port(first) : port(second);
				LocalTime time = LocalTime.of(9, 0).plusMinutes(75L * (i % 4));
				ZonedDateTime start = ZonedDateTime.of(day.plusDays(i / 4), time, NEW_YORK);
				assertThat(book(node, therapist, clinic, start, null)).isEqualTo(201);
			}
			String ofTheseVisits = "FROM outbox_message m JOIN appointment a ON a.id = m.subject_id "
					+ "WHERE a.practitioner_id = ? AND m.channel = 'EMAIL'";
			// the reminders fall due now, while both dispatchers are polling
			jdbc()
				.sql("UPDATE outbox_message m SET due_at = now() FROM appointment a WHERE a.id = m.subject_id "
						+ "AND a.practitioner_id = ? AND m.kind = 'REMINDER'")
				.param(therapist)
				.update();

			long planned = rows("SELECT count(*) " + ofTheseVisits, therapist);
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
			while (rows("SELECT count(*) " + ofTheseVisits + " AND m.status <> 'sent'", therapist) > 0
					&& System.nanoTime() < deadline) {
				Thread.sleep(100);
			}

			assertThat(planned).as("a confirmation and reminders for each visit").isGreaterThanOrEqualTo(16);
			assertThat(rows("SELECT count(*) " + ofTheseVisits + " AND m.status = 'sent'", therapist))
				.isEqualTo(planned);
			List<String> received = new ArrayList<>();
			for (MimeMessage message : smtp.getReceivedMessages()) {
				String to = message.getAllRecipients()[0].toString();
				if (to.startsWith("robin-")) {
					received.add(message.getMessageID());
				}
			}
			List<String> sentIds = jdbc().sql("SELECT m.message_id " + ofTheseVisits)
				.param(therapist)
				.query(String.class)
				.list();
			assertThat(received).as("each message delivered exactly once")
				.filteredOn(id -> sentIds.stream().anyMatch(id::contains))
				.hasSize(sentIds.size())
				.doesNotHaveDuplicates();
		}

	}

	private static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	/** A node with its outbox dispatcher working (the test profile turns it off). */
	private static ConfigurableApplicationContext node(DatabaseLogins logins, String key, int smtpPort) {
		// arguments, not default properties: they must win over application.yml's port
		return new SpringApplicationBuilder(UnknotApplication.class).profiles("test")
			.run("--server.port=0", "--unknot.db.url=" + logins.url(), "--unknot.db.user=" + logins.app().user(),
					"--unknot.db.password=" + logins.app().password(),
					"--unknot.db.owner.user=" + logins.owner().user(), "--unknot.db.owner.password=",
					"--unknot.encryption.keys.nodes=" + key, "--unknot.audit.key=" + key,
					"--spring.main.banner-mode=off", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
					"--unknot.notification.dispatcher.enabled=true", "--unknot.notification.dispatcher.interval=100ms");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private JdbcClient jdbc() {
		return first.getBean(JdbcClient.class);
	}

	private long rows(String sql, Object... params) {
		return jdbc().sql(sql).params(params).query(Long.class).single();
	}

	private Account staff() {
		return first.getBean(AccountDesk.class)
			.create(new AccountDesk.NewAccount("node-" + UUID.randomUUID() + "@unknot.example", "Noor Nodes",
					Role.ADMIN, List.of(), null, null, PASSWORD));
	}

	private int book(int port, String therapist, String clinic, ZonedDateTime start, String key) {
		String n = UUID.randomUUID().toString().substring(0, 8);
		return post(port, bookingBody(therapist, clinic, start, "Robin", "robin-" + n + "@example.org"), key);
	}

	private String bookingBody(String therapist, String clinic, ZonedDateTime start, String given, String email) {
		Map<String, Object> patient = new LinkedHashMap<>();
		patient.put("givenName", given);
		patient.put("familyName", "Racer");
		patient.put("email", email);
		patient.put("birthDate", "1980-05-05");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", TestNetwork.MASSAGE);
		body.put("practitioner", therapist);
		body.put("location", clinic);
		body.put("start", start.toOffsetDateTime().toString());
		body.put("patient", patient);
		return first.getBean(ObjectMapper.class).writeValueAsString(body);
	}

	private List<Instant> freeStarts(ConfigurableApplicationContext node, String practitioner, String clinic,
			LocalDate day) {
		URI uri = URI.create("http://localhost:" + port(node) + "/api/v1/availability?service=" + TestNetwork.MASSAGE
				+ "&location=" + clinic + "&practitioner=" + practitioner + "&from=" + day + "&to=" + day);
		try {
			HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			List<Instant> starts = new ArrayList<>();
			first.getBean(ObjectMapper.class)
				.readTree(answer.body())
				.path("slots")
				.forEach(slot -> starts.add(OffsetDateTime.parse(slot.path("start").asString()).toInstant()));
			return starts;
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private static int post(int port, String body, String key) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/appointments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static List<Integer> runAll(List<Callable<Integer>> tries) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Integer> answers = new ArrayList<>();
			for (Future<Integer> answer : pool.invokeAll(tries)) {
				answers.add(answer.get());
			}
			return answers;
		}
		finally {
			pool.shutdown();
		}
	}

}
