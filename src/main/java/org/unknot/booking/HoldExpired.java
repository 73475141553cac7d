package org.unknot.booking;

import java.util.UUID;

import org.unknot.system.DomainProblem;

/** The hold ran out before it was booked, and someone else has the time now. */
public class HoldExpired extends DomainProblem {

	HoldExpired(UUID holdId) {
		super(Kind.CONFLICT, "hold-expired", "The hold " + holdId + " has expired and the time is no longer free.");
	}

}
