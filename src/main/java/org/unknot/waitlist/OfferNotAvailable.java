package org.unknot.waitlist;

/**
 * The offer cannot be accepted any more; said kindly, because the patient did nothing
 * wrong.
 */
public class OfferNotAvailable extends WaitlistTransitionNotAllowed {

	OfferNotAvailable(String type, String detail) {
		super(type, detail);
	}

	static OfferNotAvailable takenBySomeoneElse() {
		return new OfferNotAvailable("offer-taken",
				"Sorry, someone else booked this time a moment before you. You keep your place on the waitlist,"
						+ " and we will tell you when another time opens up.");
	}

	static OfferNotAvailable expired() {
		return new OfferNotAvailable("offer-expired",
				"Sorry, this offer has run out and the time has moved on to the next person waiting. You keep your"
						+ " place on the waitlist, and we will tell you when another time opens up.");
	}

	static OfferNotAvailable alreadyAnswered() {
		return new OfferNotAvailable("offer-answered", "This offer has already been answered.");
	}

}
