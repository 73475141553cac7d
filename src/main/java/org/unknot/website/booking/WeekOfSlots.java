package org.unknot.website.booking;

import org.unknot.system.Times;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.Slot;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Free times a week at a time, for the booking flow and for rescheduling: with "first
 * available" the earliest practitioner free at each time is offered, and an empty week
 * points to the next week that has a free time.
 */
@Component
class WeekOfSlots {

	private static final int LOOK_AHEAD_WEEKS = 26;

	private static final int NEAREST = 6;

	private final AvailabilitySearch availability;

	private final Clock clock;

	WeekOfSlots(AvailabilitySearch availability, Clock clock) {
		this.availability = availability;
		this.clock = clock;
	}

	/**
	 * The Monday of the week asked for, or of this week when the value is missing or not
	 * a date.
	 */
	LocalDate monday(String week, ZoneId zone) {
		LocalDate thisWeek = thisMonday(zone);
		if (week == null || week.isBlank()) {
			return thisWeek;
		}
		try {
			LocalDate asked = LocalDate.parse(week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			return asked.isBefore(thisWeek) ? thisWeek : asked;
		}
		catch (DateTimeParseException e) {
			return thisWeek;
		}
	}

	Week week(String service, LocationId location, String practitioner, LocalDate monday) {
		ZoneId zone = availability.zoneOf(location);
		List<Slot> slots = availability
			.search(new AvailabilityQuery(ServiceId.of(service), location, PractitionerId.ofNullable(practitioner),
					monday, monday.plusDays(6)))
			.slots();
		// days of this week that are already over are left out
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Map<LocalDate, List<Time>> byDay = new LinkedHashMap<>();
		for (int i = 0; i < 7; i++) {
			if (!monday.plusDays(i).isBefore(today)) {
				byDay.put(monday.plusDays(i), new ArrayList<>());
			}
		}
		for (Slot slot : earliestPractitionerPerStart(slots)) {
			byDay.computeIfAbsent(slot.start().toLocalDate(), day -> new ArrayList<>()).add(time(slot, zone));
		}
		List<Day> days = byDay.entrySet()
			.stream()
			.map(e -> new Day(e.getKey().toString(), Times.day(e.getKey()), e.getValue()))
			.toList();
		LocalDate nextAvailable = slots.isEmpty()
				? nextAvailable(service, location, practitioner, monday.plusWeeks(1)).orElse(null) : null;
		boolean canGoBack = monday.isAfter(thisMonday(zone));
		return new Week(monday.toString(), "Week of " + Times.shortDay(monday),
				canGoBack ? monday.minusWeeks(1).toString() : null, monday.plusWeeks(1).toString(), days,
				slots.isEmpty(),
				nextAvailable == null ? null
						: nextAvailable.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
				nextAvailable == null ? null : Times.day(nextAvailable));
	}

	/**
	 * The free times nearest to the one wanted (up to three days either side), nearest
	 * first.
	 */
	List<Time> nearest(String service, LocationId location, String practitioner, OffsetDateTime wanted) {
		ZoneId zone = availability.zoneOf(location);
		LocalDate day = wanted.atZoneSameInstant(zone).toLocalDate();
		LocalDate from = day.minusDays(3).isBefore(LocalDate.now(clock.withZone(zone)))
				? LocalDate.now(clock.withZone(zone)) : day.minusDays(3);
		List<Slot> slots = availability
			.search(new AvailabilityQuery(ServiceId.of(service), location, PractitionerId.ofNullable(practitioner),
					from, day.plusDays(3)))
			.slots();
		return earliestPractitionerPerStart(slots).stream()
			.sorted(Comparator
				.comparing((Slot slot) -> Duration.between(wanted.toInstant(), slot.start().toInstant()).abs()))
			.limit(NEAREST)
			.sorted(Comparator.comparing(Slot::start))
			.map(slot -> time(slot, zone))
			.toList();
	}

	private Optional<LocalDate> nextAvailable(String service, LocationId location, String practitioner,
			LocalDate from) {
		for (int chunk = 0; chunk < LOOK_AHEAD_WEEKS / 4; chunk++) {
			LocalDate start = from.plusWeeks(4L * chunk);
			List<Slot> slots = availability
				.search(new AvailabilityQuery(ServiceId.of(service), location, PractitionerId.ofNullable(practitioner),
						start, start.plusDays(27)))
				.slots();
			if (!slots.isEmpty()) {
				return Optional.of(slots.get(0).start().toLocalDate());
			}
		}
		return Optional.empty();
	}

	private LocalDate thisMonday(ZoneId zone) {
		return LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static List<Slot> earliestPractitionerPerStart(List<Slot> slots) {
		Map<OffsetDateTime, Slot> first = new LinkedHashMap<>();
		slots.stream()
			.sorted(Comparator.comparing(Slot::start).thenComparing(slot -> slot.practitionerId().value()))
			.forEach(slot -> first.putIfAbsent(slot.start(), slot));
		return List.copyOf(first.values());
	}

	private static Time time(Slot slot, ZoneId zone) {
		return new Time(new SlotValue(slot.start(), slot.practitionerId().value()).value(),
				Times.time(slot.start().toInstant(), zone), Times.dateTime(slot.start().toInstant(), zone),
				Times.shortDay(slot.start().toLocalDate()));
	}

	record Week(String monday, String label, String previous, String next, List<Day> days, boolean empty,
			String nextAvailableWeek, String nextAvailableDay) {
	}

	record Day(String date, String label, List<Time> times) {
	}

	/** A free time: the button's value, its short label, and the full date and time. */
	record Time(String value, String label, String full, String day) {
	}

}
