package org.unknot.care.measures;

/** Which way a score moves when the patient gets better. */
public enum Direction {

	LOWER_IS_BETTER("lower-is-better", "lower is better"), HIGHER_IS_BETTER("higher-is-better", "higher is better");

	private final String code;

	private final String label;

	Direction(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** As a definition spells it. */
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** How much better {@code to} is than {@code from}; negative when worse. */
	double improvement(double from, double to) {
		return this == LOWER_IS_BETTER ? from - to : to - from;
	}

}
