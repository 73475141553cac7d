package org.unknot.availability;

import java.time.LocalDate;

import org.unknot.catalog.LocationId;

/** A search for free times; dates are local to the location and inclusive. */
public record AvailabilityQuery(String serviceId, LocationId location, String practitionerId, LocalDate from,
		LocalDate to) {
}
