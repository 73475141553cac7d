package org.unknot.care.measures;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The measures Unknot ships, free to use, in wording of its own: pain intensity (NRS),
 * the Patient-Specific Functional Scale and the Patient Global Impression of Change.
 */
public final class BuiltInMeasures {

	public static final String PAIN = "pain-nrs";

	public static final String PSFS = "psfs";

	public static final String PGIC = "pgic";

	/** Pain intensity, 0 to 10: 2 points or 30% of the first score is meaningful. */
	public static final Measure PAIN_NRS = new Measure(PAIN, "Pain intensity (0 to 10)", "72514-3",
			List.of(Item.rating("pain", "How much does your pain hurt right now?", 0, 10, "No pain",
					"The worst pain you can imagine")),
			1, ScoringRule.SUM, 0, 10, Direction.LOWER_IS_BETTER, 2, 30.0, null, true);

	/**
	 * Three to five activities the patient names, each 0 to 10; the average is the score.
	 */
	public static final Measure FUNCTION = new Measure(PSFS, "Activities you find hard (PSFS)", null,
			IntStream.rangeClosed(1, 5)
				.mapToObj(n -> new Item("activity-" + n, "Activity " + n, List.of(), 0, 10, "I cannot do it at all",
						"I can do it as well as before my pain", true))
				.toList(),
			3, ScoringRule.AVERAGE, 0, 10, Direction.HIGHER_IS_BETTER, 2, null, null, true);

	/** One question, 7 answers; judged against "about the same" (4). */
	public static final Measure GLOBAL_CHANGE = new Measure(PGIC, "Overall change since care began (PGIC)", null,
			List.of(Item.choice("change", "Since your care here began, how has your condition changed overall?",
					List.of(new Item.AnswerOption("1", "Much worse", 1), new Item.AnswerOption("2", "Worse", 2),
							new Item.AnswerOption("3", "A little worse", 3),
							new Item.AnswerOption("4", "About the same", 4),
							new Item.AnswerOption("5", "A little better", 5), new Item.AnswerOption("6", "Better", 6),
							new Item.AnswerOption("7", "Much better", 7)))),
			1, ScoringRule.SUM, 1, 7, Direction.HIGHER_IS_BETTER, 2, null, 4.0, true);

	public static final List<Measure> ALL = List.of(PAIN_NRS, FUNCTION, GLOBAL_CHANGE);

	private BuiltInMeasures() {
	}

}
