package org.unknot.waitlist;

import org.unknot.system.DomainProblem;

/**
 * A waitlist entry, opening or offer was asked to do what its current state does not
 * allow, such as offering a time to a patient who has left the line.
 */
public class WaitlistTransitionNotAllowed extends DomainProblem {

	WaitlistTransitionNotAllowed(String what, Object id, String verb, String status) {
		this("transition-not-allowed",
				"The waitlist " + what + " " + id + " cannot " + verb + ": it is " + status + ".");
	}

	/** For refusals with a wording of their own. */
	WaitlistTransitionNotAllowed(String type, String detail) {
		super(Kind.CONFLICT, type, detail);
	}

}
