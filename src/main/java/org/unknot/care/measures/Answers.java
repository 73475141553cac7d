package org.unknot.care.measures;

import java.util.Map;

/**
 * A patient's answers to one questionnaire: each item's score by link id, and for items
 * the patient names (PSFS activities) what they named.
 */
public record Answers(Map<String, Integer> scores, Map<String, String> names) {

	public Answers {
		scores = Map.copyOf(scores);
		names = names == null ? Map.of() : Map.copyOf(names);
	}

	public static Answers of(Map<String, Integer> scores) {
		return new Answers(scores, Map.of());
	}

}
