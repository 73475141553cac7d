package org.unknot.care.measures;

/** When in a plan a measure is taken. */
public enum Timing {

	START("at the first visit"), EVERY_VISITS("every N visits"), EVERY_WEEKS("every N weeks"),
	REVIEW("at the plan's review"), DISCHARGE("at discharge");

	private final String label;

	Timing(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	boolean repeats() {
		return this == EVERY_VISITS || this == EVERY_WEEKS;
	}

}
