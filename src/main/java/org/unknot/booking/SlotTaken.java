package org.unknot.booking;

import java.time.Instant;

import org.unknot.availability.SlotVerdict;
import org.unknot.system.DomainProblem;

/** Someone else has that time: the practitioner, or every suitable room, is busy then. */
public class SlotTaken extends DomainProblem {

	private final SlotVerdict verdict;

	private final String why;

	SlotTaken(Instant start, SlotVerdict verdict, String why) {
		super(Kind.CONFLICT, "slot-taken", "The time " + start + " is no longer free: " + why + ".");
		this.verdict = verdict;
		this.why = why;
	}

	/**
	 * Why the time is taken, in words a receptionist can say to a caller ("the
	 * practitioner is busy then"), without the instant the API's message names.
	 */
	public String why() {
		return why;
	}

	public SlotVerdict verdict() {
		return verdict;
	}

}
