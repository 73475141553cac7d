package org.unknot.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.availability.SlotFinder.Found;
import org.unknot.availability.SlotFinder.PractitionerCalendar;
import org.unknot.availability.SlotFinder.RoomCalendar;
import org.unknot.practitioner.WorkingHours;

class SlotFinderTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
	static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
	static final Instant LONG_AGO = Instant.parse("2027-01-01T00:00:00Z");

	@Nested
	class WorkingHoursAndGrid {

		@Test
		void offersEveryGridStartThatFitsWithinTheHours() {
			var slots = find(scenario().practitioner("ana", weekdays(9, 17)), MONDAY, MONDAY);

			// 60-minute visits on a 15-minute grid from 09:00 to the last start at 16:00
			assertThat(localStarts(slots)).hasSize(29).startsWith("09:00", "09:15").endsWith("16:00");
		}

		@Test
		void offersNothingOnADayWithoutHours() {
			assertThat(find(scenario().practitioner("ana", weekdays(9, 17)), MONDAY.plusDays(5), MONDAY.plusDays(6)))
				.isEmpty();
		}

		@Test
		void alignsStartsToTheGridWhenHoursStartOffIt() {
			var slots = find(
					scenario().practitioner("ana", hours(DayOfWeek.MONDAY, LocalTime.of(9, 10), LocalTime.of(12, 0))),
					MONDAY, MONDAY);

			assertThat(localStarts(slots)).startsWith("09:15").endsWith("11:00");
		}

		@Test
		void honoursEffectiveDatesOfHours() {
			var until = new WorkingHours("ana", "c", DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0),
					NEW_YORK, LocalDate.of(2026, 1, 1), MONDAY);
			var from = new WorkingHours("ana", "c", DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0),
					NEW_YORK, MONDAY.plusDays(1), null);
			var s = scenario().practitioner("ana", List.of(until, from));

			assertThat(localStarts(find(s, MONDAY, MONDAY))).startsWith("09:00").endsWith("11:00");
			assertThat(localStarts(find(s, MONDAY.plusWeeks(1), MONDAY.plusWeeks(1)))).startsWith("13:00")
				.endsWith("16:00");
		}

		@Test
		void mergesOverlappingHoursWithoutDuplicateStarts() {
			var s = scenario().practitioner("ana",
					List.of(hour(DayOfWeek.MONDAY, 9, 13), hour(DayOfWeek.MONDAY, 12, 15)));

			List<String> starts = localStarts(find(s, MONDAY, MONDAY));
			assertThat(starts).doesNotHaveDuplicates().startsWith("09:00").endsWith("14:00");
		}

		@Test
		void explainsAStartOffTheGrid() {
			var s = scenario().practitioner("ana", weekdays(9, 17));
			assertThat(check(s, "ana", at(MONDAY, 9, 7))).isEqualTo(SlotVerdict.OFF_GRID);
			assertThat(check(s, "ana", at(MONDAY, 9, 15))).isEqualTo(SlotVerdict.FREE);
			assertThat(check(s, "ana", at(MONDAY, 16, 15))).isEqualTo(SlotVerdict.OUTSIDE_WORKING_HOURS);
		}

	}

	@Nested
	class BookingsAndBuffers {

		@Test
		void keepsTheBufferBetweenVisits() {
			// a visit 10:00-11:00 with 15 minutes' buffer after: blocked until 11:15
			var s = scenario().practitioner("ana", weekdays(9, 17)).busy("ana", at(MONDAY, 10, 0), at(MONDAY, 11, 15));

			List<String> starts = localStarts(find(s, MONDAY, MONDAY));
			// our own buffer after a 09:00 visit would reach 10:15, so nothing before
			// 11:15 is free
			assertThat(starts).startsWith("11:15").doesNotContain("09:00", "10:00", "11:00");
			assertThat(check(s, "ana", at(MONDAY, 11, 0))).isEqualTo(SlotVerdict.PRACTITIONER_BUSY);
		}

		@Test
		void honoursBufferBeforeTheVisit() {
			var s = scenario().bufferBefore(Duration.ofMinutes(30))
				.practitioner("ana", weekdays(9, 17))
				.busy("ana", at(MONDAY, 9, 0), at(MONDAY, 10, 0));

			// a visit at 10:15 needs 09:45 free
			assertThat(check(s, "ana", at(MONDAY, 10, 15))).isEqualTo(SlotVerdict.PRACTITIONER_BUSY);
			assertThat(check(s, "ana", at(MONDAY, 10, 30))).isEqualTo(SlotVerdict.FREE);
		}

		@Test
		void skipsTimeOff() {
			var s = scenario().practitioner("ana", weekdays(9, 17))
				.timeOff("ana", at(MONDAY, 12, 0), at(MONDAY, 13, 0));

			assertThat(localStarts(find(s, MONDAY, MONDAY))).contains("11:00", "13:00")
				.doesNotContain("11:15", "12:30");
			assertThat(check(s, "ana", at(MONDAY, 12, 0))).isEqualTo(SlotVerdict.TIME_OFF);
		}

	}

	@Nested
	class RoomsClosuresAndRules {

		@Test
		void needsAFreeRoomOfTheKind() {
			var s = scenario().rooms("r1", "r2")
				.practitioner("ana", weekdays(9, 17))
				.roomBusy("r1", at(MONDAY, 10, 0), at(MONDAY, 11, 15))
				.roomBusy("r2", at(MONDAY, 10, 30), at(MONDAY, 11, 45));

			assertThat(check(s, "ana", at(MONDAY, 9, 0))).isEqualTo(SlotVerdict.FREE);
			assertThat(check(s, "ana", at(MONDAY, 10, 0))).isEqualTo(SlotVerdict.NO_ROOM_FREE);
			assertThat(check(s, "ana", at(MONDAY, 11, 15))).isEqualTo(SlotVerdict.FREE);
			assertThat(SlotFinder.check(s.input(), "ana", at(MONDAY, 11, 15).getEpochSecond()).freeRooms())
				.containsExactly("r1");
		}

		@Test
		void offersNothingWhenTheClinicHasNoRoomOfTheKind() {
			assertThat(find(scenario().rooms().practitioner("ana", weekdays(9, 17)), MONDAY, MONDAY)).isEmpty();
		}

		@Test
		void offersNothingOnAClosedDay() {
			var s = scenario().practitioner("ana", weekdays(9, 17)).closed(MONDAY);
			assertThat(find(s, MONDAY, MONDAY)).isEmpty();
			assertThat(find(s, MONDAY.plusDays(1), MONDAY.plusDays(1))).isNotEmpty();
			assertThat(check(s, "ana", at(MONDAY, 10, 0))).isEqualTo(SlotVerdict.CLINIC_CLOSED);
		}

		@Test
		void respectsMinimumNotice() {
			var s = scenario().now(at(MONDAY, 9, 40)).notice(Duration.ofHours(2)).practitioner("ana", weekdays(9, 17));

			assertThat(localStarts(find(s, MONDAY, MONDAY))).startsWith("11:45");
			assertThat(check(s, "ana", at(MONDAY, 11, 30))).isEqualTo(SlotVerdict.TOO_SOON);
			assertThat(check(s, "ana", at(MONDAY, 9, 0))).isEqualTo(SlotVerdict.IN_THE_PAST);
		}

		@Test
		void respectsMaximumAdvance() {
			var s = scenario().now(at(MONDAY, 8, 0)).lastDay(MONDAY.plusDays(1)).practitioner("ana", weekdays(9, 17));

			assertThat(find(s, MONDAY, MONDAY.plusDays(4))).extracting(f -> day(f))
				.containsOnly(MONDAY, MONDAY.plusDays(1));
			assertThat(check(s, "ana", at(MONDAY.plusDays(2), 10, 0))).isEqualTo(SlotVerdict.TOO_FAR_AHEAD);
		}

		@Test
		void offersADayOnlyWhenTheLicenceIsValidOnIt() {
			var s = scenario().practitioner("ana", weekdays(9, 17), day -> !day.isAfter(MONDAY));

			assertThat(find(s, MONDAY, MONDAY.plusDays(1))).extracting(f -> day(f)).containsOnly(MONDAY);
			assertThat(check(s, "ana", at(MONDAY.plusDays(1), 10, 0))).isEqualTo(SlotVerdict.NOT_LICENSED);
		}

		@Test
		void ordersSlotsByTimeThenPractitioner() {
			var s = scenario().practitioner("ben", weekdays(9, 17)).practitioner("ana", weekdays(9, 17));
			List<Found> found = find(s, MONDAY, MONDAY);
			assertThat(found.get(0).practitionerId()).isEqualTo("ana");
			assertThat(found.get(1).practitionerId()).isEqualTo("ben");
			assertThat(found.get(0).start()).isEqualTo(found.get(1).start());
		}

	}

	@Nested
	class DaylightSaving {

		@Test
		void keepsNineOClockLocalAcrossTheSpringChange() {
			var s = scenario().practitioner("ana", hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));

			List<Found> before = find(s, LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 8));
			List<Found> after = find(s, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 15));

			assertThat(offsetDateTime(before.get(0))).hasToString("2027-03-08T09:00-05:00");
			assertThat(offsetDateTime(after.get(0))).hasToString("2027-03-15T09:00-04:00");
			assertThat(offsetDateTime(after.get(after.size() - 1))).hasToString("2027-03-15T16:00-04:00");
			assertThat(after).hasSameSizeAs(before);
		}

		@Test
		void keepsNineOClockLocalAcrossTheAutumnChange() {
			var s = scenario().practitioner("ana", hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));

			List<Found> before = find(s, LocalDate.of(2027, 11, 1), LocalDate.of(2027, 11, 1));
			List<Found> after = find(s, LocalDate.of(2027, 11, 8), LocalDate.of(2027, 11, 8));

			assertThat(offsetDateTime(before.get(0))).hasToString("2027-11-01T09:00-04:00");
			assertThat(offsetDateTime(after.get(0))).hasToString("2027-11-08T09:00-05:00");
			assertThat(after).hasSameSizeAs(before);
		}

		@Test
		void offersNoStartInTheSpringGapAndMovesAGapBoundaryForward() {
			// Sunday 2027-03-14: 02:00-03:00 does not exist; hours 01:00-02:30 end at
			// 03:30 EDT, i.e. 01:00 EST + 1.5 h
			LocalDate sunday = LocalDate.of(2027, 3, 14);
			var s = scenario().duration(Duration.ofMinutes(30))
				.practitioner("ana", hours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(2, 30)));

			List<String> starts = find(s, sunday, sunday).stream().map(f -> offsetDateTime(f).toString()).toList();

			// 01:45 EST + 30 minutes ends at 03:15 EDT, inside the window that now ends
			// at 03:30 EDT
			assertThat(starts).containsExactly("2027-03-14T01:00-05:00", "2027-03-14T01:15-05:00",
					"2027-03-14T01:30-05:00", "2027-03-14T01:45-05:00", "2027-03-14T03:00-04:00");
			assertThat(starts).noneMatch(start -> start.contains("T02:"));
		}

		@Test
		void offersBothOccurrencesOfAnHourThatHappensTwice() {
			// Sunday 2027-11-07: 01:00-02:00 happens twice, at -04:00 then at -05:00
			LocalDate sunday = LocalDate.of(2027, 11, 7);
			var s = scenario().duration(Duration.ofMinutes(30))
				.practitioner("ana", hours(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(3, 0)));

			List<String> starts = find(s, sunday, sunday).stream().map(f -> offsetDateTime(f).toString()).toList();

			assertThat(starts).contains("2027-11-07T01:00-04:00", "2027-11-07T01:00-05:00", "2027-11-07T01:30-04:00",
					"2027-11-07T01:30-05:00");
			// 4 hours of real time between 00:00 EDT and 03:00 EST: 13 half-hour visits
			// on a 15-minute grid
			assertThat(starts).hasSize(4 * 4 - 1).doesNotHaveDuplicates();
		}

		@Test
		void checksAStartGivenWithEitherOffsetAsTheSameInstant() {
			var s = scenario().practitioner("ana", hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
			Instant nineLocal = OffsetDateTime.parse("2027-03-15T09:00-04:00").toInstant();
			Instant sameInUtc = OffsetDateTime.parse("2027-03-15T13:00Z").toInstant();
			Instant eightLocal = OffsetDateTime.parse("2027-03-15T09:00-05:00").toInstant();

			assertThat(check(s, "ana", nineLocal)).isEqualTo(SlotVerdict.FREE);
			assertThat(check(s, "ana", sameInUtc)).isEqualTo(SlotVerdict.FREE);
			assertThat(eightLocal).isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
			assertThat(check(s, "ana", OffsetDateTime.parse("2027-03-15T08:00-04:00").toInstant()))
				.isEqualTo(SlotVerdict.OUTSIDE_WORKING_HOURS);
		}

	}

	@Nested
	class Properties {

		/**
		 * Seeded random calendars: every slot found must pass every rule, and agree with
		 * check().
		 */
		@Test
		void everySlotFoundPassesEveryRuleAndAgreesWithCheck() {
			Random random = new Random(20271107L);
			for (int round = 0; round < 200; round++) {
				Scenario s = scenario().rooms("r1", "r2").bufferAfter(Duration.ofMinutes(random.nextInt(4) * 5));
				List<Instant[]> busy = new ArrayList<>();
				for (String p : List.of("ana", "ben", "cai")) {
					s.practitioner(p, weekdays(7 + random.nextInt(3), 15 + random.nextInt(5)));
					for (int b = 0; b < 6; b++) {
						Instant start = at(MONDAY.plusDays(random.nextInt(7)), 7 + random.nextInt(12),
								random.nextInt(4) * 15);
						Instant end = start.plus(Duration.ofMinutes(30 + random.nextInt(90)));
						s.busy(p, start, end);
						busy.add(new Instant[] { start, end });
					}
				}
				s.roomBusy("r1", at(MONDAY, 10, 0), at(MONDAY, 14, 0));
				if (random.nextBoolean()) {
					s.closed(MONDAY.plusDays(random.nextInt(5)));
				}
				List<Found> found = find(s, MONDAY, MONDAY.plusDays(6));
				for (Found slot : found) {
					assertThat(SlotFinder.check(s.input(), slot.practitionerId(), slot.start()).verdict())
						.as("slot %s", slot)
						.isEqualTo(SlotVerdict.FREE);
					assertThat(ZonedDateTime.ofInstant(Instant.ofEpochSecond(slot.start()), NEW_YORK).getMinute() % 15)
						.isZero();
				}
				// and every grid start not found is refused by check()
				Set<Long> foundStarts = new java.util.HashSet<>();
				found.stream().filter(f -> f.practitionerId().equals("ana")).forEach(f -> foundStarts.add(f.start()));
				for (long t = at(MONDAY, 0, 0).getEpochSecond(); t < at(MONDAY.plusDays(7), 0, 0)
					.getEpochSecond(); t += 900) {
					if (!foundStarts.contains(t)) {
						assertThat(SlotFinder.check(s.input(), "ana", t).verdict()).isNotEqualTo(SlotVerdict.FREE);
					}
				}
			}
		}

	}

	// --- a small language for scenarios
	// -------------------------------------------------------

	static Scenario scenario() {
		return new Scenario();
	}

	static final class Scenario {

		Duration duration = Duration.ofMinutes(60);

		Duration bufferBefore = Duration.ZERO;

		Duration bufferAfter = Duration.ofMinutes(15);

		Duration notice = Duration.ZERO;

		Instant now = LONG_AGO;

		LocalDate lastDay = LocalDate.of(2028, 12, 31);

		List<PractitionerCalendar> practitioners = new ArrayList<>();

		java.util.Map<String, IntervalSet.Builder> busy = new java.util.HashMap<>();

		java.util.Map<String, IntervalSet.Builder> off = new java.util.HashMap<>();

		java.util.Map<String, Predicate<LocalDate>> licences = new java.util.HashMap<>();

		java.util.Map<String, List<WorkingHours>> hours = new java.util.LinkedHashMap<>();

		java.util.LinkedHashMap<String, IntervalSet.Builder> rooms = null;

		Set<LocalDate> closed = new java.util.HashSet<>();

		Scenario duration(Duration d) {
			duration = d;
			return this;
		}

		Scenario bufferBefore(Duration d) {
			bufferBefore = d;
			return this;
		}

		Scenario bufferAfter(Duration d) {
			bufferAfter = d;
			return this;
		}

		Scenario notice(Duration d) {
			notice = d;
			return this;
		}

		Scenario now(Instant instant) {
			now = instant;
			return this;
		}

		Scenario lastDay(LocalDate day) {
			lastDay = day;
			return this;
		}

		Scenario practitioner(String id, List<WorkingHours> workingHours) {
			return practitioner(id, workingHours, day -> true);
		}

		Scenario practitioner(String id, List<WorkingHours> workingHours, Predicate<LocalDate> licensed) {
			hours.put(id,
					workingHours.stream()
						.map(h -> new WorkingHours(id, h.clinicId(), h.weekday(), h.start(), h.end(), h.zone(),
								h.effectiveFrom(), h.effectiveTo()))
						.toList());
			licences.put(id, licensed);
			return this;
		}

		Scenario busy(String practitioner, Instant from, Instant to) {
			busy.computeIfAbsent(practitioner, k -> new IntervalSet.Builder())
				.add(from.getEpochSecond(), to.getEpochSecond());
			return this;
		}

		Scenario timeOff(String practitioner, Instant from, Instant to) {
			off.computeIfAbsent(practitioner, k -> new IntervalSet.Builder())
				.add(from.getEpochSecond(), to.getEpochSecond());
			return this;
		}

		Scenario rooms(String... ids) {
			rooms = new java.util.LinkedHashMap<>();
			for (String id : ids) {
				rooms.put(id, new IntervalSet.Builder());
			}
			return this;
		}

		Scenario roomBusy(String room, Instant from, Instant to) {
			rooms.get(room).add(from.getEpochSecond(), to.getEpochSecond());
			return this;
		}

		Scenario closed(LocalDate day) {
			closed.add(day);
			return this;
		}

		SlotFinder.Input input() {
			var rules = new SlotFinder.Rules(duration.toSeconds(), bufferBefore.toSeconds(), bufferAfter.toSeconds(),
					900, now.getEpochSecond(), now.plus(notice).getEpochSecond(), lastDay, NEW_YORK);
			List<PractitionerCalendar> calendars = new ArrayList<>();
			hours.forEach((id, h) -> calendars
				.add(new PractitionerCalendar(id, h, licences.get(id), built(off.get(id)), built(busy.get(id)))));
			List<RoomCalendar> roomCalendars = rooms == null ? List.of()
					: rooms.entrySet().stream().map(e -> new RoomCalendar(e.getKey(), e.getValue().build())).toList();
			return new SlotFinder.Input(rules, closed::contains, calendars, rooms != null, roomCalendars);
		}

		private static IntervalSet built(IntervalSet.Builder builder) {
			return builder == null ? IntervalSet.EMPTY : builder.build();
		}

	}

	static List<Found> find(Scenario s, LocalDate from, LocalDate to) {
		return SlotFinder.freeSlots(s.input(), from, to);
	}

	static SlotVerdict check(Scenario s, String practitioner, Instant start) {
		return SlotFinder.check(s.input(), practitioner, start.getEpochSecond()).verdict();
	}

	static List<WorkingHours> weekdays(int fromHour, int toHour) {
		List<WorkingHours> hours = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.add(hour(day, fromHour, toHour));
		}
		return hours;
	}

	static WorkingHours hour(DayOfWeek day, int fromHour, int toHour) {
		return new WorkingHours("x", "c", day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0), NEW_YORK,
				LocalDate.of(2026, 1, 1), null);
	}

	static List<WorkingHours> hours(DayOfWeek day, LocalTime from, LocalTime to) {
		return List.of(new WorkingHours("x", "c", day, from, to, NEW_YORK, LocalDate.of(2026, 1, 1), null));
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return ZonedDateTime.of(LocalDateTime.of(day, LocalTime.of(hour, minute)), NEW_YORK).toInstant();
	}

	static List<String> localStarts(List<Found> found) {
		return found.stream()
			.map(f -> ZonedDateTime.ofInstant(Instant.ofEpochSecond(f.start()), NEW_YORK).toLocalTime().toString())
			.toList();
	}

	static LocalDate day(Found found) {
		return ZonedDateTime.ofInstant(Instant.ofEpochSecond(found.start()), NEW_YORK).toLocalDate();
	}

	static OffsetDateTime offsetDateTime(Found found) {
		return OffsetDateTime.ofInstant(Instant.ofEpochSecond(found.start()), NEW_YORK);
	}

}
