package org.unknot.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A bookable kind of visit: what it is, how long it takes (with the buffers a room or
 * practitioner needs around it), where it can happen, and the rules of booking it.
 *
 * @param roomKind the room an in-person visit needs, or null
 * @param prerequisite the category of visit a patient must have had first, or null
 * @param licenceTypes a practitioner needs a licence of one of these types, valid on the
 * day
 */
public record CareService(String id, String name, ServiceCategory category, String description, Duration duration,
		Duration bufferBefore, Duration bufferAfter, RoomKind roomKind, boolean inPerson, boolean virtual,
		int priceCents, List<String> billingCodes, ServiceCategory prerequisite, Duration minimumNotice,
		int maximumAdvanceDays, Duration slotStep, Set<String> licenceTypes) {

	public CareService {
		billingCodes = List.copyOf(billingCodes);
		licenceTypes = Set.copyOf(licenceTypes);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("A service takes some time: " + id);
		}
	}

	public boolean offeredAt(LocationId location) {
		return location.isVirtual() ? virtual : inPerson;
	}

	/** The room kind needed at this location: none for video visits. */
	public RoomKind roomKindAt(LocationId location) {
		return location.isVirtual() ? null : roomKind;
	}
}
