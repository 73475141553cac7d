package org.unknot.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.unknot.catalog.Room;
import org.unknot.system.Times;

/**
 * A clinic's day as a time grid: a row every 15 minutes from the first to the last hour
 * anyone works or is booked (9 AM to 5 PM when nobody is), one column per practitioner or
 * per room, and in each column its working hours, blocked time, visits with their
 * buffers, and the free gaps left to book. Rows are steps of real time from the day's
 * opening in the clinic's zone, so a day the clocks change has an hour more or less of
 * them.
 *
 * @param rows the grid rows, the first on grid line 2 (line 1 holds the column names)
 */
public record DayGrid(LocalDate date, ZoneId zone, List<Row> rows, List<Column> columns, boolean byRoom) {

	/** The grid's step. */
	public static final Duration STEP = Duration.ofMinutes(15);

	private static final LocalTime DEFAULT_OPEN = LocalTime.of(9, 0);

	private static final LocalTime DEFAULT_CLOSE = LocalTime.of(17, 0);

	/** One 15-minute row; its time is labelled on the hour. */
	public record Row(int line, ZonedDateTime at, boolean zoneNamed) {

		public boolean hour() {
			return at.getMinute() == 0;
		}

		/** "9:15 AM EST", as the move confirmation says it. */
		public String spoken() {
			return Times.timeWithZone(at);
		}

		/** "9:00 AM", with the zone named on a day the clocks change ("1:00 AM EST"). */
		public String label() {
			return zoneNamed ? Times.timeWithZone(at) : Times.time(at);
		}

	}

	/** What a cell of a column shows. */
	public enum Kind {

		WORKING, BLOCKED, BUFFER, VISIT, FREE;

		public String css() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One block of a column, from grid line {@code line} over {@code span} rows.
	 *
	 * @param visit the visit a VISIT or BUFFER cell belongs to, else null
	 */
	public record Cell(Kind kind, int line, int span, ZonedDateTime start, ZonedDateTime end, String label,
			CalendarEntry visit) {

		/** "9:00 AM EST", when the cell starts. */
		public String startSpoken() {
			return Times.timeWithZone(start);
		}

		/** "9:00 AM to 10:00 AM" as people read a span of time. */
		public String times() {
			return Times.time(start) + " to " + Times.time(end);
		}

	}

	/**
	 * A practitioner's or a room's column.
	 *
	 * @param index its grid column (the times are column 1)
	 * @param practitionerId the practitioner free gaps are booked with, or null for a
	 * room
	 */
	public record Column(int index, String id, String name, String practitionerId, List<Cell> cells) {
	}

	/** One column per practitioner working or booked that day. */
	public static DayGrid byPractitioner(CalendarDay day) {
		Frame frame = Frame.of(day);
		List<Column> columns = new ArrayList<>();
		for (CalendarColumn source : day.columns()) {
			List<Cell> cells = new ArrayList<>();
			List<Instant[]> working = source.hours()
				.stream()
				.map(span -> frame.clamp(frame.at(span.start()), frame.at(span.end())))
				.toList();
			working.forEach(span -> cells.add(frame.cell(Kind.WORKING, span[0], span[1], "Working", null)));
			List<Instant[]> busy = new ArrayList<>();
			for (CalendarColumn.Span blocked : source.blocked()) {
				Instant[] span = frame.clamp(frame.at(blocked.start()), frame.at(blocked.end()));
				busy.add(span);
				cells
					.add(frame.cell(Kind.BLOCKED, span[0], span[1], blocked.label() == null || blocked.label().isBlank()
							? "Blocked" : "Blocked: " + blocked.label(), null));
			}
			busy.addAll(frame.visits(source.entries(), cells));
			frame.free(working, busy)
				.forEach(gap -> cells.add(frame.cell(Kind.FREE, gap[0], gap[1], "Book here", null)));
			String id = source.practitioner().id();
			columns.add(new Column(columns.size() + 2, id, source.practitioner().displayName(), id, sorted(cells)));
		}
		return new DayGrid(day.date(), frame.zone, frame.rows(), columns, false);
	}

	/**
	 * One column per room, and one for visits not (yet) in a room when there are any; the
	 * free gaps of a room are booked with whoever is free.
	 */
	public static DayGrid byRoom(CalendarDay day) {
		Frame frame = Frame.of(day);
		List<CalendarEntry> entries = day.columns().stream().flatMap(column -> column.entries().stream()).toList();
		Map<String, List<CalendarEntry>> byRoom = new LinkedHashMap<>();
		day.rooms().stream().map(Room::name).forEach(name -> byRoom.put(name, new ArrayList<>()));
		for (CalendarEntry entry : entries) {
			byRoom.computeIfAbsent(entry.room() == null ? "No room yet" : entry.room(), name -> new ArrayList<>())
				.add(entry);
		}
		List<Column> columns = new ArrayList<>();
		byRoom.forEach((room, visits) -> {
			List<Cell> cells = new ArrayList<>();
			List<Instant[]> busy = frame.visits(visits, cells);
			if (!"No room yet".equals(room)) {
				frame.free(List.<Instant[]>of(new Instant[] { frame.open, frame.close }), busy)
					.forEach(gap -> cells.add(frame.cell(Kind.FREE, gap[0], gap[1], "Book here", null)));
			}
			columns.add(new Column(columns.size() + 2, "room-" + columns.size(), room, null, sorted(cells)));
		});
		return new DayGrid(day.date(), frame.zone, frame.rows(), columns, true);
	}

	/** The grid line just after the last row. */
	public int endLine() {
		return rows.size() + 2;
	}

	private static List<Cell> sorted(List<Cell> cells) {
		return cells.stream().sorted(Comparator.comparing(Cell::line).thenComparing(Cell::kind)).toList();
	}

	/** The day's opening and closing as instants, and how instants map to grid lines. */
	private record Frame(LocalDate date, ZoneId zone, Instant open, Instant close) {

		static Frame of(CalendarDay day) {
			ZoneId zone = day.clinic().zone();
			LocalDate date = day.date();
			Instant dayStart = date.atStartOfDay(zone).toInstant();
			Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
			Frame whole = new Frame(date, zone, dayStart, dayEnd);
			List<Instant> bounds = Stream
				.concat(day.columns()
					.stream()
					.flatMap(column -> column.hours().stream())
					.flatMap(span -> Stream.of(whole.at(span.start()), whole.at(span.end()))),
						day.columns()
							.stream()
							.flatMap(column -> column.entries().stream())
							.filter(entry -> !"cancelled".equals(entry.status()))
							.flatMap(entry -> Stream.of(entry.start().minus(entry.bufferBefore()).toInstant(),
									entry.end().plus(entry.bufferAfter()).toInstant())))
				.map(instant -> instant.isBefore(dayStart) ? dayStart : instant.isAfter(dayEnd) ? dayEnd : instant)
				.toList();
			Instant open = bounds.stream().min(Comparator.naturalOrder()).orElse(whole.at(DEFAULT_OPEN));
			Instant close = bounds.stream().max(Comparator.naturalOrder()).orElse(whole.at(DEFAULT_CLOSE));
			Instant hourOpen = open.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
			ZonedDateTime closing = close.atZone(zone);
			Instant hourClose = closing.truncatedTo(ChronoUnit.HOURS).equals(closing) ? close
					: closing.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
			return new Frame(date, zone, hourOpen.isBefore(dayStart) ? dayStart : hourOpen,
					hourClose.isAfter(dayEnd) ? dayEnd : hourClose);
		}

		/** A local time of the day; the end of the day for {@link LocalTime#MAX}. */
		Instant at(LocalTime time) {
			return time.equals(LocalTime.MAX) ? date.plusDays(1).atStartOfDay(zone).toInstant()
					: date.atTime(time).atZone(zone).toInstant();
		}

		Instant[] clamp(Instant from, Instant to) {
			return new Instant[] { from.isBefore(open) ? open : from, to.isAfter(close) ? close : to };
		}

		List<Row> rows() {
			List<Row> rows = new ArrayList<>();
			boolean zoneChanges = !zone.getRules().getOffset(open).equals(zone.getRules().getOffset(close));
			for (Instant at = open; at.isBefore(close); at = at.plus(STEP)) {
				rows.add(new Row(rows.size() + 2, at.atZone(zone), zoneChanges));
			}
			return rows;
		}

		Cell cell(Kind kind, Instant from, Instant to, String label, CalendarEntry visit) {
			long first = Duration.between(open, from).toMinutes() / STEP.toMinutes();
			long last = (Duration.between(open, to).toMinutes() + STEP.toMinutes() - 1) / STEP.toMinutes();
			int line = (int) Math.max(0, first) + 2;
			int span = (int) Math.max(1, last - Math.max(0, first));
			return new Cell(kind, line, span, from.atZone(zone), to.atZone(zone), label, visit);
		}

		/**
		 * Visit and buffer cells for the visits shown; answers the time they keep busy.
		 */
		List<Instant[]> visits(List<CalendarEntry> entries, List<Cell> cells) {
			List<Instant[]> busy = new ArrayList<>();
			for (CalendarEntry entry : entries) {
				if ("cancelled".equals(entry.status())) {
					continue;
				}
				Instant start = entry.start().toInstant();
				Instant end = entry.end().toInstant();
				Instant before = start.minus(entry.bufferBefore());
				Instant after = end.plus(entry.bufferAfter());
				if (before.isBefore(start)) {
					cells.add(cell(Kind.BUFFER, before, start, "Buffer", entry));
				}
				if (after.isAfter(end)) {
					cells.add(cell(Kind.BUFFER, end, after, "Buffer", entry));
				}
				cells.add(cell(Kind.VISIT, start, end, entry.patientName(), entry));
				if (!"noshow".equals(entry.status())) {
					busy.add(new Instant[] { before, after });
				}
			}
			return busy;
		}

		/**
		 * What is left of the open spans once the busy ones are taken out, 15 minutes or
		 * more.
		 */
		List<Instant[]> free(List<Instant[]> open, List<Instant[]> busy) {
			List<Instant[]> sortedBusy = busy.stream().sorted(Comparator.comparing(span -> span[0])).toList();
			List<Instant[]> gaps = new ArrayList<>();
			for (Instant[] span : open) {
				Instant cursor = span[0];
				for (Instant[] taken : sortedBusy) {
					if (!taken[1].isAfter(cursor) || !taken[0].isBefore(span[1])) {
						continue;
					}
					if (taken[0].isAfter(cursor)) {
						gaps.add(new Instant[] { cursor, taken[0] });
					}
					cursor = taken[1].isAfter(cursor) ? taken[1] : cursor;
				}
				if (cursor.isBefore(span[1])) {
					gaps.add(new Instant[] { cursor, span[1] });
				}
			}
			return gaps.stream().filter(gap -> !Duration.between(gap[0], gap[1]).minus(STEP).isNegative()).toList();
		}

	}

}
