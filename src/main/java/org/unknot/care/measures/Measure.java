package org.unknot.care.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * An outcome measure, built in or added by a clinic: its questions, how their answers
 * make a score, the score's range, which way is better, and how big a change is
 * meaningful.
 *
 * @param code how Unknot names it ("pain-nrs", or the code an admin chose)
 * @param loinc the LOINC code of the score, or null (the PSFS has none)
 * @param minAnswered how many items must be answered (the PSFS: three of its five)
 * @param meaningfulChange the minimal clinically important difference, in score points
 * @param meaningfulPercent a change of this percentage of the baseline is meaningful too
 * (pain NRS: 30), or null
 * @param reference a fixed point the score is judged against instead of the first one
 * (the PGIC's "about the same"), or null
 */
public record Measure(String code, String title, String loinc, List<Item> items, int minAnswered, ScoringRule rule,
		double min, double max, Direction direction, double meaningfulChange, Double meaningfulPercent,
		Double reference, boolean builtIn) {

	private static final double EPSILON = 1e-9;

	public Measure {
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A measure asks at least one question");
		}
		if (minAnswered < 1 || minAnswered > items.size()) {
			throw new IllegalArgumentException("A measure needs 1 to " + items.size() + " answers");
		}
		if (!(min < max) || !(meaningfulChange > 0)) {
			throw new IllegalArgumentException("A measure's range and meaningful change must be positive");
		}
	}

	/**
	 * The score of these answers (item link id to item score); refused, with a message
	 * per item, when an answer is missing or out of range.
	 */
	public double score(Map<String, Integer> answers) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Item> answered = new ArrayList<>();
		double sum = 0;
		double highest = 0;
		for (Item item : items) {
			Integer answer = answers.get(item.linkId());
			if (answer == null) {
				continue;
			}
			if (!item.accepts(answer)) {
				problems.add(new FieldProblem("answer-" + item.linkId(), "Choose one of the answers offered."));
				continue;
			}
			answered.add(item);
			sum += answer - (rule == ScoringRule.PERCENTAGE ? item.min() : 0);
			highest += item.max() - item.min();
		}
		if (problems.isEmpty() && answered.size() < minAnswered) {
			Item first = items.stream().filter(item -> !answers.containsKey(item.linkId())).findFirst().orElseThrow();
			problems.add(new FieldProblem("answer-" + first.linkId(), minAnswered == items.size()
					? "Answer every question." : "Answer at least " + minAnswered + " of the questions."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("Some answers are missing or not among those offered.", problems);
		}
		return switch (rule) {
			case SUM -> sum;
			case AVERAGE -> round(sum / answered.size());
			case PERCENTAGE -> round(100 * sum / highest);
		};
	}

	/**
	 * How far a score must move from {@code baseline} to be meaningful: the meaningful
	 * change in points, or the percentage of the baseline where that is smaller.
	 */
	public double threshold(double baseline) {
		double points = meaningfulChange;
		if (meaningfulPercent != null && baseline != 0) {
			points = Math.min(points, Math.abs(baseline) * meaningfulPercent / 100);
		}
		return points;
	}

	/**
	 * Judges {@code latest} against the first score (or the measure's fixed reference).
	 */
	public Judgement judge(double baseline, double latest) {
		double from = reference != null ? reference : baseline;
		double gain = direction.improvement(from, latest);
		double needed = threshold(from);
		if (gain >= needed - EPSILON) {
			return Judgement.MEANINGFUL_IMPROVEMENT;
		}
		if (-gain >= needed - EPSILON) {
			return Judgement.WORSE;
		}
		return Judgement.NO_MEANINGFUL_CHANGE;
	}

	/**
	 * Whether the score is judged against its own first value (not a fixed reference).
	 */
	public boolean fromBaseline() {
		return reference == null;
	}

	public Item item(String linkId) {
		return items.stream().filter(item -> item.linkId().equals(linkId)).findFirst().orElse(null);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
