package org.unknot.availability;

import java.time.OffsetDateTime;

import org.unknot.catalog.LocationId;
import org.unknot.practitioner.PractitionerId;

/** A free start time, with the offset in force at the location on that day. */
public record Slot(OffsetDateTime start, OffsetDateTime end, PractitionerId practitionerId, LocationId location) {
}
