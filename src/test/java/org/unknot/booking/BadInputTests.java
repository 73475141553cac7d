package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;

import tools.jackson.databind.ObjectMapper;

/**
 * Whatever a client sends, it gets an RFC 9457 problem with the status that fits: 400 for
 * what cannot be read, 404 for what does not exist, 409 for a clash, 422 for a broken
 * rule; never a 500.
 */
@UnknotIntegrationTest
class BadInputTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);
	static final OffsetDateTime TEN = newYork("2027-03-15T10:00");
	static final String MASSAGE = TestNetwork.MASSAGE;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	ApiClient api;

	TestNetwork network;

	String clinic;

	String therapist;

	@BeforeEach
	void openAClinic() {
		api = new ApiClient(port, json);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Nested
	class WhenTheRequestCannotBeRead {

		@Test
		void rejectsMalformedJson() {
			Answer answer = api.post("/api/v1/appointments", "{\"service\": \"t-massage-60\", ");

			assertProblem(answer, 400).isEqualTo("malformed-request");
		}

		@Test
		void rejectsAMissingBody() {
			assertProblem(api.post("/api/v1/appointments", ""), 400);
		}

		@Test
		void rejectsAStartThatIsNotATimeNamingTheField() {
			Map<String, Object> body = booking(TEN);
			body.put("start", "tomorrow");

			Answer answer = api.post("/api/v1/appointments", body);

			assertProblem(answer, 400).isEqualTo("malformed-request");
			assertThat(answer.errorFields()).containsExactly("start");
		}

		@Test
		void rejectsABirthDateThatIsNotADateNamingTheNestedField() {
			Map<String, Object> patient = newPatient();
			patient.put("birthDate", "1980-02-31");

			Answer answer = api.book(MASSAGE, therapist, clinic, TEN, patient);

			assertProblem(answer, 400);
			assertThat(answer.errorFields()).containsExactly("patient.birthDate");
		}

		@Test
		void rejectsAHoldIdThatIsNotAnId() {
			Map<String, Object> body = booking(TEN);
			body.put("hold", "my-hold");

			Answer answer = api.post("/api/v1/appointments", body);

			assertProblem(answer, 400);
			assertThat(answer.errorFields()).containsExactly("hold");
		}

		@Test
		void rejectsABadDateInTheQuery() {
			Answer answer = api.get("/api/v1/availability?service=" + MASSAGE + "&location=" + clinic
					+ "&from=2027-13-01&to=2027-03-20");

			assertProblem(answer, 400).isEqualTo("malformed-request");
			assertThat(answer.errorFields()).containsExactly("from");
		}

		@Test
		void rejectsAMissingQueryParameter() {
			Answer answer = api.get("/api/v1/availability?location=" + clinic + "&from=2027-03-15&to=2027-03-20");

			assertProblem(answer, 400);
			assertThat(answer.errorFields()).containsExactly("service");
		}

		@Test
		void rejectsAMalformedIdInThePath() {
			Answer answer = api.get("/api/v1/appointments/not-a-uuid", ApiClient.MANAGE_TOKEN, "token");

			assertProblem(answer, 400).isEqualTo("malformed-request");
		}

		@Test
		void answersAnUnknownApiPathAsAProblem() {
			Answer answer = api.get("/api/v1/nothing-here", "Accept", "application/json");

			assertProblem(answer, 404).isEqualTo("not-found");
			assertThat(answer.text("instance")).isEqualTo("/api/v1/nothing-here");
		}

		@Test
		void answersAMethodAPathDoesNotTakeAsAProblem() {
			Answer answer = api.delete("/api/v1/services", "Accept", "application/json");

			assertProblem(answer, 405).isEqualTo("method-not-allowed");
		}

		@Test
		void rejectsAFractionalCount() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("service", MASSAGE);
			body.put("practitioner", therapist);
			body.put("location", clinic);
			body.put("firstStart", TEN.toString());
			body.put("every", "P1W");
			body.put("count", 1.5);
			body.put("patient", newPatient());

			Answer answer = api.post("/api/v1/series", body);

			assertProblem(answer, 400).isEqualTo("malformed-request");
			assertThat(answer.errorFields()).containsExactly("count");
		}

		@Test
		void rejectsAnotherContentType() {
			Answer answer = api.post("/api/v1/appointments", "service=t-massage-60", "Content-Type", "text/plain");

			assertThat(answer.status()).isEqualTo(415);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}

	}

	@Nested
	class WhenFieldsAreMissingOrInvalid {

		@Test
		void listsEveryMissingField() {
			Answer answer = api.post("/api/v1/appointments", "{\"patient\": {}}");

			assertProblem(answer, 422).isEqualTo("invalid-request");
			assertThat(answer.errorFields()).contains("service", "practitioner", "location", "start",
					"patient.givenName", "patient.familyName", "patient.email", "patient.birthDate");
		}

		@Test
		void listsTheMissingFieldsOfAHold() {
			Answer answer = api.post("/api/v1/holds", "{\"service\": \"" + MASSAGE + "\"}");

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactlyInAnyOrder("practitioner", "location", "start");
		}

		@Test
		void requiresThePatient() {
			Map<String, Object> body = ApiClient.slot(MASSAGE, therapist, clinic, TEN);

			Answer answer = api.post("/api/v1/appointments", body);

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactly("patient");
		}

		@Test
		void rejectsAnInvalidEmail() {
			Answer answer = api.book(MASSAGE, therapist, clinic, TEN,
					ApiClient.patient("not-an-email", LocalDate.of(1980, 1, 1)));

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactly("patient.email");
		}

		@Test
		void rejectsABirthDateInTheFuture() {
			Answer answer = api.book(MASSAGE, therapist, clinic, TEN,
					ApiClient.patient("future@example.org", LocalDate.of(2030, 1, 1)));

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactly("patient.birthDate");
		}

		@Test
		void rejectsASeriesRepeatingOtherwiseThanWeekly() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("service", MASSAGE);
			body.put("practitioner", therapist);
			body.put("location", clinic);
			body.put("firstStart", TEN.toString());
			body.put("every", "P1M");
			body.put("count", 0);
			body.put("patient", newPatient());

			Answer answer = api.post("/api/v1/series", body);

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactlyInAnyOrder("every", "count");
		}

	}

	@Nested
	class WhenSomethingNamedDoesNotExist {

		@Test
		void answersNotFoundForAnUnknownService() {
			Answer answer = api.book("no-such-service", therapist, clinic, TEN, newPatient());

			assertProblem(answer, 404).isEqualTo("not-found");
			assertThat(answer.errorFields()).containsExactly("service");
		}

		@Test
		void answersNotFoundForAnUnknownPractitioner() {
			Answer answer = api.book(MASSAGE, "lmt-nobody", clinic, TEN, newPatient());

			assertProblem(answer, 404);
			assertThat(answer.errorFields()).containsExactly("practitioner");
		}

		@Test
		void answersNotFoundForAnUnknownLocation() {
			Answer answer = api.book(MASSAGE, therapist, "clinic-nowhere", TEN, newPatient());

			assertProblem(answer, 404);
			assertThat(answer.errorFields()).containsExactly("location");
		}

		@Test
		void answersNotFoundInAvailabilityToo() {
			assertProblem(api.availability("no-such-service", clinic, therapist, MONDAY, MONDAY), 404);
			assertProblem(api.availability(MASSAGE, "clinic-nowhere", therapist, MONDAY, MONDAY), 404);
			assertProblem(api.availability(MASSAGE, clinic, "lmt-nobody", MONDAY, MONDAY), 404);
		}

		@Test
		void answersNotFoundForAnUnknownAppointment() {
			String id = UUID.randomUUID().toString();

			assertProblem(api.find(id, "some-token"), 404).isEqualTo("not-found");
			assertProblem(api.cancel(id, "some-token"), 404);
			assertProblem(api.reschedule(id, "some-token", TEN), 404);
		}

		@Test
		void booksTheFreeTimeEvenIfTheNamedHoldIsUnknown() {
			Map<String, Object> body = booking(TEN);
			body.put("hold", UUID.randomUUID().toString());

			Answer answer = api.post("/api/v1/appointments", body);

			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		}

	}

	@Nested
	class WhenTheSearchRangeIsWrong {

		@Test
		void rejectsToBeforeFrom() {
			Answer answer = api.availability(MASSAGE, clinic, therapist, MONDAY, MONDAY.minusDays(1));

			assertProblem(answer, 422).isEqualTo("invalid-request");
			assertThat(answer.errorFields()).containsExactly("to");
		}

		@Test
		void rejectsMoreThanThirtyOneDays() {
			Answer answer = api.availability(MASSAGE, clinic, therapist, MONDAY, MONDAY.plusDays(31));

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactly("to");
		}

		@Test
		void rejectsDatesFarOutsideAnyBookingWindow() {
			for (String[] range : new String[][] { { "-999999999-01-01", "-999999999-01-02" },
					{ "%2B300000-01-01", "%2B300000-01-02" }, { "0001-01-01", "0001-01-01" } }) {
				Answer answer = api.get("/api/v1/availability?service=" + MASSAGE + "&location=" + clinic + "&from="
						+ range[0] + "&to=" + range[1]);

				assertProblem(answer, 422).isEqualTo("invalid-request");
				assertThat(answer.errorFields()).contains("from");
			}
		}

		@Test
		void rejectsAStartFarOutsideAnyBookingWindow() {
			for (String start : new String[] { "+300000-03-15T10:00:00-04:00", "-999999999-03-15T10:00:00Z" }) {
				Map<String, Object> body = booking(TEN);
				body.put("start", start);

				Answer answer = api.post("/api/v1/appointments", body);

				assertProblem(answer, 422).isEqualTo("invalid-request");
				assertThat(answer.errorFields()).containsExactly("start");
			}
		}

		@Test
		void acceptsExactlyThirtyOneDays() {
			assertThat(api.availability(MASSAGE, clinic, therapist, MONDAY, MONDAY.plusDays(30)).status())
				.isEqualTo(200);
		}

	}

	@Nested
	class WhenTheTimeBreaksARule {

		@Test
		void rejectsStartOffTheSlotGrid() {
			Answer answer = book(newYork("2027-03-15T09:07"));

			assertProblem(answer, 422).isEqualTo("slot-not-bookable");
			assertThat(answer.text("reason")).isEqualTo("off-grid");
			assertThat(answer.errorFields()).containsExactly("start");
		}

		@Test
		void rejectsStartOffTheGridWhenHolding() {
			Answer answer = api.hold(MASSAGE, therapist, clinic, newYork("2027-03-15T09:07"));

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("off-grid");
		}

		@Test
		void rejectsATimeInThePast() {
			Answer answer = book(newYork("2026-11-23T10:00"));

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("in-the-past");
		}

		@Test
		void rejectsATimeFurtherAheadThanTheServiceAllows() {
			Answer answer = book(newYork("2028-03-13T10:00"));

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("too-far-ahead");
		}

		@Test
		void rejectsATimeBeforeWorkingHours() {
			Answer answer = book(newYork("2027-03-15T07:00"));

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("outside-working-hours");
		}

		@Test
		void rejectsAVisitRunningPastTheEndOfWorkingHours() {
			Answer answer = book(newYork("2027-03-15T16:15"));

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("outside-working-hours");
		}

		@Test
		void rejectsADayWithoutWorkingHours() {
			Answer answer = book(newYork("2027-03-20T10:00"));

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("outside-working-hours");
		}

		@Test
		void rejectsADayTheClinicIsClosed() {
			network.closure(clinic, MONDAY, MONDAY);

			Answer answer = book(TEN);

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("clinic-closed");
			assertThat(api.freeStarts(MASSAGE, clinic, therapist, MONDAY)).isEmpty();
			assertThat(api.freeStarts(MASSAGE, clinic, therapist, MONDAY.plusDays(1))).isNotEmpty();
		}

		@Test
		void rejectsAPractitionerWhoseLicenceHasExpired() {
			String expired = network.practitioner("LMT", LocalDate.of(2027, 1, 31), MASSAGE);
			network.weekdays(expired, clinic);

			Answer answer = api.book(MASSAGE, expired, clinic, TEN, newPatient());

			assertProblem(answer, 422);
			assertThat(answer.text("reason")).isEqualTo("not-licensed");
			assertThat(api.availability(MASSAGE, clinic, expired, MONDAY, MONDAY.plusDays(6)).starts()).isEmpty();
			assertThat(api.freeStarts(MASSAGE, clinic, expired, LocalDate.of(2027, 1, 25))).isNotEmpty();
		}

		@Test
		void rejectsAServiceNotOfferedAtTheLocation() {
			String physician = network.physician();
			network.weekdays(physician, null);

			Answer answer = api.book(TestNetwork.PROCEDURE, physician, "virtual", TEN, newPatient());

			assertProblem(answer, 422).isEqualTo("invalid-request");
			assertThat(answer.errorFields()).containsExactly("location");
			assertProblem(api.availability(TestNetwork.PROCEDURE, "virtual", physician, MONDAY, MONDAY), 422);
		}

		@Test
		void rejectsAPractitionerWhoDoesNotOfferTheService() {
			Answer answer = api.book(TestNetwork.CONSULTATION, therapist, clinic, TEN, newPatient());

			assertProblem(answer, 422);
			assertThat(answer.errorFields()).containsExactly("practitioner");
		}

	}

	private Answer book(OffsetDateTime start) {
		return api.book(MASSAGE, therapist, clinic, start, newPatient());
	}

	private Map<String, Object> booking(OffsetDateTime start) {
		return ApiClient.booking(MASSAGE, therapist, clinic, start, newPatient());
	}

	/**
	 * Asserts an RFC 9457 answer with this status; continues with its problem type's last
	 * segment.
	 */
	private static AbstractStringAssert<?> assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("status").asInt()).isEqualTo(status);
		assertThat(answer.text("title")).isNotBlank();
		return assertThat(answer.problemType());
	}

}
