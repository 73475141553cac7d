package org.unknot.waitlist;

import java.time.Instant;
import java.util.UUID;

/**
 * A freed time offered to one waiting patient until {@code expiresAt}. It is open until
 * it is accepted, declined or expires; each of those verbs applies only to an open offer.
 *
 * @param status {@code open}, {@code accepted}, {@code declined} or {@code expired}
 */
public record WaitlistOffer(UUID id, UUID openingId, UUID entryId, UUID holdId, String serviceId, String practitionerId,
		String location, Instant start, Instant expiresAt, String status, UUID appointmentId) {

	static final String OPEN = "open";

	static final String ACCEPTED = "accepted";

	static final String DECLINED = "declined";

	static final String EXPIRED = "expired";

	public boolean isOpen() {
		return status.equals(OPEN);
	}

	public boolean isAccepted() {
		return status.equals(ACCEPTED);
	}

	/** Whether its time has run out at {@code now}. */
	boolean isDue(Instant now) {
		return !now.isBefore(expiresAt);
	}

	/**
	 * Refuses, kindly, an acceptance at {@code now} of an offer already answered or run
	 * out; checked before the time is booked.
	 */
	void requireAcceptableAt(Instant now) {
		if (isAccepted()) {
			throw OfferNotAvailable.alreadyAnswered();
		}
		if (!isOpen() || isDue(now)) {
			throw OfferNotAvailable.expired();
		}
	}

	/** The patient took the time, booked as {@code appointment}. */
	WaitlistOffer accept(UUID appointment) {
		if (!isOpen()) {
			throw OfferNotAvailable.alreadyAnswered();
		}
		return with(ACCEPTED, appointment);
	}

	/** The patient does not want the time. */
	WaitlistOffer decline() {
		if (!isOpen()) {
			throw OfferNotAvailable.alreadyAnswered();
		}
		return with(DECLINED, null);
	}

	/** Nobody answered in time, or the time can no longer be held. */
	WaitlistOffer expire() {
		if (!isOpen()) {
			throw new WaitlistTransitionNotAllowed("offer", id, "expire", status);
		}
		return with(EXPIRED, null);
	}

	private WaitlistOffer with(String newStatus, UUID appointment) {
		return new WaitlistOffer(id, openingId, entryId, holdId, serviceId, practitionerId, location, start, expiresAt,
				newStatus, appointment);
	}

}
