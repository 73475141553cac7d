package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.insurance.PayerKind;
import org.unknot.care.Intakes;
import org.unknot.care.Triage;

import tools.jackson.databind.ObjectMapper;

/**
 * The API books under the same rules as the website: the intake's red flags, the payer
 * recorded with every visit, an override only for staff.
 */
@UnknotIntegrationTest
class VisitBookingApiTests {

	static final OffsetDateTime TEN = newYork("2027-03-15T10:00");

	static final Map<String, Object> NUMB_ARMS = Map.of("regions", List.of("NECK", "ARMS_AND_HANDS"), "intensity", 6,
			"duration", "ONE_TO_SIX_WEEKS", "redFlags", List.of("NUMBNESS_OR_WEAKNESS"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Intakes intakes;

	@Autowired
	InsuranceChoices payers;

	@Autowired
	InsuranceAdmin insurance;

	@Autowired
	WebApplicationContext context;

	ApiClient api;

	TestNetwork network;

	String clinic;

	String therapist;

	@BeforeEach
	void openAClinicWithATherapistAndAPhysician() {
		api = new ApiClient(port, json);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 1);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Nested
	class WhenTheIntakeHasRedFlags {

		@Test
		void refusesMassageWithAProblemNamingTheRedFlags() {
			Map<String, Object> patient = newPatient();

			Answer answer = book(TestNetwork.MASSAGE, therapist, patient, Map.of("intake", NUMB_ARMS));

			assertThat(answer.status()).as(answer.body()).isEqualTo(422);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.problemType()).isEqualTo("red-flag");
			assertThat(answer.text("triage")).isEqualTo("consultation-advised");
			assertThat(answer.json().path("redFlags").get(0).asString()).isEqualTo("NUMBNESS_OR_WEAKNESS");
			assertThat(answer.text("detail")).contains("numbness, tingling or weakness");
			assertThat(patientsWith(patient)).as("a refusal leaves nothing behind").isZero();
		}

		@Test
		void booksAConsultationForThem() {
			String physician = network.physician();
			network.weekdays(physician, clinic);

			Answer answer = book(TestNetwork.CONSULTATION, physician, newPatient(), Map.of("intake", NUMB_ARMS));

			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			assertThat(intakes.of(UUID.fromString(answer.id())))
				.hasValueSatisfying(recorded -> assertThat(recorded.triage()).isEqualTo(Triage.CLEAR));
		}

		@Test
		void refusesAnEmergencyWhateverIsBooked() {
			String physician = network.physician();
			network.weekdays(physician, clinic);
			Map<String, Object> emergency = Map.of("regions", List.of("LOWER_BACK"), "intensity", 9, "duration",
					"UNDER_A_WEEK", "redFlags", List.of("LOSS_OF_BOWEL_OR_BLADDER_CONTROL"));

			Answer answer = book(TestNetwork.CONSULTATION, physician, newPatient(), Map.of("intake", emergency));

			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.problemType()).isEqualTo("red-flag");
			assertThat(answer.text("triage")).isEqualTo("emergency");
		}

		@Test
		void refusesAnOverrideFromAnyoneButSignedInStaff() {
			Answer answer = book(TestNetwork.MASSAGE, therapist, newPatient(),
					Map.of("intake", NUMB_ARMS, "staffOverride", true));

			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.problemType()).isEqualTo("override-refused");
		}

		@Test
		void honoursTheOverrideOfASignedInReceptionistAndAuditsThem() throws Exception {
			Map<String, Object> body = ApiClient.booking(TestNetwork.MASSAGE, therapist, clinic, TEN, newPatient());
			body.put("intake", NUMB_ARMS);
			body.put("staffOverride", true);

			MockHttpServletResponse response = SecuredMockMvc.of(context)
				.perform(post("/api/v1/appointments").contentType(MediaType.APPLICATION_JSON)
					.content(json.writeValueAsString(body))
					.with(SignedInAs.frontDeskOf(clinic)))
				.andReturn()
				.getResponse();

			assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
			UUID visit = UUID.fromString(json.readTree(response.getContentAsString()).path("id").asString());
			assertThat(intakes.of(visit)).hasValueSatisfying(recorded -> {
				assertThat(recorded.triage()).isEqualTo(Triage.CONSULTATION_ADVISED);
				assertThat(recorded.adviceAcknowledged()).isTrue();
			});
			assertThat(jdbc.sql("SELECT DISTINCT actor_role FROM audit_entry WHERE subject = ?")
				.param("intake:" + visit)
				.query(String.class)
				.list()).containsExactly("FRONT_DESK");
		}

		@Test
		void refusesASeriesOfMassagesToo() {
			Map<String, Object> body = series(newPatient());
			body.put("intake", NUMB_ARMS);

			Answer answer = api.post("/api/v1/series", body);

			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.problemType()).isEqualTo("red-flag");
		}

	}

	@Nested
	class WhenThePayerIsNamedOrNot {

		@Test
		void recordsSelfPayWhenNoPayerIsSent() {
			Answer answer = book(TestNetwork.MASSAGE, therapist, newPatient(), Map.of());

			assertThat(answer.status()).isEqualTo(201);
			assertThat(payers.of(UUID.fromString(answer.id())))
				.hasValueSatisfying(payer -> assertThat(payer.selfPay()).isTrue());
		}

		@Test
		void recordsThePlanAndTheMemberIdAsTheCardHasIt() {
			String plan = plan();

			Answer answer = book(TestNetwork.MASSAGE, therapist, newPatient(),
					Map.of("payer", Map.of("plan", plan, "memberId", "abc 123-456")));

			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			assertThat(payers.of(UUID.fromString(answer.id()))).hasValueSatisfying(payer -> {
				assertThat(payer.planId()).isEqualTo(plan);
				assertThat(payer.memberId().value()).isEqualTo("ABC123456");
			});
		}

		@Test
		void recordsThePayerWithEveryVisitOfASeries() {
			Map<String, Object> body = series(newPatient());
			body.put("payer", Map.of("selfPay", true));

			Answer answer = api.post("/api/v1/series", body);

			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			answer.json()
				.path("booked")
				.forEach(visit -> assertThat(payers.of(UUID.fromString(visit.path("id").asString()))).isPresent());
		}

		@Test
		void refusesAnUnknownPlanNamingTheField() {
			Map<String, Object> patient = newPatient();

			Answer answer = book(TestNetwork.MASSAGE, therapist, patient,
					Map.of("payer", Map.of("plan", "no-such-plan", "memberId", "ABC123456")));

			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.errorFields()).containsExactly("payer.plan");
			assertThat(patientsWith(patient)).isZero();
		}

		@Test
		void refusesAMemberIdThePlanDoesNotIssue() {
			Answer answer = book(TestNetwork.MASSAGE, therapist, newPatient(),
					Map.of("payer", Map.of("plan", plan(), "memberId", "12")));

			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.errorFields()).containsExactly("payer.memberId");
		}

		@Test
		void refusesAPayerThatIsBothOrNeither() {
			Answer both = book(TestNetwork.MASSAGE, therapist, newPatient(),
					Map.of("payer", Map.of("selfPay", true, "plan", plan(), "memberId", "ABC123456")));
			Answer neither = book(TestNetwork.MASSAGE, therapist, newPatient(), Map.of("payer", Map.of()));

			assertThat(both.status()).isEqualTo(422);
			assertThat(both.errorFields()).containsExactly("payer");
			assertThat(neither.status()).isEqualTo(422);
			assertThat(neither.errorFields()).containsExactly("payer");
		}

	}

	@Nested
	class WhenThePatientsDetailsAreSent {

		@Test
		void keepsThePhoneInE164() {
			Map<String, Object> patient = newPatient();
			patient.put("phone", "(973) 555-0142");

			assertThat(book(TestNetwork.MASSAGE, therapist, patient, Map.of()).status()).isEqualTo(201);

			assertThat(jdbc.sql("SELECT phone FROM patient WHERE email = ?")
				.param(patient.get("email"))
				.query(String.class)
				.single()).isEqualTo("+19735550142");
		}

		@Test
		void refusesWhatIsNoPhoneNumberNamingTheField() {
			Map<String, Object> patient = newPatient();
			patient.put("phone", "555-0100");

			Answer answer = book(TestNetwork.MASSAGE, therapist, patient, Map.of());

			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.errorFields()).containsExactly("patient.phone");
		}

	}

	private Answer book(String service, String practitioner, Map<String, Object> patient, Map<String, Object> more) {
		Map<String, Object> body = ApiClient.booking(service, practitioner, clinic, TEN, patient);
		body.putAll(more);
		return api.post("/api/v1/appointments", body);
	}

	private Map<String, Object> series(Map<String, Object> patient) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("service", TestNetwork.MASSAGE);
		body.put("practitioner", therapist);
		body.put("location", clinic);
		body.put("firstStart", TEN.toString());
		body.put("every", "P1W");
		body.put("count", 3);
		body.put("patient", patient);
		return body;
	}

	private String plan() {
		return insurance.add(new InsuranceAdmin.PlanTerms("Visit plan " + TestNetwork.shortId(), PayerKind.COMMERCIAL,
				"Member ID", "[A-Z]{3}[0-9]{6}"));
	}

	private long patientsWith(Map<String, Object> patient) {
		return jdbc.sql("SELECT count(*) FROM patient WHERE email = ?")
			.param(patient.get("email"))
			.query(Long.class)
			.single();
	}

}
