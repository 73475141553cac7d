package org.unknot.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
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

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private static final DateTimeFormatter SHORT_DAY_WITH_YEAR = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy",
			Locale.US);

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

	/** "Mar 15, 2027": a date of record (a licence, the first day of hours) */
	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	/** "Mon, Mar 15, 2027, 9:00 AM EDT": a time that may be in another year */
	public static String dateAndTime(ZonedDateTime at) {
		return SHORT_DAY_WITH_YEAR.format(at) + ", " + timeWithZone(at);
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

	/** "5:00 PM": a time of day as a rule sets it (working hours) */
	public static String time(LocalTime time) {
		return TIME.format(time);
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

	/**
	 * "EST/EDT": the names a zone goes by over a year, standard time first, for a note
	 * about local times that are not yet at any one moment. A zone without daylight
	 * saving has one name.
	 */
	public static String zoneNames(ZoneId zone) {
		int year = Year.now(zone).getValue();
		ZonedDateTime january = LocalDate.of(year, 1, 15).atStartOfDay(zone);
		ZonedDateTime july = LocalDate.of(year, 7, 15).atStartOfDay(zone);
		boolean southern = zone.getRules().isDaylightSavings(january.toInstant());
		String standard = zoneName(southern ? july : january);
		String daylight = zoneName(southern ? january : july);
		return standard.equals(daylight) ? standard : standard + "/" + daylight;
	}

}
