package org.unknot.care;

/** How long the pain has lasted; three months and more is chronic pain. */
public enum PainDuration {

	UNDER_A_WEEK("Less than a week"), ONE_TO_SIX_WEEKS("One to six weeks"),
	SIX_WEEKS_TO_THREE_MONTHS("Six weeks to three months"), OVER_THREE_MONTHS("More than three months");

	private final String label;

	PainDuration(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
