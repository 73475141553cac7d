package org.unknot.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.unknot.practitioner.WorkingHours;

/**
 * The availability engine: pure computation over inputs read once per request.
 *
 * <h2>Local time and daylight saving</h2> Working hours are local times in a zone. On
 * each date they become instants with {@link ZonedDateTime#of(LocalDateTime, ZoneId)}:
 * <ul>
 * <li>a boundary that falls in a spring-forward gap (02:30 on 2027-03-14 in New York)
 * moves forward by the length of the gap (to 03:30 EDT);</li>
 * <li>a boundary that occurs twice in a fall-back overlap (01:30 on 2027-11-07) takes the
 * earlier offset, its first occurrence (01:30 EDT).</li>
 * </ul>
 * Start times are real instants whose local wall-clock time in the location's zone lies
 * on the service's grid (a multiple of the slot step after local midnight). So a start is
 * never invented in a gap, and during an overlap both occurrences of a wall-clock time
 * are offered, each with its own offset. A visit must lie within working hours; its
 * buffers need only be free of other bookings.
 */
final class SlotFinder {

	/**
	 * The rules of the service being booked, in seconds.
	 *
	 * @param earliestStart now plus the minimum notice
	 * @param lastDay the last local date within the maximum advance
	 */
	record Rules(long duration, long bufferBefore, long bufferAfter, int step, long now, long earliestStart,
			LocalDate lastDay, ZoneId zone) {
	}

	record PractitionerCalendar(String practitionerId, List<WorkingHours> hours, Predicate<LocalDate> licensed,
			IntervalSet timeOff, IntervalSet busy) {
	}

	record RoomCalendar(String roomId, IntervalSet busy) {
	}

	/**
	 * @param closed local dates on which the location is closed
	 * @param needsRoom whether each visit needs one of {@code rooms}
	 */
	record Input(Rules rules, Predicate<LocalDate> closed, List<PractitionerCalendar> practitioners, boolean needsRoom,
			List<RoomCalendar> rooms) {
	}

	record Found(long start, long end, String practitionerId) {
	}

	record Check(SlotVerdict verdict, List<String> freeRooms) {
	}

	private static final Comparator<Found> BY_START_THEN_PRACTITIONER = Comparator.comparingLong(Found::start)
		.thenComparing(Found::practitionerId);

	private SlotFinder() {
	}

	/**
	 * Every free start on the local dates {@code from} to {@code to}, ordered by time
	 * then practitioner.
	 */
	static List<Found> freeSlots(Input input, LocalDate from, LocalDate to) {
		Rules rules = input.rules();
		ZoneRules zoneRules = rules.zone().getRules();
		List<Found> found = new ArrayList<>();
		for (PractitionerCalendar calendar : input.practitioners()) {
			boolean foreignZone = calendar.hours().stream().anyMatch(h -> !h.zone().equals(rules.zone()));
			LocalDate first = foreignZone ? from.minusDays(1) : from;
			LocalDate last = foreignZone ? to.plusDays(1) : to;
			for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
				long[] windows = windows(calendar.hours(), day);
				for (int w = 0; w < windows.length; w += 2) {
					collect(input, calendar, zoneRules, windows[w], windows[w + 1], from, to, found);
				}
			}
		}
		found.sort(BY_START_THEN_PRACTITIONER);
		return found;
	}

	/**
	 * Walks the grid of one working window. The zone offset is looked up again only after
	 * a transition, and the checks that depend only on the date (closure, licence) run
	 * once per date: both are otherwise the bulk of the work per probed start.
	 */
	private static void collect(Input input, PractitionerCalendar calendar, ZoneRules zoneRules, long windowStart,
			long windowEnd, LocalDate from, LocalDate to, List<Found> found) {
		Rules rules = input.rules();
		long t = Math.max(windowStart, rules.earliestStart());
		long offsetUntil = Long.MIN_VALUE;
		int offset = 0;
		long epochDay = Long.MIN_VALUE;
		LocalDate day = null;
		SlotVerdict dayVerdict = SlotVerdict.FREE;
		while (t + rules.duration() <= windowEnd) {
			if (t >= offsetUntil) {
				Instant at = Instant.ofEpochSecond(t);
				offset = zoneRules.getOffset(at).getTotalSeconds();
				ZoneOffsetTransition next = zoneRules.nextTransition(at);
				offsetUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
			}
			long localSeconds = t + offset;
			long misalignment = Math.floorMod(localSeconds, (long) rules.step());
			if (misalignment != 0) {
				t += rules.step() - misalignment;
				continue;
			}
			long localDay = Math.floorDiv(localSeconds, 86_400L);
			if (localDay != epochDay) {
				epochDay = localDay;
				day = LocalDate.ofEpochDay(localDay);
				if (day.isAfter(to) || day.isAfter(rules.lastDay())) {
					return;
				}
				dayVerdict = day.isBefore(from) ? null : onTheDay(input, calendar, day);
			}
			if (dayVerdict == SlotVerdict.FREE && atTheTime(input, calendar, t) == SlotVerdict.FREE) {
				found.add(new Found(t, t + rules.duration(), calendar.practitionerId()));
			}
			t += rules.step();
		}
	}

	/**
	 * Why {@code start} can or cannot be booked with this practitioner, and which rooms
	 * are free then.
	 */
	static Check check(Input input, String practitionerId, long start) {
		Rules rules = input.rules();
		PractitionerCalendar calendar = input.practitioners()
			.stream()
			.filter(c -> c.practitionerId().equals(practitionerId))
			.findFirst()
			.orElse(null);
		LocalDateTime local = LocalDateTime.ofEpochSecond(start, 0,
				rules.zone().getRules().getOffset(Instant.ofEpochSecond(start)));
		if (local.toLocalTime().toSecondOfDay() % rules.step() != 0) {
			return new Check(SlotVerdict.OFF_GRID, List.of());
		}
		if (start < rules.now()) {
			return new Check(SlotVerdict.IN_THE_PAST, List.of());
		}
		if (start < rules.earliestStart()) {
			return new Check(SlotVerdict.TOO_SOON, List.of());
		}
		LocalDate day = local.toLocalDate();
		if (day.isAfter(rules.lastDay())) {
			return new Check(SlotVerdict.TOO_FAR_AHEAD, List.of());
		}
		if (calendar == null) {
			return new Check(SlotVerdict.OUTSIDE_WORKING_HOURS, List.of());
		}
		if (!withinHours(calendar, start, start + rules.duration(), day)) {
			SlotVerdict verdict = bookable(input, calendar, start, day);
			return new Check(
					verdict == SlotVerdict.FREE || verdict.taken() ? SlotVerdict.OUTSIDE_WORKING_HOURS : verdict,
					List.of());
		}
		SlotVerdict verdict = bookable(input, calendar, start, day);
		return new Check(verdict, verdict == SlotVerdict.FREE ? freeRooms(input, start) : List.of());
	}

	/** The checks beyond the grid and working hours, cheapest first. */
	private static SlotVerdict bookable(Input input, PractitionerCalendar calendar, long start, LocalDate day) {
		SlotVerdict verdict = onTheDay(input, calendar, day);
		return verdict == SlotVerdict.FREE ? atTheTime(input, calendar, start) : verdict;
	}

	/**
	 * What holds for the whole local date: the location open, the practitioner licensed.
	 */
	private static SlotVerdict onTheDay(Input input, PractitionerCalendar calendar, LocalDate day) {
		if (input.closed().test(day)) {
			return SlotVerdict.CLINIC_CLOSED;
		}
		if (!calendar.licensed().test(day)) {
			return SlotVerdict.NOT_LICENSED;
		}
		return SlotVerdict.FREE;
	}

	private static SlotVerdict atTheTime(Input input, PractitionerCalendar calendar, long start) {
		Rules rules = input.rules();
		long end = start + rules.duration();
		if (calendar.timeOff().overlaps(start, end)) {
			return SlotVerdict.TIME_OFF;
		}
		long blockedFrom = start - rules.bufferBefore();
		long blockedTo = end + rules.bufferAfter();
		if (calendar.busy().overlaps(blockedFrom, blockedTo)) {
			return SlotVerdict.PRACTITIONER_BUSY;
		}
		if (input.needsRoom() && !anyRoomFree(input, blockedFrom, blockedTo)) {
			return SlotVerdict.NO_ROOM_FREE;
		}
		return SlotVerdict.FREE;
	}

	private static boolean anyRoomFree(Input input, long from, long to) {
		for (RoomCalendar room : input.rooms()) {
			if (!room.busy().overlaps(from, to)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> freeRooms(Input input, long start) {
		if (!input.needsRoom()) {
			return List.of();
		}
		Rules rules = input.rules();
		long from = start - rules.bufferBefore();
		long to = start + rules.duration() + rules.bufferAfter();
		return input.rooms()
			.stream()
			.filter(room -> !room.busy().overlaps(from, to))
			.map(RoomCalendar::roomId)
			.toList();
	}

	private static boolean withinHours(PractitionerCalendar calendar, long start, long end, LocalDate day) {
		for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
			long[] windows = windows(calendar.hours(), d);
			for (int w = 0; w < windows.length; w += 2) {
				if (windows[w] <= start && end <= windows[w + 1]) {
					return true;
				}
			}
		}
		return false;
	}

	/** The working windows of a date as merged epoch-second pairs. */
	static long[] windows(List<WorkingHours> hours, LocalDate day) {
		var builder = new IntervalSet.Builder();
		int count = 0;
		for (WorkingHours h : hours) {
			if (h.appliesOn(day)) {
				builder.add(epochSecond(day, h.start(), h.zone()), epochSecond(day, h.end(), h.zone()));
				count++;
			}
		}
		if (count == 0) {
			return new long[0];
		}
		return builder.build().toPairs();
	}

	private static long epochSecond(LocalDate day, LocalTime time, ZoneId zone) {
		return ZonedDateTime.of(day, time, zone).toEpochSecond();
	}

	static ZoneOffset offsetAt(ZoneId zone, long epochSecond) {
		return zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
	}

}
