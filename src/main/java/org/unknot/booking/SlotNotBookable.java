package org.unknot.booking;

import java.util.List;
import java.util.Map;

import org.unknot.availability.SlotVerdict;
import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * The time asked for breaks a booking rule (off the grid, in the past, outside working
 * hours...).
 */
public class SlotNotBookable extends DomainProblem {

	private final SlotVerdict verdict;

	private final String field;

	SlotNotBookable(SlotVerdict verdict, String field, String detail) {
		super(Kind.INVALID, "slot-not-bookable", detail);
		this.verdict = verdict;
		this.field = field;
	}

	public SlotVerdict verdict() {
		return verdict;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("reason", verdict.name().toLowerCase().replace('_', '-'), "errors",
				List.of(new FieldProblem(field, getMessage())));
	}

}
