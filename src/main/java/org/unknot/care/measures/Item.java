package org.unknot.care.measures;

import java.util.List;

/**
 * One question. With answer options, the answer is one of them and scores its score;
 * without, the answer is a whole number from {@code min} to {@code max} (a rating scale).
 *
 * @param named the patient names what is rated (a PSFS activity); the item's text is then
 * only a prompt
 */
public record Item(String linkId, String text, List<AnswerOption> options, int min, int max, String minLabel,
		String maxLabel, boolean named) {

	public Item {
		options = options == null ? List.of() : List.copyOf(options);
		if (!options.isEmpty()) {
			min = options.stream().mapToInt(AnswerOption::score).min().orElseThrow();
			max = options.stream().mapToInt(AnswerOption::score).max().orElseThrow();
		}
		if (min > max) {
			throw new IllegalArgumentException("An item's lowest score is above its highest");
		}
	}

	/** A 0-to-10 (or similar) rating with words at both ends. */
	static Item rating(String linkId, String text, int min, int max, String minLabel, String maxLabel) {
		return new Item(linkId, text, List.of(), min, max, minLabel, maxLabel, false);
	}

	static Item choice(String linkId, String text, List<AnswerOption> options) {
		return new Item(linkId, text, options, 0, 0, null, null, false);
	}

	public boolean hasOptions() {
		return !options.isEmpty();
	}

	/** The points of a rating scale, lowest first, for radio buttons. */
	public List<Integer> points() {
		return java.util.stream.IntStream.rangeClosed(min, max).boxed().toList();
	}

	boolean accepts(int score) {
		return hasOptions() ? options.stream().anyMatch(option -> option.score() == score)
				: score >= min && score <= max;
	}

	/** One answer option: what the patient reads and what it scores. */
	public record AnswerOption(String code, String display, int score) {
	}

}
