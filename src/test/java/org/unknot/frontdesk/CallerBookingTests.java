package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

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
