package org.unknot.care.measures;

import java.util.Arrays;
import java.util.List;

/**
 * The ended plans of one clinic, practitioner or service, and what may be shown of them.
 * No figure rests on fewer than {@value #SMALLEST} plans: a count under it reads "fewer
 * than 5", and so does every figure drawn from it (a share, a median), so that no patient
 * can be singled out; nor is a count shown when the plans it leaves out are fewer than
 * {@value #SMALLEST}, since the difference would give them away.
 *
 * @param completed plans completed
 * @param pain how the completed plans did on pain
 * @param function how the completed plans did on the activities they named (PSFS)
 * @param discontinued plans discontinued
 */
public record OutcomeGroup(String name, int completed, Reached pain, Reached function, int discontinued) {

	/** The smallest number of plans a figure is shown for. */
	public static final int SMALLEST = 5;

	/** What is shown instead of a figure drawn from too few plans. */
	public static final String FEWER = "fewer than " + SMALLEST;

	/**
	 * The completed plans whose latest score showed a meaningful improvement from the
	 * first, and for each of them how many visits were done before the first score that
	 * showed it.
	 */
	public record Reached(int plans, List<Integer> visitsToGetThere) {

		public Reached {
			visitsToGetThere = List.copyOf(visitsToGetThere);
		}

	}

	/** A share of the completed plans as shown: the count, the percentage, the median. */
	public record Shown(String reached, Integer percent, String medianVisits) {

		/** "7 (58%)", or the reason no figure is shown. */
		public String words() {
			return percent == null ? reached : reached + " (" + percent + "%)";
		}

	}

	public String completedShown() {
		return count(completed);
	}

	public String discontinuedShown() {
		return count(discontinued);
	}

	public Shown painShown() {
		return shown(pain);
	}

	public Shown functionShown() {
		return shown(function);
	}

	private Shown shown(Reached reached) {
		String median = completed < SMALLEST || reached.visitsToGetThere().size() < SMALLEST ? FEWER
				: format(median(reached.visitsToGetThere()));
		if (completed < SMALLEST || reached.plans() < SMALLEST) {
			return new Shown(FEWER, null, median);
		}
		int missed = completed - reached.plans();
		if (missed > 0 && missed < SMALLEST) {
			return new Shown("not shown: " + FEWER + " did not", null, median);
		}
		return new Shown(String.valueOf(reached.plans()), (int) Math.round(100.0 * reached.plans() / completed),
				median);
	}

	/** A count as shown: "12", or "fewer than 5". */
	public static String count(int value) {
		return value < SMALLEST ? FEWER : String.valueOf(value);
	}

	static double median(List<Integer> values) {
		int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
	}

	private static String format(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
