package org.unknot.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unknot.booking.ApiClient.newPatient;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
 * Working hours are local wall-clock times, so a therapist's day looks the same before
 * and after the clocks change; only the offset differs. Inside the change, the rule
 * documented in SlotFinder holds: no start is invented in the spring-forward gap, and in
 * the autumn overlap both occurrences of a wall-clock time are offered, each with its own
 * offset.
 */
@UnknotIntegrationTest
class DaylightSavingApiTests {

	static final String MASSAGE = TestNetwork.MASSAGE;
	static final ZoneOffset EST = ZoneOffset.ofHours(-5);
	static final ZoneOffset EDT = ZoneOffset.ofHours(-4);

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
	}

	@Nested
	class OnTheMondaysAroundAChange {

		@BeforeEach
		void worksMondaysNineToFive() {
			network.hours(therapist, clinic, List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
		}

		@Test
		void offersTheSameLocalDayBeforeAndAfterTheSpringChange() {
			assertSameLocalDay(free(LocalDate.of(2027, 3, 8)), EST, free(LocalDate.of(2027, 3, 15)), EDT);
		}

		@Test
		void offersTheSameLocalDayBeforeAndAfterTheAutumnChange() {
			assertSameLocalDay(free(LocalDate.of(2027, 11, 1)), EDT, free(LocalDate.of(2027, 11, 8)), EST);
		}

		@Test
		void showsEachDayWithItsOwnOffsetInOneSearchAcrossTheChange() {
			List<OffsetDateTime> starts = api
				.availability(MASSAGE, clinic, therapist, LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 15))
				.starts();

			assertThat(starts).hasSize(58);
			assertThat(starts.get(0)).isEqualTo(OffsetDateTime.of(2027, 3, 8, 9, 0, 0, 0, EST));
			assertThat(starts.get(29)).isEqualTo(OffsetDateTime.of(2027, 3, 15, 9, 0, 0, 0, EDT));
		}

		@Test
		void booksNineOClockLocalAfterTheChange() {
			Answer booked = api.book(MASSAGE, therapist, clinic, OffsetDateTime.of(2027, 3, 15, 9, 0, 0, 0, EDT),
					newPatient());

			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			assertThat(booked.text("start")).isEqualTo("2027-03-15T09:00:00-04:00");
			assertThat(jdbc
				.sql("SELECT start_at = TIMESTAMPTZ '2027-03-15 13:00:00+00' FROM appointment WHERE id = ?::uuid")
				.param(booked.id())
				.query(Boolean.class)
				.single()).as("stored as the UTC instant").isTrue();
		}

		@Test
		void readsAStartWithAnyOffsetAsTheInstantItNames() {
			// 09:00-05:00 on 15 March is 10:00 local: still bookable, and shown as what
			// it is
			Answer booked = api.book(MASSAGE, therapist, clinic, OffsetDateTime.of(2027, 3, 15, 9, 0, 0, 0, EST),
					newPatient());

			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			assertThat(booked.text("start")).isEqualTo("2027-03-15T10:00:00-04:00");
		}

	}

	@Nested
	class InsideTheChange {

		@BeforeEach
		void worksSundayNightsOneToFour() {
			network.hours(therapist, clinic, List.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(4, 0));
		}

		@Test
		void offersNoStartInTheSpringForwardGap() {
			List<OffsetDateTime> starts = free(LocalDate.of(2027, 3, 14));

			assertThat(starts).noneMatch(start -> start.getHour() == 2);
			// 01:00 EST to 04:00 EDT is two real hours: four starts before the gap and
			// one after it
			assertThat(starts).containsExactly(at(2027, 3, 14, 1, 0, EST), at(2027, 3, 14, 1, 15, EST),
					at(2027, 3, 14, 1, 30, EST), at(2027, 3, 14, 1, 45, EST), at(2027, 3, 14, 3, 0, EDT));
		}

		@Test
		void offersTheRepeatedHourTwiceWithBothOffsetsInTheAutumnOverlap() {
			List<OffsetDateTime> starts = free(LocalDate.of(2027, 11, 7));

			List<OffsetDateTime> repeated = starts.stream().filter(start -> start.getHour() == 1).toList();
			assertThat(repeated).containsExactly(at(2027, 11, 7, 1, 0, EDT), at(2027, 11, 7, 1, 15, EDT),
					at(2027, 11, 7, 1, 30, EDT), at(2027, 11, 7, 1, 45, EDT), at(2027, 11, 7, 1, 0, EST),
					at(2027, 11, 7, 1, 15, EST), at(2027, 11, 7, 1, 30, EST), at(2027, 11, 7, 1, 45, EST));
			// 01:00 EDT to 04:00 EST is four real hours: starts every quarter hour up to
			// 03:00 EST
			assertThat(starts).hasSize(13).endsWith(at(2027, 11, 7, 3, 0, EST));
			assertThat(starts).isSortedAccordingTo(OffsetDateTime::compareTo);
		}

		@Test
		void booksBothOccurrencesOfTheRepeatedHourAsDifferentVisits() {
			Answer first = api.book(MASSAGE, therapist, clinic, at(2027, 11, 7, 1, 0, EDT), newPatient());
			Answer second = api.book(MASSAGE, therapist, clinic, at(2027, 11, 7, 1, 30, EST), newPatient());

			assertThat(first.status()).as(first.body()).isEqualTo(201);
			assertThat(second.status()).as(second.body()).isEqualTo(201);
			assertThat(first.text("start")).isEqualTo("2027-11-07T01:00:00-04:00");
			assertThat(second.text("start")).isEqualTo("2027-11-07T01:30:00-05:00");
			assertThat(network.overlapsOf(therapist)).isZero();
		}

		@Test
		void refusesTheSecondOccurrenceWhileTheFirstStillBlocksIt() {
			api.book(MASSAGE, therapist, clinic, at(2027, 11, 7, 1, 15, EDT), newPatient());

			// 01:15 EDT plus an hour and the buffer reaches 01:30 EST
			Answer refused = api.book(MASSAGE, therapist, clinic, at(2027, 11, 7, 1, 15, EST), newPatient());

			assertThat(refused.status()).isEqualTo(409);
			assertThat(free(LocalDate.of(2027, 11, 7))).doesNotContain(at(2027, 11, 7, 1, 15, EST))
				.contains(at(2027, 11, 7, 1, 30, EST));
		}

	}

	private List<OffsetDateTime> free(LocalDate day) {
		return api.freeStarts(MASSAGE, clinic, therapist, day);
	}

	private static OffsetDateTime at(int year, int month, int day, int hour, int minute, ZoneOffset offset) {
		return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, offset);
	}

	private static void assertSameLocalDay(List<OffsetDateTime> before, ZoneOffset offsetBefore,
			List<OffsetDateTime> after, ZoneOffset offsetAfter) {
		assertThat(before).isNotEmpty().allMatch(start -> start.getOffset().equals(offsetBefore));
		assertThat(after).allMatch(start -> start.getOffset().equals(offsetAfter));
		assertThat(before.get(0).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(after.get(0).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(after).hasSameSizeAs(before);
		assertThat(after.stream().map(OffsetDateTime::toLocalTime).toList())
			.isEqualTo(before.stream().map(OffsetDateTime::toLocalTime).toList());
	}

}
