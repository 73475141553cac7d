package org.unknot.booking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.unknot.availability.Slot;

/**
 * What a series request booked, and for each occurrence that could not be booked, what
 * could.
 */
public record SeriesOutcome(UUID seriesId, List<Booked> booked, List<Conflict> conflicts) {

	/**
	 * @param occurrence 1 for the first visit of the series
	 * @param reason a slug such as {@code practitioner-busy}, {@code clinic-closed} or
	 * {@code patient-busy}
	 * @param alternatives the nearest free times the same day or up to two days either
	 * side
	 */
	public record Conflict(int occurrence, OffsetDateTime start, String reason, String detail,
			List<Slot> alternatives) {
	}
}
