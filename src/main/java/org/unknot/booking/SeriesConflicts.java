package org.unknot.booking;

import java.util.Map;

import org.unknot.system.DomainProblem;

/**
 * Occurrences of a series clashed and nothing was booked (all-or-nothing, or none at all
 * was free).
 */
public class SeriesConflicts extends DomainProblem {

	private final SeriesOutcome outcome;

	SeriesConflicts(SeriesOutcome outcome, boolean allOrNothing) {
		super(Kind.CONFLICT, "series-conflicts", outcome.conflicts().size() + " of the visits cannot be booked"
				+ (allOrNothing ? ", so none was booked (all or nothing)." : " and none could."));
		this.outcome = outcome;
	}

	public SeriesOutcome outcome() {
		return outcome;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("conflicts", outcome.conflicts());
	}

}
