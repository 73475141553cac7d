package org.unknot.availability;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What is already taken: implemented by the booking module, read once per availability
 * request.
 */
public interface Occupancy {

	/**
	 * The blocked ranges (buffers included) of live visits and unexpired holds of these
	 * practitioners or in these rooms that touch [from, to), leaving out one appointment
	 * (being moved), if given. Holds that have expired by {@code now} block nothing.
	 */
	Taken busy(Collection<String> practitionerIds, Collection<String> roomIds, Instant from, Instant to, Instant now,
			UUID excluding);

	/**
	 * What is taken, and the {@code reference_version} read in the same statement: one
	 * round trip both finds the bookings and tells whether the in-memory reference data
	 * is still current.
	 *
	 * @param expiredHolds whether an expired hold that has not been swept yet (the
	 * excluded appointment included) lies in the range: it blocks nothing, but has to be
	 * deleted before a visit can be written there
	 */
	record Taken(long referenceVersion, List<BusyBlock> blocks, boolean expiredHolds) {
	}

	record BusyBlock(String practitionerId, String roomId, Instant from, Instant to) {
	}

}
