package org.unknot.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times in words as people in the US read them, always in the clinic's own zone
 * and with the zone named as people say it (EST, EDT), never as a region id. Every page,
 * message and calendar file names times this one way; pages reach it as the bean
 * {@code @times}.
 */
public final class Times {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private Times() {
	}

	/** "Monday, March 15, 2027 at 10:00 AM EDT" */
	public static String dateTime(Instant instant, ZoneId zone) {
		return dateTime(instant.atZone(zone));
	}

	/** "Monday, March 15, 2027 at 10:00 AM EDT" */
	public static String dateTime(ZonedDateTime at) {
		return DAY.format(at) + " at " + timeWithZone(at);
	}

	/** "Mon, Mar 15, 10:00 AM EDT" */
	public static String shortDateTime(Instant instant, ZoneId zone) {
		return shortDateTime(instant.atZone(zone));
	}

	/** "Mon, Mar 15, 10:00 AM EDT" */
	public static String shortDateTime(ZonedDateTime at) {
		return SHORT_DAY.format(at) + ", " + timeWithZone(at);
	}

	/** "Monday, March 15, 2027" */
	public static String day(LocalDate date) {
		return DAY.format(date);
	}

	/** "Mon, Mar 15" */
	public static String shortDay(LocalDate date) {
		return SHORT_DAY.format(date);
	}

	/** "10:00 AM" */
	public static String time(Instant instant, ZoneId zone) {
		return time(instant.atZone(zone));
	}

	/** "10:00 AM" */
	public static String time(ZonedDateTime at) {
		return TIME.format(at);
	}

	/** "10:00 AM EDT" */
	public static String timeWithZone(Instant instant, ZoneId zone) {
		return timeWithZone(instant.atZone(zone));
	}

	/** "10:00 AM EDT" */
	public static String timeWithZone(ZonedDateTime at) {
		return TIME.format(at) + " " + zoneName(at);
	}

	/** "EDT": the zone as people say it at that moment (EST in winter). */
	public static String zoneName(ZonedDateTime at) {
		return ZONE.format(at);
	}

}
