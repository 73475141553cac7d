package org.unknot.booking;

import java.util.List;
import java.util.Map;

import org.unknot.catalog.ServiceCategory;
import org.unknot.system.DomainProblem;

/** A procedure asked for by a patient who has not had the consultation it needs first. */
public class PrerequisiteMissing extends DomainProblem {

	private final ServiceCategory prerequisite;

	private final List<String> services;

	PrerequisiteMissing(String serviceName, ServiceCategory prerequisite, List<String> services) {
		super(Kind.INVALID, "prerequisite-missing",
				serviceName + " needs a prior " + prerequisite.name().toLowerCase().replace('_', ' ')
						+ " before it; please book one of " + String.join(", ", services) + " first.");
		this.prerequisite = prerequisite;
		this.services = List.copyOf(services);
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("prerequisite", prerequisite.name(), "services", services);
	}

}
