package org.unknot.website.booking;

import org.unknot.system.DomainProblem;

/** The address names no visit: a mistyped or shortened link. */
class VisitNotFound extends DomainProblem {

	VisitNotFound() {
		super(Kind.NOT_FOUND, "visit-not-found",
				"We could not find that visit. Please use the link from your confirmation exactly as it is.");
	}

}
