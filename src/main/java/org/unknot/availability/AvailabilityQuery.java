package org.unknot.availability;

import java.time.LocalDate;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/** A search for free times; dates are local to the location and inclusive. */
public record AvailabilityQuery(ServiceId serviceId, LocationId location, PractitionerId practitionerId, LocalDate from,
		LocalDate to) {
}
