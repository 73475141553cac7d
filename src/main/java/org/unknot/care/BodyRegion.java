package org.unknot.care;

/** Where it hurts. */
public enum BodyRegion {

	HEAD_AND_JAW("Head and jaw"), NECK("Neck"), SHOULDERS("Shoulders"), UPPER_BACK("Upper back"),
	LOWER_BACK("Lower back"), ARMS_AND_HANDS("Arms and hands"), HIPS("Hips"), LEGS_AND_FEET("Legs and feet");

	private final String label;

	BodyRegion(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
