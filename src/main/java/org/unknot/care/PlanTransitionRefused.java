package org.unknot.care;

import org.unknot.system.DomainProblem;

/** A verb that the plan's state does not allow, such as signing a completed plan. */
public class PlanTransitionRefused extends DomainProblem {

	PlanTransitionRefused(String verb, PlanStatus status) {
		super(Kind.CONFLICT, "plan-transition-refused",
				"A plan that is " + status.label().toLowerCase() + " cannot be " + verb + ".");
	}

	PlanTransitionRefused(String detail) {
		super(Kind.CONFLICT, "plan-transition-refused", detail);
	}

}
