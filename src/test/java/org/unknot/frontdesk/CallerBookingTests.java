package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.care.Intakes;
import org.unknot.care.RedFlag;
import org.unknot.care.Triage;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;

/**
 * A receptionist books a caller under the website's rules: the health questions, the
 * advice when red flags call for a physician, nothing at all in an emergency.
 */
@UnknotIntegrationTest
class CallerBookingTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Intakes intakes;

	@Autowired
	Patients patients;

	MockMvc mvc;

	String clinic;

	String therapist;

	String email;

	@BeforeEach
	void openAClinic() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		email = "caller." + UUID.randomUUID() + "@example.org";
	}

	@Nested
	class WhenTheCallerHasNoRedFlags {

		@Test
		void booksTheMassageWithTheIntakeAndSelfPayRecorded() throws Exception {
			MockHttpServletResponse response = send(massageFor(email), allNoBut(null));

			assertThat(response.getStatus()).isEqualTo(302);
			UUID visit = visitOf(email);
			assertThat(intakes.of(visit)).hasValueSatisfying(recorded -> {
				assertThat(recorded.triage()).isEqualTo(Triage.CLEAR);
				assertThat(recorded.intake().intensity()).isEqualTo(6);
			});
			assertThat(payerOf(visit)).isEqualTo("self-pay");
		}

		@Test
		void keepsThePhoneInE164() throws Exception {
			send(massageFor(email).param("phone", "(973) 555-0142"), allNoBut(null));

			assertThat(jdbc.sql("SELECT phone FROM patient WHERE email = ?").param(email).query(String.class).single())
				.isEqualTo("+19735550142");
		}

		@Test
		void asksEveryRedFlagQuestionOnceTheHealthQuestionsAreStarted() throws Exception {
			MockHttpServletResponse response = send(massageFor(email).param("regions", "NECK"), null);

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("id=\"intensity-error\"")
				.contains("id=\"flag-NUMBNESS_OR_WEAKNESS-error\"")
				.contains(RedFlag.NUMBNESS_OR_WEAKNESS.question());
			assertThat(bookedFor(email)).isZero();
		}

	}

	@Nested
	class WhenTheBirthDateIsTypedTheUsWay {

		@Test
		void booksWithTheDateReadMonthFirst() throws Exception {
			MockHttpServletResponse response = send(massageFor(email, "04/02/1985"), allNoBut(null));

			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(jdbc.sql("SELECT birth_date::text FROM patient WHERE email = ?")
				.param(email)
				.query(String.class)
				.single()).isEqualTo("1985-04-02");
		}

		@Test
		void asksForItInAPlainTextFieldThatSaysHowToWriteIt() throws Exception {
			String page = page("/staff/book?clinic=" + clinic + "&service=" + TestNetwork.MASSAGE + "&date=" + MONDAY);

			String field = inputNamed(page, "birthDate");
			assertThat(field).contains("type=\"text\"").doesNotContain("type=\"date\"");
			assertThat(page).contains("<label class=\"field__label\" for=\"birthDate\">Birth date</label>")
				.contains("Month, day and year, for example 04/02/1985.");
		}

		@Test
		void keepsADateItCannotReadAndSaysHowToWriteIt() throws Exception {
			MockHttpServletResponse response = send(massageFor(email, "2nd of April"), allNoBut(null));

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(inputNamed(response.getContentAsString(), "birthDate")).contains("value=\"2nd of April\"");
			assertThat(response.getContentAsString()).contains("like 04/02/1985 for April 2, 1985");
		}

	}

	@Nested
	class WhenAFoundCallerIsPicked {

		UUID known;

		@BeforeEach
		void aPatientOnRecord() {
			known = patients
				.identify(new PatientDetails("Mabel", "Quist", email, "(973) 555-0177", LocalDate.of(1975, 10, 12)));
		}

		@Test
		void offersEachFoundPatientToPickWithAndWithoutJavaScript() throws Exception {
			String page = page("/staff/book?clinic=" + clinic + "&service=" + TestNetwork.MASSAGE + "&date=" + MONDAY
					+ "&q=Quist");

			Matcher pick = Pattern
				.compile("<a href=\"([^\"]*caller=" + known + ")\"([^>]*)>Use Mabel Quist&#39;s details</a>")
				.matcher(page);
			assertThat(pick.find()).as("a link to pick Mabel Quist in:%n%s", page).isTrue();
			assertThat(pick.group(1)).contains("q=Quist").contains("service=" + TestNetwork.MASSAGE);
			assertThat(pick.group(2)).contains("hx-select=\"#caller\"").contains("hx-target=\"#caller\"");
			assertThat(page).contains("born October 12, 1975");
		}

		@Test
		void fillsTheCallersDetailsFromTheRecord() throws Exception {
			String page = page("/staff/book?clinic=" + clinic + "&service=" + TestNetwork.MASSAGE + "&date=" + MONDAY
					+ "&caller=" + known);

			assertThat(inputNamed(page, "givenName")).contains("value=\"Mabel\"");
			assertThat(inputNamed(page, "familyName")).contains("value=\"Quist\"");
			assertThat(inputNamed(page, "email")).contains("value=\"" + email + "\"");
			assertThat(inputNamed(page, "phone")).contains("value=\"+19735550177\"");
			assertThat(inputNamed(page, "birthDate")).contains("value=\"10/12/1975\"");
			assertThat(page).contains("We read this as October 12, 1975.");
		}

		@Test
		void booksThePatientOnRecordWithoutMakingAnother() throws Exception {
			MockHttpServletResponse response = send(massageFor(email, "10/12/1975"), allNoBut(null));

			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(visitOf(email)).isNotNull();
			assertThat(jdbc.sql("SELECT a.patient_id FROM appointment a WHERE a.id = ?")
				.param(visitOf(email))
				.query(UUID.class)
				.single()).isEqualTo(known);
			assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE email = ?").param(email).query(Long.class).single())
				.isOne();
		}

		@Test
		void ignoresAPickThatIsNoPatient() throws Exception {
			for (String caller : new String[] { "not-an-id", UUID.randomUUID().toString(), "" }) {
				MockHttpServletResponse response = mvc
					.perform(get("/staff/book").param("clinic", clinic)
						.param("service", TestNetwork.MASSAGE)
						.param("date", MONDAY.toString())
						.param("caller", caller)
						.with(SignedInAs.frontDeskOf(clinic)))
					.andReturn()
					.getResponse();

				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(inputNamed(response.getContentAsString(), "givenName")).doesNotContain("value=\"Mabel\"");
			}
		}

	}

	@Nested
	class WhenTheCallerHasRedFlags {

		@Test
		void refusesMassageForACallerWithRedFlagsUntilToldOfTheAdvice() throws Exception {
			MockHttpServletResponse response = send(massageFor(email), allNoBut(RedFlag.NUMBNESS_OR_WEAKNESS));

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("A physician should see the caller first")
				.contains(RedFlag.NUMBNESS_OR_WEAKNESS.finding())
				.contains("id=\"told-error\"")
				.contains("value=\"Cora\"")
				.contains("value=\"yes\" checked=\"checked\"");
			assertThat(bookedFor(email)).isZero();
		}

		@Test
		void booksOnceTheReceptionistTicksThatTheCallerWasTold() throws Exception {
			MockHttpServletResponse response = send(massageFor(email).param("told", "yes"),
					allNoBut(RedFlag.NUMBNESS_OR_WEAKNESS));

			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(intakes.of(visitOf(email))).hasValueSatisfying(recorded -> {
				assertThat(recorded.triage()).isEqualTo(Triage.CONSULTATION_ADVISED);
				assertThat(recorded.adviceAcknowledged()).isTrue();
			});
		}

		@Test
		void booksNothingInAnEmergencyAndSaysSo() throws Exception {
			MockHttpServletResponse response = send(massageFor(email).param("told", "yes"),
					allNoBut(RedFlag.LOSS_OF_BOWEL_OR_BLADDER_CONTROL));

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("the caller needs emergency care now")
				.contains("call 911");
			assertThat(bookedFor(email)).isZero();
			assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE email = ?").param(email).query(Long.class).single())
				.as("a refusal leaves nothing behind")
				.isZero();
		}

	}

	@Nested
	class WhenTheDetailsAreWrong {

		@Test
		void showsEachPatientDetailsMessageBesideItsFieldKeepingWhatWasTyped() throws Exception {
			MockHttpServletResponse response = send(
					massageFor(email, MONDAY.plusYears(1).toString()).param("phone", "call me"), null);

			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(response.getContentAsString()).contains("id=\"phone-error\"")
				.contains("value=\"call me\"")
				.contains("id=\"birthDate-error\"")
				.contains("not a date someone alive was born");
		}

	}

	private MockHttpServletRequestBuilder massageFor(String email) {
		return massageFor(email, "1979-06-02");
	}

	private MockHttpServletRequestBuilder massageFor(String email, String birthDate) {
		String slot = LocalDateTime.of(MONDAY, LocalTime.of(10, 0)).atZone(NEW_YORK).toOffsetDateTime() + "|"
				+ therapist;
		return post("/staff/book").param("clinic", clinic)
			.param("service", TestNetwork.MASSAGE)
			.param("slot", slot)
			.param("givenName", "Cora")
			.param("familyName", "Lind")
			.param("email", email)
			.param("birthDate", birthDate);
	}

	/**
	 * The health questions answered: neck, 6 of 10, for weeks, no to every flag but one.
	 */
	private static RedFlag[] allNoBut(RedFlag yes) {
		return yes == null ? new RedFlag[0] : new RedFlag[] { yes };
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RedFlag[] yes) throws Exception {
		if (yes != null) {
			request.param("regions", "NECK").param("intensity", "6").param("duration", "ONE_TO_SIX_WEEKS");
			for (RedFlag flag : RedFlag.values()) {
				boolean answeredYes = java.util.Arrays.asList(yes).contains(flag);
				request.param("flags[" + flag.name() + "]", answeredYes ? "yes" : "no");
			}
		}
		return mvc.perform(request.with(csrf()).with(SignedInAs.frontDeskOf(clinic))).andReturn().getResponse();
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The input element of the field with this name, as the page has it. */
	private static String inputNamed(String page, String name) {
		Matcher input = Pattern.compile("<input[^>]*\\sname=\"" + name + "\"[^>]*>").matcher(page);
		assertThat(input.find()).as("an input named %s", name).isTrue();
		return input.group();
	}

	private long bookedFor(String email) {
		return jdbc.sql("""
				SELECT count(*) FROM appointment a JOIN patient p ON p.id = a.patient_id
				WHERE p.email = ? AND a.status = 'booked'""").param(email).query(Long.class).single();
	}

	private UUID visitOf(String email) {
		return jdbc.sql("SELECT a.id FROM appointment a JOIN patient p ON p.id = a.patient_id WHERE p.email = ?")
			.param(email)
			.query(UUID.class)
			.single();
	}

	private String payerOf(UUID visit) {
		return jdbc.sql("SELECT coalesce(plan_id, 'self-pay') FROM appointment_insurance WHERE appointment_id = ?")
			.param(visit)
			.query(String.class)
			.single();
	}

}
