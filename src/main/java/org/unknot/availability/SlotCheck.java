package org.unknot.availability;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.practitioner.PractitionerId;

/**
 * Whether one start time can be booked, and with what: the blocked range including
 * buffers, and the rooms free then (in order of preference), if the visit needs one.
 * {@code expiredHolds} says that an expired hold not yet swept lies in the blocked range
 * (of the practitioner or a room): it must be deleted before the visit is written, or the
 * database would refuse the write.
 */
public record SlotCheck(SlotVerdict verdict, CareService service, LocationId location, PractitionerId practitionerId,
		ZoneId zone, Instant start, Instant end, Instant blockedFrom, Instant blockedTo, List<String> freeRooms,
		boolean expiredHolds) {

	public boolean free() {
		return verdict == SlotVerdict.FREE;
	}
}
