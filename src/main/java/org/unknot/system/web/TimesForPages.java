package org.unknot.system.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;
import org.unknot.system.Times;

/**
 * {@link Times} for templates: {@code ${@times.shortDateTime(visit.start())}} reads "Mon,
 * Mar 15, 10:00 AM EDT".
 */
@Component("times")
public class TimesForPages {

	public String dateTime(ZonedDateTime at) {
		return Times.dateTime(at);
	}

	public String dateTime(Instant instant, ZoneId zone) {
		return Times.dateTime(instant, zone);
	}

	public String shortDateTime(ZonedDateTime at) {
		return Times.shortDateTime(at);
	}

	public String day(LocalDate date) {
		return Times.day(date);
	}

	public String date(LocalDate date) {
		return date == null ? "" : Times.date(date);
	}

	public String dateAndTime(ZonedDateTime at) {
		return Times.dateAndTime(at);
	}

	public String time(LocalTime time) {
		return Times.time(time);
	}

	public String zoneNames(ZoneId zone) {
		return Times.zoneNames(zone);
	}

	public String shortDay(LocalDate date) {
		return Times.shortDay(date);
	}

	public String time(ZonedDateTime at) {
		return Times.time(at);
	}

	public String timeWithZone(ZonedDateTime at) {
		return Times.timeWithZone(at);
	}

}
