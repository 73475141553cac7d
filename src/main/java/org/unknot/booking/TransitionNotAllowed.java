package org.unknot.booking;

import java.util.UUID;

import org.unknot.system.DomainProblem;

/**
 * A verb that the appointment's current state does not allow, such as cancelling a
 * cancelled visit.
 */
public class TransitionNotAllowed extends DomainProblem {

	TransitionNotAllowed(UUID id, String verb, String because) {
		super(Kind.CONFLICT, "transition-not-allowed",
				"The appointment " + id + " cannot " + verb + ": " + because + ".");
	}

}
