package org.unknot.website.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a patient in the US reads them, always in the location's own zone.
 */
final class Times {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private Times() {
	}

	/** "Monday, March 15, 2027 at 10:00 AM EDT" */
	static String dateTime(Instant instant, ZoneId zone) {
		ZonedDateTime at = instant.atZone(zone);
		return DAY.format(at) + " at " + TIME.format(at) + " " + ZONE.format(at);
	}

	static String day(LocalDate date) {
		return DAY.format(date);
	}

	static String shortDay(LocalDate date) {
		return SHORT_DAY.format(date);
	}

	/** "10:00 AM" */
	static String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	/** "10:00 AM EDT" */
	static String timeWithZone(Instant instant, ZoneId zone) {
		ZonedDateTime at = instant.atZone(zone);
		return TIME.format(at) + " " + ZONE.format(at);
	}

}
