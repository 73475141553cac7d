package org.unknot.website.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotNotBookable;
import org.unknot.booking.SlotRequest;
import org.unknot.booking.SlotTaken;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/** Keeps the draft's chosen time held for it, and says when it has been lost. */
@Component
class SlotHolder {

	private final BookingDesk desk;

	private final AvailabilitySearch availability;

	private final FlowCatalog catalog;

	SlotHolder(BookingDesk desk, AvailabilitySearch availability, FlowCatalog catalog) {
		this.desk = desk;
		this.availability = availability;
		this.catalog = catalog;
	}

	/**
	 * Holds the time for this draft, giving up the draft's earlier hold first; answers
	 * false (and the draft has no time) when the time is not free.
	 */
	boolean hold(Draft draft, SlotValue chosen) {
		release(draft);
		try {
			Appointment hold = desk
				.hold(new SlotRequest(ServiceId.of(draft.service), PractitionerId.of(chosen.practitioner()),
						LocationId.of(draft.location), chosen.start().toInstant()));
			draft.start = chosen.start().toString();
			draft.slotPractitioner = chosen.practitioner();
			draft.hold = hold.id().toString();
			return true;
		}
		catch (SlotTaken | SlotNotBookable refused) {
			return false;
		}
	}

	void release(Draft draft) {
		if (draft.hold != null) {
			desk.release(UUID.fromString(draft.hold));
		}
		draft.forgetTime();
	}

	/**
	 * Whether the draft still has its time: its hold is live, or it ran out but the time
	 * is still free (then it is held again). False when someone else has taken it.
	 */
	boolean stillHeld(Draft draft) {
		if (draft.hold != null && desk.holds(UUID.fromString(draft.hold))) {
			return true;
		}
		var start = FlowView.start(draft);
		if (start.isEmpty()) {
			return false;
		}
		var check = availability.check(ServiceId.of(draft.service), LocationId.of(draft.location),
				PractitionerId.ofNullable(draft.slotPractitioner), start.get(), null);
		if (!check.free()) {
			return false;
		}
		String wanted = draft.start;
		String practitioner = draft.slotPractitioner;
		draft.hold = null;
		boolean held = hold(draft, new SlotValue(OffsetDateTime.parse(wanted), practitioner));
		if (!held) {
			draft.start = wanted;
			draft.slotPractitioner = practitioner;
		}
		return held;
	}

	/**
	 * The practitioner of a time sent back must be the one chosen, or one of those
	 * offered.
	 */
	boolean allowed(Draft draft, String practitioner) {
		if (!Draft.FIRST_AVAILABLE.equals(draft.practitioner)) {
			return draft.practitioner.equals(practitioner);
		}
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		return catalog.practitioners(service, LocationId.of(draft.location))
			.stream()
			.anyMatch(p -> p.id().equals(practitioner));
	}

}
