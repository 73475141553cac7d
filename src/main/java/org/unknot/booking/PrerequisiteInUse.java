package org.unknot.booking;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.unknot.system.DomainProblem;

/**
 * A change that would leave a booked procedure without the consultation it needs before
 * it; the procedure has to be moved or cancelled first.
 */
public class PrerequisiteInUse extends DomainProblem {

	private final UUID dependent;

	private final OffsetDateTime dependentStart;

	PrerequisiteInUse(String serviceName, String dependentName, UUID dependent, OffsetDateTime dependentStart) {
		super(Kind.CONFLICT, "prerequisite-in-use", "The " + dependentName + " booked for " + dependentStart
				+ " needs this " + serviceName + " before it; move or cancel the " + dependentName + " first.");
		this.dependent = dependent;
		this.dependentStart = dependentStart;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("dependent", dependent.toString(), "dependentStart", dependentStart.toString());
	}

}
