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

	/** Times shown at once for a day; the rest are behind "more times". */
	static final int SHOWN = 4;

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

	/**
	 * The week asked for; with none asked, the first week from this one that has a free
	 * time, so that nobody opens the step on an empty week.
	 */
	Week opening(String service, LocationId location, String practitioner, String week, ZoneId zone) {
		Week asked = week(service, location, practitioner, monday(week, zone));
		boolean chosen = week != null && !week.isBlank();
		if (chosen || !asked.empty() || asked.nextAvailableWeek() == null) {
			return asked;
		}
		return week(service, location, practitioner, LocalDate.parse(asked.nextAvailableWeek())).aheadOf(asked);
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
			.map(e -> Day.of(e.getKey().toString(), Times.day(e.getKey()), e.getValue()))
			.toList();
		LocalDate nextAvailable = slots.isEmpty()
				? nextAvailable(service, location, practitioner, monday.plusWeeks(1)).orElse(null) : null;
		boolean canGoBack = monday.isAfter(thisMonday(zone));
		return new Week(monday.toString(), "Week of " + Times.shortDay(monday),
				canGoBack ? monday.minusWeeks(1).toString() : null, monday.plusWeeks(1).toString(), days,
				slots.isEmpty(),
				nextAvailable == null ? null
						: nextAvailable.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
				nextAvailable == null ? null : Times.day(nextAvailable), null);
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
				Times.shortDay(slot.start().toLocalDate()), slot.start().atZoneSameInstant(zone).getHour());
	}

	/**
	 * @param skipped the Monday of the week asked for ("Mon, Mar 8") when it had no free
	 * time and this, the first week after it that has, is shown instead
	 */
	record Week(String monday, String label, String previous, String next, List<Day> days, boolean empty,
			String nextAvailableWeek, String nextAvailableDay, String skipped) {

		Week aheadOf(Week empty) {
			return new Week(monday, label, previous, next, days, this.empty, nextAvailableWeek, nextAvailableDay,
					Times.shortDay(LocalDate.parse(empty.monday())));
		}

	}

	/**
	 * A day's free times: a few shown at once (the first of the morning, the afternoon
	 * and the evening, then the earliest), the rest behind "more times" by part of the
	 * day, so that a week fits on a screen and still works as a plain form.
	 */
	record Day(String date, String label, List<Time> times, List<Time> shown, List<PartOfDay> more) {

		static Day of(String date, String label, List<Time> times) {
			List<Time> shown = new ArrayList<>();
			for (PartOfDay.Kind kind : PartOfDay.Kind.values()) {
				times.stream().filter(time -> kind.holds(time.hour())).findFirst().ifPresent(shown::add);
			}
			times.stream()
				.filter(time -> !shown.contains(time))
				.limit(Math.max(0, SHOWN - shown.size()))
				.forEach(shown::add);
			List<Time> inOrder = times.stream().filter(shown::contains).toList();
			List<PartOfDay> more = new ArrayList<>();
			for (PartOfDay.Kind kind : PartOfDay.Kind.values()) {
				List<Time> rest = times.stream()
					.filter(time -> kind.holds(time.hour()) && !shown.contains(time))
					.toList();
				if (!rest.isEmpty()) {
					more.add(new PartOfDay(kind.label, rest));
				}
			}
			return new Day(date, label, times, inOrder, more);
		}

		public int moreCount() {
			return times.size() - shown.size();
		}
	}

	record PartOfDay(String label, List<Time> times) {

		enum Kind {

			MORNING("Morning", 0, 12), AFTERNOON("Afternoon", 12, 17), EVENING("Evening", 17, 24);

			final String label;

			final int from;

			final int until;

			Kind(String label, int from, int until) {
				this.label = label;
				this.from = from;
				this.until = until;
			}

			boolean holds(int hour) {
				return hour >= from && hour < until;
			}

		}

	}

	/**
	 * A free time: the button's value, its short label, the full date and time, its day,
	 * and its hour in the clinic's zone.
	 */
	record Time(String value, String label, String full, String day, int hour) {
	}

}
