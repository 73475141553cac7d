package org.unknot.care;

import java.util.Arrays;

/** Where a treatment plan stands; it moves only through the plan's verbs. */
public enum PlanStatus {

	DRAFT("draft", "Draft"), ACTIVE("active", "Active"), UNDER_REVIEW("under-review", "Under review"),
	COMPLETED("completed", "Completed"), DISCONTINUED("discontinued", "Discontinued");

	private final String code;

	private final String label;

	PlanStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** Signed and not yet ended: its visits may be booked and its terms amended. */
	public boolean open() {
		return this == ACTIVE || this == UNDER_REVIEW;
	}

	public boolean ended() {
		return this == COMPLETED || this == DISCONTINUED;
	}

	static PlanStatus ofCode(String code) {
		return Arrays.stream(values())
			.filter(status -> status.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown plan status " + code));
	}

}
