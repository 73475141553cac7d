package org.unknot.frontdesk;

import java.time.LocalTime;
import java.util.List;

import org.unknot.practitioner.Practitioner;

/** One practitioner's column on one day: their hours there, blocked times, and visits. */
public record CalendarColumn(Practitioner practitioner, List<Span> hours, List<Span> blocked,
		List<CalendarEntry> entries) {

	public record Span(LocalTime start, LocalTime end, String label) {
	}
}
