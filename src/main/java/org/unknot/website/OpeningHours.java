package org.unknot.website;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.unknot.practitioner.WorkingHours;

/**
 * A clinic's opening hours, derived from the working hours of the people who work there:
 * on each weekday, from the earliest start to the latest end of the rules in force on
 * that day of the coming week. A clinic is open when someone is there to see patients.
 */
public final class OpeningHours {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private OpeningHours() {
	}

	/** One weekday's hours; {@code opens} is null when closed. */
	public record Day(DayOfWeek weekday, LocalTime opens, LocalTime closes) {

		public String name() {
			return weekday.getDisplayName(TextStyle.FULL, Locale.US);
		}

		public boolean open() {
			return opens != null;
		}

		public String hours() {
			return open() ? opens.format(TIME) + " – " + closes.format(TIME) : "Closed";
		}
	}

	/** Monday to Sunday, for the week starting {@code from}. */
	public static List<Day> week(Collection<WorkingHours> clinicHours, LocalDate from) {
		List<Day> days = new ArrayList<>();
		for (DayOfWeek weekday : DayOfWeek.values()) {
			LocalDate date = from.plusDays((weekday.getValue() - from.getDayOfWeek().getValue() + 7) % 7);
			LocalTime opens = null;
			LocalTime closes = null;
			for (WorkingHours rule : clinicHours) {
				if (!rule.appliesOn(date)) {
					continue;
				}
				opens = opens == null || rule.start().isBefore(opens) ? rule.start() : opens;
				closes = closes == null || rule.end().isAfter(closes) ? rule.end() : closes;
			}
			days.add(new Day(weekday, opens, closes));
		}
		return days;
	}

}
