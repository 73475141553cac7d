package org.unknot.frontdesk;

import java.time.LocalDate;
import java.util.List;

import org.unknot.catalog.Clinic;
import org.unknot.catalog.Room;

/** A clinic's day: one column per practitioner working or booked there, and the rooms it has. */
public record CalendarDay(Clinic clinic, LocalDate date, boolean closed, String closedReason,
		List<CalendarColumn> columns, List<Room> rooms) {
}
