package org.unknot.practitioner;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A weekly rule: on this weekday the practitioner works from {@code start} to
 * {@code end}, local time in {@code zone}, at a clinic (or on video when {@code clinicId}
 * is null), from one date to another.
 */
public record WorkingHours(String practitionerId, String clinicId, DayOfWeek weekday, LocalTime start, LocalTime end,
		ZoneId zone, LocalDate effectiveFrom, LocalDate effectiveTo) {

	public WorkingHours {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("Working hours end after they start");
		}
		if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
			throw new IllegalArgumentException("Working hours stop being effective after they start");
		}
	}

	public boolean appliesOn(LocalDate day) {
		return day.getDayOfWeek() == weekday && !day.isBefore(effectiveFrom)
				&& (effectiveTo == null || !day.isAfter(effectiveTo));
	}
}
