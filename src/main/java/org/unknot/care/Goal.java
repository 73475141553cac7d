package org.unknot.care;

/**
 * A goal that can be measured: what the patient wants ("reach the top shelf") and the
 * target that says it is met ("without pain: 8/10").
 */
public record Goal(String text, String target) {

	public static final int MAX = 300;

	public Goal {
		if (text == null || text.isBlank() || target == null || target.isBlank()) {
			throw new IllegalArgumentException("A goal has a text and a target");
		}
		if (text.length() > MAX || target.length() > MAX) {
			throw new IllegalArgumentException("A goal is short");
		}
		text = text.strip();
		target = target.strip();
	}

}
