package org.unknot.website.booking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.ClientHolds;
import org.unknot.booking.SlotNotBookable;
import org.unknot.booking.SlotRequest;
import org.unknot.booking.SlotTaken;
import org.unknot.booking.TooManyHolds;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.web.BookingRate;

/**
 * Keeps the draft's chosen time held for it, and says when it has been lost. A website
 * visitor holds times under the same limits as a client of the API (its address, as the
 * trusted proxies report it): the same {@link BookingRate} and the same cap on live holds
 * ({@link ClientHolds}), so that nobody can hold every free time by opening many drafts.
 */
@Component
class SlotHolder {

	private final BookingDesk desk;

	private final ClientHolds clientHolds;

	private final BookingRate rate;

	private final AvailabilitySearch availability;

	private final FlowCatalog catalog;

	SlotHolder(BookingDesk desk, ClientHolds clientHolds, BookingRate rate, AvailabilitySearch availability,
			FlowCatalog catalog) {
		this.desk = desk;
		this.clientHolds = clientHolds;
		this.rate = rate;
		this.availability = availability;
		this.catalog = catalog;
	}

	/**
	 * Holds the time for this draft, giving up the draft's earlier hold first (so
	 * changing one's mind never counts twice); answers why not, for the page, when the
	 * time is not free or the client holds or chooses too many (the draft then has no
	 * time).
	 */
	Optional<String> hold(Draft draft, SlotValue chosen, String client) {
		release(draft);
		Optional<Duration> tooFast = rate.refusal(client);
		if (tooFast.isPresent()) {
			return Optional.of("Many times have been chosen from your connection in a short while. Please wait "
					+ inWords(tooFast.get()) + " and choose again.");
		}
		try {
			Appointment hold = clientHolds
				.hold(new SlotRequest(ServiceId.of(draft.service), PractitionerId.of(chosen.practitioner()),
						LocationId.of(draft.location), chosen.start().toInstant()), client);
			draft.start = chosen.start().toString();
			draft.slotPractitioner = chosen.practitioner();
			draft.hold = hold.id().toString();
			return Optional.empty();
		}
		catch (SlotTaken | SlotNotBookable refused) {
			return Optional.of(TimeController.TAKEN);
		}
		catch (TooManyHolds refused) {
			return Optional.of("Your connection already holds " + refused.limit()
					+ " times for bookings not yet finished. Finish one of them, or choose again in "
					+ inWords(refused.retryAfter()) + ", when the first of them is given back.");
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
	boolean stillHeld(Draft draft, String client) {
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
		boolean held = hold(draft, new SlotValue(OffsetDateTime.parse(wanted), practitioner), client).isEmpty();
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

	/** "45 seconds", "a minute", "7 minutes": a wait as people say it. */
	static String inWords(Duration wait) {
		long seconds = Math.max(1, wait.toSeconds());
		if (seconds < 60) {
			return seconds == 1 ? "a second" : seconds + " seconds";
		}
		long minutes = (seconds + 59) / 60;
		return minutes == 1 ? "a minute" : minutes + " minutes";
	}

}
