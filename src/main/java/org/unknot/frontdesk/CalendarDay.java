package org.unknot.frontdesk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.unknot.catalog.Clinic;
import org.unknot.catalog.Room;

/**
 * A clinic's day: one column per practitioner working or booked there, and the rooms it
 * has.
 */
public record CalendarDay(Clinic clinic, LocalDate date, boolean closed, String closedReason,
		List<CalendarColumn> columns, List<Room> rooms) {

	/** Every patient the day shows. */
	public Stream<UUID> patientIds() {
		return columns.stream().flatMap(column -> column.entries().stream()).map(CalendarEntry::patientId);
	}
}
