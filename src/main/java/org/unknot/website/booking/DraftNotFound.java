package org.unknot.website.booking;

import org.unknot.system.DomainProblem;

/**
 * The address names no booking in progress: mistyped, tampered with, or expired after two
 * days.
 */
class DraftNotFound extends DomainProblem {

	DraftNotFound() {
		super(Kind.NOT_FOUND, "draft-not-found",
				"This booking is no longer here: it may have expired. Please start again from Book an appointment.");
	}

}
