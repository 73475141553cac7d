package org.unknot.availability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.unknot.catalog.ServiceCategory;
import org.unknot.catalog.ServiceId;

/**
 * The free times found, and what a patient must have done before booking them.
 */
public record Availability(ServiceId serviceId, String location, ZoneId zone, LocalDate from, LocalDate to,
		List<Slot> slots, List<Prerequisite> prerequisites) {

	public record Prerequisite(ServiceCategory category, String detail) {
	}
}
