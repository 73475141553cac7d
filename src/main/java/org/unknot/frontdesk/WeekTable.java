package org.unknot.frontdesk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unknot.practitioner.Practitioner;
import org.unknot.system.Times;

/**
 * A clinic's week as a table: a line per practitioner (or per room), a cell per day with
 * that day's hours and visits in order of time.
 */
public record WeekTable(List<CalendarDay> days, List<Line> lines, boolean byRoom) {

	/** One practitioner's or room's week. */
	public record Line(String id, String name, List<Cell> cells) {
	}

	/**
	 * One day of a line.
	 *
	 * @param hours the working hours in words ("9:00 AM to 5:00 PM"), empty for a room or
	 * a day off
	 */
	public record Cell(CalendarDay day, String hours, List<CalendarEntry> visits) {
	}

	public static WeekTable byPractitioner(List<CalendarDay> days) {
		Map<String, String> names = new LinkedHashMap<>();
		days.stream()
			.flatMap(day -> day.columns().stream())
			.map(CalendarColumn::practitioner)
			.sorted(Comparator.comparing((Practitioner who) -> who.familyName()).thenComparing(who -> who.givenName()))
			.forEach(who -> names.putIfAbsent(who.id(), who.displayName()));
		List<Line> lines = new ArrayList<>();
		names.forEach((id, name) -> {
			List<Cell> cells = new ArrayList<>();
			for (CalendarDay day : days) {
				CalendarColumn column = day.columns()
					.stream()
					.filter(candidate -> candidate.practitioner().id().equals(id))
					.findFirst()
					.orElse(null);
				cells.add(column == null ? new Cell(day, "", List.of())
						: new Cell(day, hours(day, column), live(column.entries())));
			}
			lines.add(new Line(id, name, cells));
		});
		return new WeekTable(days, lines, false);
	}

	public static WeekTable byRoom(List<CalendarDay> days) {
		Map<String, String> rooms = new LinkedHashMap<>();
		days.stream().flatMap(day -> day.rooms().stream()).forEach(room -> rooms.putIfAbsent(room.name(), room.id()));
		List<Line> lines = new ArrayList<>();
		rooms.forEach((name, id) -> {
			List<Cell> cells = new ArrayList<>();
			for (CalendarDay day : days) {
				cells.add(new Cell(day, "",
						live(day.columns()
							.stream()
							.flatMap(column -> column.entries().stream())
							.filter(entry -> name.equals(entry.room()))
							.sorted(Comparator.comparing(CalendarEntry::start))
							.toList())));
			}
			lines.add(new Line(id, name, cells));
		});
		return new WeekTable(days, lines, true);
	}

	private static List<CalendarEntry> live(List<CalendarEntry> entries) {
		return entries.stream().filter(entry -> !"cancelled".equals(entry.status())).toList();
	}

	private static String hours(CalendarDay day, CalendarColumn column) {
		return String.join(", ",
				column.hours()
					.stream()
					.map(span -> Times.time(day.date().atTime(span.start()).atZone(day.clinic().zone())) + " to "
							+ Times.time(day.date().atTime(span.end()).atZone(day.clinic().zone())))
					.toList());
	}

}
