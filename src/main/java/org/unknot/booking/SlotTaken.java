package org.unknot.booking;

import java.time.Instant;

import org.unknot.availability.SlotVerdict;
import org.unknot.system.DomainProblem;

/** Someone else has that time: the practitioner, or every suitable room, is busy then. */
public class SlotTaken extends DomainProblem {

	private final SlotVerdict verdict;

	SlotTaken(Instant start, SlotVerdict verdict, String why) {
		super(Kind.CONFLICT, "slot-taken", "The time " + start + " is no longer free: " + why + ".");
		this.verdict = verdict;
	}

	public SlotVerdict verdict() {
		return verdict;
	}

}
