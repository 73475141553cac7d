package org.unknot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
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
 * Patients open their own account: the first answer never tells whether an address has
 * one, only its owner can finish, and the account finds the visits booked before with the
 * same email and birth date.
 */
@UnknotIntegrationTest
class RegistrationTests {

	static final String PASSWORD = "a kettle of quiet herons";
	static final Pattern LINK = Pattern.compile("/register/([A-Za-z0-9_-]{43})");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk desk;

	@Autowired
	BookingDesk bookings;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
	}

	@Nested
	class AskingWithAnAddress {

		@Test
		void answersTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
			String known = existingPatientAccount();
			String unknown = newAddress();

			MockHttpServletResponse forKnown = ask(known);
			MockHttpServletResponse forUnknown = ask(unknown);

			assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus()).isEqualTo(200);
			assertThat(withoutCsrf(forUnknown.getContentAsString()))
				.isEqualTo(withoutCsrf(forKnown.getContentAsString()))
				.contains("Check your email");
			assertThat(forUnknown.getHeaderNames()).containsExactlyInAnyOrderElementsOf(forKnown.getHeaderNames());
		}

		@Test
		void takesAsLongWhetherOrNotTheAddressHasAnAccount() throws Exception {
			List<Long> knownCpu = new ArrayList<>();
			List<Long> unknownCpu = new ArrayList<>();
			List<Long> knownWall = new ArrayList<>();
			List<Long> unknownWall = new ArrayList<>();
			for (int i = 0; i < 21; i++) {
				// a fresh address each time, so the per-address limit never cuts the work
				// short
				String known = existingPatientAccount();
				String unknown = newAddress();
				if (i % 2 == 0) {
					timed(known, knownCpu, knownWall);
					timed(unknown, unknownCpu, unknownWall);
				}
				else {
					timed(unknown, unknownCpu, unknownWall);
					timed(known, knownCpu, knownWall);
				}
			}

			assertThat(Duration.ofNanos(Math.abs(median(knownCpu) - median(unknownCpu))))
				.as("CPU: known %s ms, unknown %s ms", median(knownCpu) / 1e6, median(unknownCpu) / 1e6)
				.isLessThan(Duration.ofMillis(5));
			// Wall clock includes the scheduler: on a loaded machine both sides stretch
			// alike, so
			// the bound is 10 ms or a third of the slower median, whichever is larger.
			// Skipping
			// the password hash for one side would still differ by a factor of two or
			// more.
			long slower = Math.max(median(knownWall), median(unknownWall));
			assertThat(Duration.ofNanos(Math.abs(median(knownWall) - median(unknownWall))))
				.as("wall clock: known %s ms, unknown %s ms", median(knownWall) / 1e6, median(unknownWall) / 1e6)
				.isLessThan(Duration.ofNanos(Math.max(Duration.ofMillis(10).toNanos(), slower / 3)));
		}

		@Test
		void emailsAnAddressWithoutAnAccountALinkToFinish() throws Exception {
			String email = newAddress();

			ask(email);

			assertThat(emailTo(email)).contains("open your Unknot patient account").containsPattern(LINK);
		}

		@Test
		void emailsAnAddressWithAnAccountHowToSignInAndChangesNothing() throws Exception {
			String email = existingPatientAccount();
			String hashBefore = passwordHash(email);

			ask(email);

			assertThat(emailTo(email)).contains("It has one already")
				.contains("/sign-in/link")
				.doesNotContainPattern(LINK);
			assertThat(passwordHash(email)).isEqualTo(hashBefore);
		}

		@Test
		void refusesSomethingThatIsNoEmailAddressBesideTheFieldKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse answer = mvc.perform(post("/register").with(csrf()).param("email", "ada at home"))
				.andReturn()
				.getResponse();

			assertThat(answer.getStatus()).isEqualTo(422);
			assertThat(answer.getContentAsString()).contains("Enter an email address like name@example.org.")
				.contains("value=\"ada at home\"")
				.contains("aria-invalid=\"true\"");
		}

		@Test
		void sendsAtMostThreeEmailsAnHourToOneAddress() throws Exception {
			String email = newAddress();

			for (int i = 0; i < 5; i++) {
				assertThat(ask(email).getStatus()).isEqualTo(200);
			}

			assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE kind = 'REGISTRATION' AND recipient = ?")
				.param(email)
				.query(Long.class)
				.single()).isEqualTo(Registrations.PER_HOUR);
		}

	}

	@Nested
	class FinishingWithTheLink {

		@Test
		void opensAnAccountThatShowsTheVisitsBookedBeforeWithTheSameEmailAndBirthDate() throws Exception {
			String email = newAddress();
			Booked earlier = bookAVisit(email, LocalDate.of(1979, 6, 21));
			String path = linkSentTo(email);

			assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString())
				.as("opening the link opens nothing yet")
				.contains("Finish opening your account")
				.contains(email);
			MvcResult opened = mvc.perform(finish(path, "Nora", "Quill", "1979-06-21", "", PASSWORD)).andReturn();

			assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/account");
			Account account = context.getBean(Accounts.class).byEmail(email).orElseThrow();
			assertThat(account.role()).isEqualTo(Role.PATIENT);
			assertThat(account.patientId()).isEqualTo(earlier.appointment().patientId().value());
			MockHttpSession session = (MockHttpSession) opened.getRequest().getSession(false);
			assertThat(mvc.perform(get("/account").session(session)).andReturn().getResponse().getContentAsString())
				.contains("Nora");
			assertThat(jdbc.sql(
					"SELECT count(*) FROM audit_entry WHERE patient_id = ? AND action = 'CREATE' AND subject = 'account'")
				.param(account.patientId())
				.query(Long.class)
				.single()).isEqualTo(1);
		}

		@Test
		void signsInWithThePasswordChosen() throws Exception {
			String email = newAddress();
			mvc.perform(finish(linkSentTo(email), "Emil", "Stone", "1990-01-30", "(973) 555-0101", PASSWORD))
				.andReturn();

			MvcResult signIn = mvc
				.perform(post("/sign-in").with(csrf()).param("email", email).param("password", PASSWORD))
				.andReturn();

			assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/account");
		}

		@Test
		void worksOnce() throws Exception {
			String email = newAddress();
			String path = linkSentTo(email);
			mvc.perform(finish(path, "Emil", "Stone", "1990-01-30", "", PASSWORD)).andReturn();

			MockHttpServletResponse again = mvc.perform(finish(path, "Eve", "Stone", "1991-01-30", "", PASSWORD))
				.andReturn()
				.getResponse();

			assertThat(again.getStatus()).isEqualTo(410);
			assertThat(again.getContentAsString()).contains("already been used or has expired");
			assertThat(context.getBean(Accounts.class).byEmail(email).orElseThrow().displayName())
				.isEqualTo("Emil Stone");
		}

		@Test
		void isRefusedOnceExpired() throws Exception {
			String email = newAddress();
			String path = linkSentTo(email);
			jdbc.sql("UPDATE registration SET expires_at = now() - interval '1 second' WHERE email = ?")
				.param(email)
				.update();

			assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(410);
			assertThat(mvc.perform(finish(path, "Emil", "Stone", "1990-01-30", "", PASSWORD))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(410);
			assertThat(context.getBean(Accounts.class).byEmail(email)).isEmpty();
		}

		@Test
		void refusesAnUnknownLink() throws Exception {
			assertThat(mvc.perform(get("/register/not-a-real-token")).andReturn().getResponse().getStatus())
				.isEqualTo(410);
		}

		@Test
		void saysWhatIsWrongBesideEachFieldKeepsWhatWasTypedAndLeavesTheLinkUsable() throws Exception {
			String email = newAddress();
			String path = linkSentTo(email);

			MockHttpServletResponse refused = mvc.perform(finish(path, "Nora", "", "2099-01-01", "call me", "short"))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Please enter your last name.")
				.contains("Please check your date of birth: it is not a date someone alive was born.")
				.contains("Please enter a phone number with its area code, like")
				.contains("Use at least 12 characters")
				.contains("value=\"Nora\"")
				.contains("value=\"2099-01-01\"")
				.contains("value=\"call me\"")
				.doesNotContain("value=\"short\"");
			assertThat(context.getBean(Accounts.class).byEmail(email)).isEmpty();
			assertThat(mvc.perform(finish(path, "Nora", "Quill", "1979-06-21", "", PASSWORD))
				.andReturn()
				.getResponse()
				.getRedirectedUrl()).isEqualTo("/account");
		}

		@Test
		void refusesABirthDateThatIsNoDate() throws Exception {
			String path = linkSentTo(newAddress());

			MockHttpServletResponse refused = mvc.perform(finish(path, "Nora", "Quill", "21/06/1979", "", PASSWORD))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Please enter your date of birth as month, day and year")
				.contains("value=\"21/06/1979\"");
		}

		@Test
		void readsABirthDateTypedMonthFirstAndSaysWhichDateItUnderstood() throws Exception {
			String path = linkSentTo(newAddress());

			MockHttpServletResponse refused = mvc.perform(finish(path, "Nora", "", "6/21/1979", "", PASSWORD))
				.andReturn()
				.getResponse();

			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("value=\"6/21/1979\"")
				.contains("We read this as June 21, 1979.")
				.doesNotContain("birthDate-error");
		}

	}

	private MockHttpServletResponse ask(String email) throws Exception {
		return mvc.perform(post("/register").with(csrf()).param("email", email)).andReturn().getResponse();
	}

	private String linkSentTo(String email) throws Exception {
		ask(email);
		Matcher link = LINK.matcher(emailTo(email));
		assertThat(link.find()).isTrue();
		return link.group();
	}

	private String emailTo(String email) {
		return jdbc.sql(
				"SELECT body_text FROM outbox_message WHERE kind = 'REGISTRATION' AND recipient = ? AND patient_id IS NULL")
			.param(email)
			.query(String.class)
			.single();
	}

	private static MockHttpServletRequestBuilder finish(String path, String given, String family, String birthDate,
			String phone, String password) {
		return post(path).with(csrf())
			.param("givenName", given)
			.param("familyName", family)
			.param("birthDate", birthDate)
			.param("phone", phone)
			.param("password", password);
	}

	private String existingPatientAccount() {
		String email = newAddress();
		UUID patient = context.getBean(org.unknot.patient.Patients.class)
			.identify(new PatientDetails("Lena", "Marsh", email, null, LocalDate.of(1988, 8, 8)));
		desk.create(new AccountDesk.NewAccount(email, "Lena Marsh", Role.PATIENT, List.of(), null, patient, PASSWORD));
		return email;
	}

	private Booked bookAVisit(String email, LocalDate birthDate) {
		var network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		var start = ZonedDateTime.of(LocalDate.of(2027, 3, 15), LocalTime.of(10, 0), ZoneId.of(TestNetwork.ZONE))
			.toInstant();
		return bookings.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic), start), null, new PatientDetails("Nora", "Quill", email, null, birthDate));
	}

	private String passwordHash(String email) {
		return jdbc.sql("SELECT password_hash FROM account WHERE email = ?").param(email).query(String.class).single();
	}

	private void timed(String email, List<Long> cpu, List<Long> wall) throws Exception {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long startCpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		ask(email);
		wall.add(System.nanoTime() - start);
		cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String newAddress() {
		return "reg-" + UUID.randomUUID() + "@example.org";
	}

	private static String withoutCsrf(String body) {
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
	}

}
