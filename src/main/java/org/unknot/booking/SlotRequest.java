package org.unknot.booking;

import java.time.Instant;

import org.unknot.catalog.LocationId;

/** A service with a practitioner at a location, starting at an instant. */
public record SlotRequest(String serviceId, String practitionerId, LocationId location, Instant start) {
}
