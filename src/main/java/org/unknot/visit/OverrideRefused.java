package org.unknot.visit;

import org.unknot.system.DomainProblem;

/** Only a signed-in staff member may book past the advice of a triage. */
public class OverrideRefused extends DomainProblem {

	OverrideRefused() {
		super(Kind.INVALID, "override-refused",
				"Only a signed-in staff member may book past the advice to see a physician first; "
						+ "leave out the override, or book a consultation instead.");
	}

}
