package org.unknot.booking;

import java.time.Instant;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/** A service with a practitioner at a location, starting at an instant. */
public record SlotRequest(ServiceId serviceId, PractitionerId practitionerId, LocationId location, Instant start) {
}
