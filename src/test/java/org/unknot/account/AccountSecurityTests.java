package org.unknot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.unknot.FlowClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.UnknotIntegrationTest;

/**
 * Signing in as staff and patients, end to end through the security filters: the second
 * factor, sessions that end, throttling that does not lock the owner out, and answers
 * that do not tell whether an account exists.
 */
@UnknotIntegrationTest
class AccountSecurityTests {

	static final String PASSWORD = "correct horse battery staple";
	static final Pattern KEY = Pattern.compile("Key: <code>([A-Z2-7 ]+)</code>");

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	WebApplicationContext context;

	@Autowired
	AccountDesk desk;

	@LocalServerPort
	int port;

	MockMvc mvc;

	/**
	 * The code the last {@link #enrol} used, exactly (a code computed anew may fall in
	 * the next step).
	 */
	String enrolCode;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
	}

	@Nested
	class WhenNobodyIsSignedIn {

		@Test
		void sendsStaffPagesToTheSignInPage() throws Exception {
			for (String path : new String[] { "/staff", "/admin/anything", "/account" }) {
				MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();

				assertThat(response.getStatus()).as(path).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).as(path).endsWith("/sign-in");
			}
		}

		@Test
		void answersTheStaffApiWithUnauthorized() throws Exception {
			assertThat(mvc.perform(get("/api/v1/staff/calendar")).andReturn().getResponse().getStatus()).isEqualTo(401);
		}

		@Test
		void leavesThePublicSiteAndApiOpen() throws Exception {
			assertThat(mvc.perform(get("/api/v1/services")).andReturn().getResponse().getStatus()).isEqualTo(200);
			assertThat(mvc.perform(get("/sign-in")).andReturn().getResponse().getStatus()).isEqualTo(200);
		}

		@Test
		void refusesAFormPostWithoutItsCsrfToken() throws Exception {
			MockHttpServletResponse response = mvc
				.perform(post("/sign-in").param("email", "someone@example.org").param("password", PASSWORD))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).isEqualTo(403);
		}

		@Test
		void answersOddSignInInputWithAPageNeverAServerError() throws Exception {
			// each from an address of its own: bent sign-ins count against the address
			// they come from
			String[] odd = { "", " ", "a\u0000b", "x".repeat(5_000), "<script>alert(1)</script>", "' OR 1=1 --",
					"\u202Eevil", "@", "patient@unknot.example" };
			for (String email : odd) {
				for (String password : new String[] { "", "a\u0000b", "y".repeat(5_000), PASSWORD }) {
					MockHttpServletResponse response = password(email, password, address()).getResponse();

					assertThat(response.getStatus()).as("%s / %s", email.length(), password.length()).isIn(200, 400);
					assertThat(response.getContentType()).startsWith("text/html");
				}
			}
		}

		@Test
		void sendsTheProtectiveHeaders() throws Exception {
			MockHttpServletResponse response = mvc.perform(get("/sign-in")).andReturn().getResponse();

			assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=31536000");
			assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		}

		@Test
		void keepsEveryFormOnThisSiteWhilePatientsPayAtTheClinic() throws Exception {
			for (String path : new String[] { "/book/" + UUID.randomUUID() + "/review", "/account/payments",
					"/account/packages", "/sign-in" }) {
				assertThat(mvc.perform(get(path)).andReturn().getResponse().getHeader("Content-Security-Policy"))
					.as(path)
					.contains("form-action 'self';");
			}
		}

	}

	@Nested
	class WhenStaffSignIn {

		@Test
		void enrolTheirSecondFactorAtTheFirstSignInThenUseIt() throws Exception {
			Account admin = staff(Role.ADMIN);

			MvcResult passwordStep = password(admin.email(), PASSWORD, address());
			assertThat(passwordStep.getResponse().getRedirectedUrl()).isEqualTo("/sign-in/enrol");
			MockHttpSession pending = session(passwordStep);
			assertThat(status(get("/staff").session(pending))).as("a password alone opens nothing").isEqualTo(302);
			String enrolPage = mvc.perform(get("/sign-in/enrol").session(pending))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(enrolPage).contains("<svg");
			String secret = secretOn(enrolPage);
			MvcResult enrolled = mvc
				.perform(post("/sign-in/enrol").session(pending)
					.with(csrf())
					.param("code", Totp.code(secret, Instant.now())))
				.andReturn();
			assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/staff");
			MockHttpSession signedIn = session(enrolled);
			assertThat(signedIn.getId()).as("a new session id after signing in").isNotEqualTo(pending.getId());
			assertThat(mvc.perform(get("/staff").session(signedIn)).andReturn().getResponse().getContentAsString())
				.contains(admin.displayName());

			MvcResult again = password(admin.email(), PASSWORD, address());
			assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/sign-in/code");
			MvcResult withCode = mvc
				.perform(post("/sign-in/code").session(session(again))
					.with(csrf())
					.param("code", Totp.code(secret, Instant.now().plusSeconds(30))))
				.andReturn();
			assertThat(withCode.getResponse().getRedirectedUrl()).isEqualTo("/staff");
		}

		@Test
		void areRefusedAWrongOrReplayedCode() throws Exception {
			Account desk = staff(Role.FRONT_DESK);
			String secret = enrol(desk);
			MockHttpSession pending = session(password(desk.email(), PASSWORD, address()));

			MvcResult wrong = mvc.perform(post("/sign-in/code").session(pending).with(csrf()).param("code", "000000"))
				.andReturn();
			MvcResult replayed = mvc
				.perform(post("/sign-in/code").session(pending).with(csrf()).param("code", enrolCode))
				.andReturn();

			assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
			assertThat(wrong.getResponse().getContentAsString()).contains("aria-invalid=\"true\"")
				.contains("aria-describedby=\"code-error\"");
			assertThat(replayed.getResponse().getStatus()).as("the code used to enrol cannot be used again")
				.isEqualTo(422);
		}

		@Test
		void countAWrongCodeTowardsTheThrottleThoughItsRefusalRollsBack(
				@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
			Account desk = staff(Role.FRONT_DESK);
			enrol(desk);
			String from = address();
			MockHttpSession pending = session(password(desk.email(), PASSWORD, from));

			MvcResult wrong = mvc
				.perform(post("/sign-in/code").session(pending).with(csrf()).with(from(from)).param("code", "000000"))
				.andReturn();

			assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
			assertThat(jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE address = ?")
				.param(from)
				.query(Long.class)
				.single()).isEqualTo(1);
		}

		@Test
		void cannotReachAdminPagesWithoutTheAdminRole() throws Exception {
			Account frontDesk = staff(Role.FRONT_DESK);
			MockHttpSession session = signedIn(frontDesk);

			assertThat(status(get("/staff").session(session))).isEqualTo(200);
			assertThat(status(get("/admin/accounts").session(session))).isEqualTo(403);
			assertThat(status(get("/account").session(session))).isEqualTo(403);
		}

	}

	@Nested
	class WhenAPatientAsksForASignInLink {

		@Autowired
		org.unknot.patient.Patients patients;

		@Autowired
		org.springframework.jdbc.core.simple.JdbcClient jdbc;

		@Test
		void signsInOnceWithTheEmailedLinkAndSaysNothingAboutUnknownAddresses() throws Exception {
			String email = "linked-" + UUID.randomUUID() + "@example.org";
			UUID patient = patients.identify(new org.unknot.patient.PatientDetails("Lina", "Ko", email, null,
					java.time.LocalDate.of(1991, 1, 1)));
			desk.create(new AccountDesk.NewAccount(email, "Lina Ko", Role.PATIENT, List.of(), null, patient, PASSWORD));

			MockHttpServletResponse known = mvc.perform(post("/sign-in/link").with(csrf()).param("email", email))
				.andReturn()
				.getResponse();
			MockHttpServletResponse unknown = mvc
				.perform(post("/sign-in/link").with(csrf())
					.param("email", "nobody-" + UUID.randomUUID() + "@example.org"))
				.andReturn()
				.getResponse();
			assertThat(unknown.getStatus()).isEqualTo(known.getStatus()).isEqualTo(200);
			assertThat(withoutTokens(unknown.getContentAsString(), ""))
				.isEqualTo(withoutTokens(known.getContentAsString(), ""));
			String body = jdbc
				.sql("SELECT body_text FROM outbox_message WHERE kind = 'SIGN_IN_LINK' AND patient_id = ?")
				.param(patient)
				.query(String.class)
				.single();
			Matcher link = Pattern.compile("/sign-in/link/([A-Za-z0-9_-]{43})").matcher(body);
			assertThat(link.find()).isTrue();
			String path = "/sign-in/link/" + link.group(1);

			assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString())
				.as("opening the link signs nobody in")
				.contains("Press the button");
			MvcResult used = mvc.perform(post(path).with(csrf())).andReturn();
			MockHttpServletResponse again = mvc.perform(post(path).with(csrf())).andReturn().getResponse();

			assertThat(used.getResponse().getRedirectedUrl()).isEqualTo("/account");
			assertThat(again.getStatus()).isEqualTo(410);
			assertThat(again.getContentAsString()).contains("already been used or has expired");
		}

		@Test
		void tellsAnAddressWithoutAPatientAccountHowToOpenOneAndSendsNoLink() throws Exception {
			String nobody = "nobody-" + UUID.randomUUID() + "@example.org";

			mvc.perform(post("/sign-in/link").with(csrf()).param("email", nobody)).andReturn();

			String body = jdbc.sql("SELECT body_text FROM outbox_message WHERE recipient = ? AND patient_id IS NULL")
				.param(nobody)
				.query(String.class)
				.single();
			assertThat(body).contains("no patient account can use one here")
				.contains("/register")
				.doesNotContain("/sign-in/link/");
		}

		@Test
		void takesAsLongForAnUnknownAddressAsForAPatients() throws Exception {
			List<Long> known = new ArrayList<>();
			List<Long> unknown = new ArrayList<>();
			for (int i = 0; i < 21; i++) {
				String email = "timed-" + UUID.randomUUID() + "@example.org";
				UUID patient = patients.identify(new org.unknot.patient.PatientDetails("Tim", "Ed", email, null,
						java.time.LocalDate.of(1975, 3, 3)));
				desk.create(
						new AccountDesk.NewAccount(email, "Tim Ed", Role.PATIENT, List.of(), null, patient, PASSWORD));
				String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
				if (i % 2 == 0) {
					known.add(wallTime(email));
					unknown.add(wallTime(nobody));
				}
				else {
					unknown.add(wallTime(nobody));
					known.add(wallTime(email));
				}
			}

			assertThat(Duration.ofNanos(Math.abs(median(known) - median(unknown))))
				.as("known %s ms, unknown %s ms", median(known) / 1e6, median(unknown) / 1e6)
				.isLessThan(Duration.ofMillis(5));
		}

		private long wallTime(String email) throws Exception {
			long start = System.nanoTime();
			mvc.perform(post("/sign-in/link").with(csrf()).param("email", email)).andReturn();
			return System.nanoTime() - start;
		}

		@Test
		void refusesAnExpiredLink() throws Exception {
			String email = "late-" + UUID.randomUUID() + "@example.org";
			UUID patient = patients.identify(new org.unknot.patient.PatientDetails("Max", "Ode", email, null,
					java.time.LocalDate.of(1980, 5, 5)));
			desk.create(new AccountDesk.NewAccount(email, "Max Ode", Role.PATIENT, List.of(), null, patient, PASSWORD));
			mvc.perform(post("/sign-in/link").with(csrf()).param("email", email)).andReturn();
			String body = jdbc
				.sql("SELECT body_text FROM outbox_message WHERE kind = 'SIGN_IN_LINK' AND patient_id = ?")
				.param(patient)
				.query(String.class)
				.single();
			Matcher link = Pattern.compile("/sign-in/link/([A-Za-z0-9_-]{43})").matcher(body);
			assertThat(link.find()).isTrue();
			jdbc.sql(
					"UPDATE sign_in_link SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE email = ?)")
				.param(email)
				.update();

			assertThat(mvc.perform(post("/sign-in/link/" + link.group(1)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(410);
		}

	}

	@Nested
	class WhenAPasswordChanges {

		@Test
		void aPatientSetsANewOneAndEverySessionEnds() throws Exception {
			Account patient = patientAccount();
			FlowClient browser = HttpSignIn.as(port, patient, PASSWORD);
			FlowClient otherDevice = HttpSignIn.as(port, patient, PASSWORD);
			browser.get("/account/password");

			FlowClient.Page tooShort = browser.post("/account/password", Map.of("password", "short"));
			FlowClient.Page changed = browser.post("/account/password", Map.of("password", "a brand new passphrase"));

			assertThat(tooShort.status()).isEqualTo(422);
			assertThat(tooShort.body()).contains("id=\"password-error\"");
			assertThat(changed.location()).isEqualTo("/sign-in?password-changed");
			assertThat(browser.get("/account").status()).as("this session ended").isEqualTo(302);
			assertThat(otherDevice.get("/account").status()).as("the other device's session ended").isEqualTo(302);
			assertThat(password(patient.email(), PASSWORD, address()).getResponse().getStatus()).isEqualTo(200);
			assertThat(password(patient.email(), "a brand new passphrase", address()).getResponse().getRedirectedUrl())
				.isEqualTo("/account");
		}

		@Test
		void aSessionSignedInLongerAgoThanTheWindowMustSignInAgainFirst() throws Exception {
			Account patient = patientAccount();
			MockHttpSession session = session(password(patient.email(), PASSWORD, address()));
			session.setAttribute(RecentSignIn.SIGNED_IN_AT,
					java.time.Instant.now().minus(RecentSignIn.WINDOW).minusSeconds(60));

			MockHttpServletResponse page = mvc.perform(get("/account/password").session(session))
				.andReturn()
				.getResponse();
			MockHttpServletResponse refused = mvc
				.perform(post("/account/password").session(session)
					.with(csrf())
					.param("password", "taken over by a stranger"))
				.andReturn()
				.getResponse();

			assertThat(page.getStatus()).isEqualTo(403);
			assertThat(page.getContentAsString()).contains("id=\"sign-in-again\"").doesNotContain("name=\"password\"");
			assertThat(refused.getStatus()).isEqualTo(403);
			assertThat(password(patient.email(), PASSWORD, address()).getResponse().getRedirectedUrl())
				.as("the old password still works")
				.isEqualTo("/account");
			assertThat(password(patient.email(), "taken over by a stranger", address()).getResponse().getStatus())
				.isEqualTo(200);
		}

		@Test
		void anAdminSetsOneForAStaffMemberWhoLostTheirs() throws Exception {
			Account frontDesk = staff(Role.FRONT_DESK);
			MockHttpSession admin = signedIn(staff(Role.ADMIN));

			mvc.perform(post("/admin/accounts/{id}/password", frontDesk.id()).session(admin)
				.with(csrf())
				.param("password", "handed over in person")).andReturn();

			assertThat(password(frontDesk.email(), "handed over in person", address()).getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in/enrol");
		}

	}

	@Nested
	class WhenAPatientAddsASecondFactor {

		@Test
		void isAskedForACodeFromThenOn() throws Exception {
			Account patient = patientAccount();
			MockHttpSession session = session(password(patient.email(), PASSWORD, address()));
			String page = mvc.perform(get("/account/second-factor").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString();
			String secret = secretOn(page);

			MvcResult confirmed = mvc
				.perform(post("/account/second-factor").session(session)
					.with(csrf())
					.param("code", Totp.code(secret, Instant.now())))
				.andReturn();

			assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/account");
			assertThat(password(patient.email(), PASSWORD, address()).getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in/code");
		}

	}

	@Nested
	class WhenASessionEnds {

		@Test
		void signingOutEndsItAtOnce() throws Exception {
			MockHttpSession session = signedIn(staff(Role.ADMIN));

			mvc.perform(post("/sign-out").session(session).with(csrf())).andReturn();

			assertThat(status(get("/staff").session(session))).isEqualTo(302);
		}

		@Test
		void disablingTheAccountEndsItsSessionsAtOnce() {
			Account admin = staff(Role.ADMIN);
			FlowClient browser = HttpSignIn.as(port, admin, PASSWORD);
			assertThat(browser.get("/staff").status()).isEqualTo(200);

			desk.disable(admin.id());

			FlowClient.Page after = browser.get("/staff");
			assertThat(after.status()).isEqualTo(302);
			assertThat(after.location()).contains("/sign-in");
			assertThat(new FlowClient(port).post("/sign-in", Map.of("email", admin.email(), "password", PASSWORD))
				.status()).as("a disabled account cannot sign in again").isEqualTo(200);
		}

		@Test
		void endsItAfterTwelveHoursHoweverActive() throws Exception {
			MockHttpSession session = signedIn(staff(Role.ADMIN));
			session.setAttribute("unknot.signedInAt", Instant.now().minus(Duration.ofHours(12)).minusSeconds(1));

			MockHttpServletResponse response = mvc.perform(get("/staff").session(session)).andReturn().getResponse();

			assertThat(response.getRedirectedUrl()).isEqualTo("/sign-in?expired");
		}

		@Test
		void endsAfterFifteenIdleMinutes(@Autowired org.springframework.core.env.Environment environment) {
			assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class))
				.isEqualTo(Duration.ofMinutes(15));
		}

	}

	@Nested
	class WhenSomeoneGuesses {

		@Test
		void answersAnUnknownAccountExactlyLikeAWrongPassword() throws Exception {
			Account known = staff(Role.FRONT_DESK);
			String unknown = "nobody-" + UUID.randomUUID() + "@example.org";

			MockHttpServletResponse wrongPassword = password(known.email(), "not the password at all", address())
				.getResponse();
			MockHttpServletResponse noAccount = password(unknown, "not the password at all", address()).getResponse();

			assertThat(noAccount.getStatus()).isEqualTo(wrongPassword.getStatus()).isEqualTo(200);
			assertThat(withoutTokens(noAccount.getContentAsString(), unknown))
				.isEqualTo(withoutTokens(wrongPassword.getContentAsString(), known.email()));
			assertThat(noAccount.getHeaderNames()).containsExactlyInAnyOrderElementsOf(wrongPassword.getHeaderNames());
		}

		@Test
		void takesAsLongForAnUnknownAccountAsForAWrongPassword() throws Exception {
			Account known = staff(Role.FRONT_DESK);
			String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
			List<Long> knownTimes = new ArrayList<>();
			List<Long> unknownTimes = new ArrayList<>();
			for (int i = 0; i < 21; i++) {
				if (i % 2 == 0) {
					knownTimes.add(timed(known.email()));
					unknownTimes.add(timed(unknown));
				}
				else {
					unknownTimes.add(timed(unknown));
					knownTimes.add(timed(known.email()));
				}
			}

			long difference = Math.abs(median(knownTimes) - median(unknownTimes));

			assertThat(Duration.ofNanos(difference))
				.as("known %s ms, unknown %s ms", median(knownTimes) / 1e6, median(unknownTimes) / 1e6)
				.isLessThan(Duration.ofMillis(10));
		}

		@Test
		void stopsAnAccountsGuessersButNotItsOwnerOnTheirDevice() throws Exception {
			Account patient = patientAccount();
			MvcResult first = password(patient.email(), PASSWORD, address());
			assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/account");
			Cookie device = first.getResponse().getCookie("unknot_device");
			assertThat(device).isNotNull();
			assertThat(device.isHttpOnly()).isTrue();
			assertThat(device.getSecure()).isTrue();

			int refusedAt = guessUntilHeld(patient.email(), AccountSecurityTests::address);

			assertThat(refusedAt).as("guesses answered before the account backs off")
				.isEqualTo(SignInThrottle.FREE_FAILURES);
			MockHttpServletResponse attacker = password(patient.email(), PASSWORD, address()).getResponse();
			assertThat(attacker.getStatus()).as("even the right password, from an unknown device").isEqualTo(429);
			MvcResult owner = mvc.perform(signInRequest(patient.email(), PASSWORD, address()).cookie(device))
				.andReturn();
			assertThat(owner.getResponse().getRedirectedUrl()).isEqualTo("/account");
		}

		@Test
		void stopsAnAddressTryingManyAccounts() throws Exception {
			String address = address();
			for (int i = 0; i < SignInThrottle.PER_ADDRESS_ACCOUNTS; i++) {
				password("someone-" + i + "-" + UUID.randomUUID() + "@example.org", "guess", address);
			}
			Account patient = patientAccount();

			assertThat(password(patient.email(), PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
			assertThat(password(patient.email(), PASSWORD, address()).getResponse().getRedirectedUrl())
				.isEqualTo("/account");
		}

		@Test
		void holdingOneAccountAtAnAddressStopsNobodyElseThere() throws Exception {
			Account target = patientAccount();
			MvcResult earlier = password(target.email(), PASSWORD, address());
			Cookie device = earlier.getResponse().getCookie("unknot_device");
			String sharedConnection = address();

			guessUntilHeld(target.email(), () -> sharedConnection);
			for (int i = 0; i < 20; i++) {
				password(target.email(), "still guessing " + i, sharedConnection);
			}

			Account colleague = patientAccount();
			assertThat(password(colleague.email(), PASSWORD, sharedConnection).getResponse().getRedirectedUrl())
				.as("another person on the same connection")
				.isEqualTo("/account");
			assertThat(mvc.perform(signInRequest(target.email(), PASSWORD, sharedConnection).cookie(device))
				.andReturn()
				.getResponse()
				.getRedirectedUrl()).as("the owner on the device they signed in from before").isEqualTo("/account");
		}

		@Test
		void countsTheClientBehindATrustedProxyNotTheProxy() throws Exception {
			MockMvc behindProxy = MockMvcBuilders.webAppContextSetup(context)
				.addFilters(context.getBean("forwardedClientFilter", Filter.class))
				.apply(SecurityMockMvcConfigurers.springSecurity())
				.build();
			String attacker = address();
			for (int i = 0; i < SignInThrottle.PER_ADDRESS_ACCOUNTS; i++) {
				behindProxy.perform(
						signInRequest("sprayed-" + i + "-" + UUID.randomUUID() + "@example.org", "guess", "127.0.0.1")
							.header("X-Forwarded-For", attacker));
			}
			Account patient = patientAccount();

			assertThat(behindProxy
				.perform(signInRequest(patient.email(), PASSWORD, "127.0.0.1").header("X-Forwarded-For", attacker))
				.andReturn()
				.getResponse()
				.getStatus()).as("the attacker, through the proxy").isEqualTo(429);
			assertThat(behindProxy
				.perform(signInRequest(patient.email(), PASSWORD, "127.0.0.1").header("X-Forwarded-For", address()))
				.andReturn()
				.getResponse()
				.getRedirectedUrl()).as("someone else, through the same proxy").isEqualTo("/account");
			assertThat(behindProxy
				.perform(signInRequest(patient.email(), PASSWORD, attacker).header("X-Forwarded-For", address()))
				.andReturn()
				.getResponse()
				.getStatus()).as("the attacker naming another address himself").isEqualTo(429);
		}

	}

	/**
	 * Wrong passwords for {@code email} until the throttle answers 429.
	 * @return how many were answered before that
	 */
	private int guessUntilHeld(String email, java.util.function.Supplier<String> address) throws Exception {
		for (int i = 0; i < SignInThrottle.PER_ACCOUNT_UNKNOWN_DEVICES + 1; i++) {
			if (password(email, "guess number " + i, address.get()).getResponse().getStatus() == 429) {
				return i;
			}
		}
		throw new AssertionError("never held");
	}

	/**
	 * The CPU time the request took on this thread (MockMvc runs it here): the work done,
	 * which is what an attacker's stopwatch would see on a quiet server, without the
	 * noise of other processes.
	 */
	private long timed(String email) throws Exception {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		password(email, "not the password at all", address());
		return threads.getCurrentThreadCpuTime() - start;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String withoutTokens(String body, String email) {
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"").replace(email, "EMAIL");
	}

	private Account staff(Role role) {
		return desk
			.create(new AccountDesk.NewAccount("staff-" + UUID.randomUUID() + "@unknot.example", "Dana Staff " + role,
					role, role == Role.FRONT_DESK ? List.of("clinic-a") : List.of(), null, null, PASSWORD));
	}

	private Account patientAccount() {
		return desk.create(new AccountDesk.NewAccount("patient-" + UUID.randomUUID() + "@example.org", "Pat Ient",
				Role.PATIENT, List.of(), null, null, PASSWORD));
	}

	/** Signs in fully (enrolling the second factor) and answers the signed-in session. */
	private MockHttpSession signedIn(Account account) throws Exception {
		MockHttpSession pending = session(password(account.email(), PASSWORD, address()));
		String secret = secretOn(
				mvc.perform(get("/sign-in/enrol").session(pending)).andReturn().getResponse().getContentAsString());
		return session(mvc.perform(
				post("/sign-in/enrol").session(pending).with(csrf()).param("code", Totp.code(secret, Instant.now())))
			.andReturn());
	}

	private String enrol(Account account) throws Exception {
		MockHttpSession pending = session(password(account.email(), PASSWORD, address()));
		String secret = secretOn(
				mvc.perform(get("/sign-in/enrol").session(pending)).andReturn().getResponse().getContentAsString());
		enrolCode = Totp.code(secret, Instant.now());
		mvc.perform(post("/sign-in/enrol").session(pending).with(csrf()).param("code", enrolCode)).andReturn();
		return secret;
	}

	private MvcResult password(String email, String password, String address) throws Exception {
		return mvc.perform(signInRequest(email, password, address)).andReturn();
	}

	private MockHttpServletRequestBuilder signInRequest(String email, String password, String address) {
		return post("/sign-in").with(csrf()).with(from(address)).param("email", email).param("password", password);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static String secretOn(String page) {
		Matcher matcher = KEY.matcher(page);
		assertThat(matcher.find()).as("the enrolment page shows the key").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	private static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
