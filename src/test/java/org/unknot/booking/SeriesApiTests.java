package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.newPatient;
import static org.unknot.booking.ApiClient.newYork;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.ApiClient.Answer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A course of weekly or fortnightly visits booked at once: every visit at the same local
 * time whatever the clocks do, every occurrence checked, conflicts answered with nearby
 * alternatives, and all-or-nothing meaning nothing at all.
 */
@UnknotIntegrationTest
class SeriesApiTests {

	static final String MASSAGE = TestNetwork.MASSAGE;
	static final ZoneOffset EST = ZoneOffset.ofHours(-5);
	static final ZoneOffset EDT = ZoneOffset.ofHours(-4);
	static final OffsetDateTime FIRST_MONDAY_OF_MARCH = newYork("2027-03-01T09:00");

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
	class AcrossADaylightSavingChange {

		@Test
		void keepsNineOClockLocalEveryWeekAcrossTheSpringChange() {
			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 6, false);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			assertThat(series.header("Location")).isEqualTo("/api/v1/series/" + series.id());
			assertThat(series.json().path("conflicts").size()).isZero();
			List<OffsetDateTime> starts = bookedStarts(series);
			assertThat(starts).hasSize(6).allMatch(start -> start.toLocalTime().equals(LocalTime.of(9, 0)));
			assertThat(starts).extracting(OffsetDateTime::toLocalDate)
				.containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 15),
						LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 4, 5));
			assertThat(starts).extracting(OffsetDateTime::getOffset).containsExactly(EST, EST, EDT, EDT, EDT, EDT);
			assertThat(Math.abs(ChronoUnit.HOURS.between(starts.get(1), starts.get(2)))).as("a week minus an hour")
				.isEqualTo(7 * 24 - 1);
			assertThat(seriesRows(series.id())).isEqualTo(6);
		}

		@Test
		void keepsNineOClockLocalEveryOtherWeekAcrossTheAutumnChange() {
			Answer series = series(newYork("2027-10-11T09:00"), "P2W", 5, false);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			List<OffsetDateTime> starts = bookedStarts(series);
			assertThat(starts).hasSize(5).allMatch(start -> start.toLocalTime().equals(LocalTime.of(9, 0)));
			assertThat(starts).extracting(OffsetDateTime::toLocalDate)
				.containsExactly(LocalDate.of(2027, 10, 11), LocalDate.of(2027, 10, 25), LocalDate.of(2027, 11, 8),
						LocalDate.of(2027, 11, 22), LocalDate.of(2027, 12, 6));
			assertThat(starts).extracting(OffsetDateTime::getOffset).containsExactly(EDT, EDT, EST, EST, EST);
		}

		@Test
		void givesEveryVisitItsOwnManageToken() {
			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 3, false);

			List<String> tokens = new ArrayList<>();
			for (JsonNode visit : series.json().path("booked")) {
				assertThat(visit.path("series").asString()).isEqualTo(series.id());
				String token = visit.path("manageToken").asString();
				tokens.add(token);
				assertThat(api.find(visit.path("id").asString(), token).status()).isEqualTo(200);
			}
			assertThat(tokens).hasSize(3).doesNotHaveDuplicates();
		}

	}

	@Nested
	class WhenAnOccurrenceCannotBeBooked {

		@Test
		void listsATakenOccurrenceWithAlternativesAndBooksTheRest() {
			OffsetDateTime third = newYork("2027-03-15T09:00");
			assertThat(api.book(MASSAGE, therapist, clinic, third, newPatient()).status()).isEqualTo(201);

			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 6, false);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			assertThat(bookedStarts(series)).hasSize(5).doesNotContain(third);
			JsonNode conflicts = series.json().path("conflicts");
			assertThat(conflicts.size()).isEqualTo(1);
			JsonNode conflict = conflicts.get(0);
			assertThat(conflict.path("occurrence").asInt()).isEqualTo(3);
			assertThat(OffsetDateTime.parse(conflict.path("start").asString())).isEqualTo(third);
			assertThat(conflict.path("reason").asString()).isEqualTo("practitioner-busy");
			assertThat(conflict.path("detail").asString()).isNotBlank();
			List<OffsetDateTime> alternatives = alternatives(conflict);
			assertThat(alternatives).hasSizeBetween(1, 3)
				.allMatch(start -> withinTwoDays(start, third))
				.doesNotContain(third);
			// the nearest free times: the same day, right after the taken visit and its
			// buffer
			assertThat(alternatives).containsExactly(newYork("2027-03-15T10:15"), newYork("2027-03-15T10:30"),
					newYork("2027-03-15T10:45"));
			assertThat(api.freeStarts(MASSAGE, clinic, therapist, third.toLocalDate())).containsAll(alternatives);
		}

		@Test
		void listsAClosedDayAsClinicClosed() {
			LocalDate closed = LocalDate.of(2027, 3, 22);
			network.closure(clinic, closed, closed);

			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 6, false);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			assertThat(bookedStarts(series)).hasSize(5);
			JsonNode conflict = series.json().path("conflicts").get(0);
			assertThat(conflict.path("occurrence").asInt()).isEqualTo(4);
			assertThat(conflict.path("reason").asString()).isEqualTo("clinic-closed");
			assertThat(alternatives(conflict)).hasSizeBetween(1, 3)
				.allMatch(start -> withinTwoDays(start, newYork("2027-03-22T09:00")))
				.noneMatch(start -> start.toLocalDate().equals(closed));
		}

		@Test
		void listsAnOccurrenceWhenThePatientIsBusyElsewhere() {
			Map<String, Object> patient = newPatient();
			String otherClinic = network.clinic(1, 0, 0);
			String otherTherapist = network.therapist();
			network.weekdays(otherTherapist, otherClinic);
			assertThat(api.book(MASSAGE, otherTherapist, otherClinic, newYork("2027-03-08T09:30"), patient).status())
				.isEqualTo(201);

			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 4, false, patient);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			assertThat(bookedStarts(series)).hasSize(3);
			JsonNode conflict = series.json().path("conflicts").get(0);
			assertThat(conflict.path("occurrence").asInt()).isEqualTo(2);
			assertThat(conflict.path("reason").asString()).isEqualTo("patient-busy");
			// the alternatives are times this patient can take: none overlaps their other
			// visit
			OffsetDateTime busyFrom = newYork("2027-03-08T09:30");
			assertThat(alternatives(conflict)).isNotEmpty()
				.allMatch(start -> !start.plusHours(1).isAfter(busyFrom) || !start.isBefore(busyFrom.plusHours(1)));
		}

		@Test
		void listsOccurrencesBeyondTheBookingHorizon() {
			LocalDate lastBookable = LocalDate.now(ApiClient.NEW_YORK).plusDays(400);
			int count = 45;
			long bookable = 0;
			for (int k = 0; k < count; k++) {
				if (!FIRST_MONDAY_OF_MARCH.toLocalDate().plusWeeks(k).isAfter(lastBookable)) {
					bookable++;
				}
			}

			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", count, false);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			assertThat(bookedStarts(series)).hasSize((int) bookable);
			assertThat(series.json().path("conflicts").size()).isEqualTo(count - (int) bookable);
			series.json()
				.path("conflicts")
				.forEach(conflict -> assertThat(conflict.path("reason").asString()).isEqualTo("too-far-ahead"));
		}

		@Test
		void refusesAFirstVisitThatBreaksARule() {
			Answer series = series(newYork("2027-03-01T09:07"), "P1W", 4, false);

			assertThat(series.status()).isEqualTo(422);
			assertThat(series.contentType()).startsWith("application/problem+json");
			assertThat(series.text("reason")).isEqualTo("off-grid");
			assertThat(series.errorFields()).containsExactly("firstStart");
			assertThat(rowsOfTherapist()).isZero();
		}

	}

	@Nested
	class WhenItIsAllOrNothing {

		@Test
		void booksNothingWhenOneOccurrenceIsTaken() {
			assertThat(api.book(MASSAGE, therapist, clinic, newYork("2027-03-15T09:00"), newPatient()).status())
				.isEqualTo(201);

			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 6, true);

			assertThat(series.status()).isEqualTo(409);
			assertThat(series.contentType()).startsWith("application/problem+json");
			assertThat(series.problemType()).isEqualTo("series-conflicts");
			JsonNode conflicts = series.json().path("conflicts");
			assertThat(conflicts.size()).isEqualTo(1);
			assertThat(conflicts.get(0).path("occurrence").asInt()).isEqualTo(3);
			assertThat(alternatives(conflicts.get(0))).isNotEmpty();
			assertThat(rowsOfTherapist()).as("only the visit booked before").isEqualTo(1);
			assertThat(jdbc.sql("SELECT count(*) FROM appointment_series WHERE practitioner_id = ?")
				.param(therapist)
				.query(Long.class)
				.single()).isZero();
			assertThat(api.freeStarts(MASSAGE, clinic, therapist, LocalDate.of(2027, 3, 1)))
				.contains(FIRST_MONDAY_OF_MARCH);
		}

		@Test
		void booksEverythingWhenNothingIsTaken() {
			Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 6, true);

			assertThat(series.status()).as(series.body()).isEqualTo(201);
			assertThat(bookedStarts(series)).hasSize(6);
		}

	}

	@Test
	void refusesASeriesWhenEveryOccurrenceIsTaken() {
		for (int week = 0; week < 3; week++) {
			OffsetDateTime nineLocal = newYork(LocalDate.of(2027, 3, 1).plusWeeks(week) + "T09:00");
			assertThat(api.book(MASSAGE, therapist, clinic, nineLocal, newPatient()).status()).isEqualTo(201);
		}

		Answer series = series(FIRST_MONDAY_OF_MARCH, "P1W", 3, false);

		assertThat(series.status()).isEqualTo(409);
		assertThat(series.problemType()).isEqualTo("series-conflicts");
		assertThat(series.json().path("conflicts").size()).isEqualTo(3);
		assertThat(rowsOfTherapist()).isEqualTo(3);
	}

	private Answer series(OffsetDateTime firstStart, String every, int count, boolean allOrNothing) {
		return series(firstStart, every, count, allOrNothing, newPatient());
	}

	private Answer series(OffsetDateTime firstStart, String every, int count, boolean allOrNothing,
			Map<String, Object> patient) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", MASSAGE);
		body.put("practitioner", therapist);
		body.put("location", clinic);
		body.put("firstStart", firstStart.toString());
		body.put("every", every);
		body.put("count", count);
		body.put("allOrNothing", allOrNothing);
		body.put("patient", patient);
		return api.post("/api/v1/series", body);
	}

	private static List<OffsetDateTime> bookedStarts(Answer series) {
		List<OffsetDateTime> starts = new ArrayList<>();
		series.json().path("booked").forEach(visit -> starts.add(OffsetDateTime.parse(visit.path("start").asString())));
		return starts;
	}

	private static List<OffsetDateTime> alternatives(JsonNode conflict) {
		List<OffsetDateTime> starts = new ArrayList<>();
		conflict.path("alternatives").forEach(slot -> starts.add(OffsetDateTime.parse(slot.path("start").asString())));
		return starts;
	}

	private static boolean withinTwoDays(OffsetDateTime start, OffsetDateTime wanted) {
		return Math.abs(ChronoUnit.DAYS.between(wanted.toLocalDate(), start.toLocalDate())) <= 2;
	}

	private long seriesRows(String seriesId) {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE series_id = ?::uuid AND status = 'booked'")
			.param(seriesId)
			.query(Long.class)
			.single();
	}

	private long rowsOfTherapist() {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE practitioner_id = ?")
			.param(therapist)
			.query(Long.class)
			.single();
	}

}
