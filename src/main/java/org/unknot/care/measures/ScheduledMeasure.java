package org.unknot.care.measures;

/**
 * One line of a plan's measure schedule: this measure, at this point.
 *
 * @param every for {@link Timing#EVERY_VISITS} and {@link Timing#EVERY_WEEKS}, how many;
 * otherwise null
 */
public record ScheduledMeasure(String measure, Timing timing, Integer every) {

	public ScheduledMeasure {
		if (measure == null || measure.isBlank() || timing == null) {
			throw new IllegalArgumentException("A scheduled measure names the measure and when");
		}
		if (timing.repeats() != (every != null)) {
			throw new IllegalArgumentException(timing + (timing.repeats() ? " needs" : " takes no") + " a count");
		}
		if (every != null && (every < 1 || every > 52)) {
			throw new IllegalArgumentException("Every 1 to 52, not " + every);
		}
	}

	public static ScheduledMeasure at(String measure, Timing timing) {
		return new ScheduledMeasure(measure, timing, null);
	}

	public static ScheduledMeasure every(String measure, Timing timing, int every) {
		return new ScheduledMeasure(measure, timing, every);
	}

	/** When, in words: "before each visit", "at discharge". */
	public String when() {
		return switch (timing) {
			case EVERY_VISITS ->
				every == 1 ? "before each visit" : "before the first visit and every " + every + " visits after";
			case EVERY_WEEKS -> "before the first visit, then every " + (every == 1 ? "week" : every + " weeks");
			case START -> "before the first visit";
			default -> timing.label();
		};
	}

	/** Whether this line asks for the measure at that visit. */
	boolean dueAt(UpcomingVisit visit) {
		return switch (timing) {
			case START -> visit.number() == 1;
			case EVERY_VISITS -> (visit.number() - 1) % every == 0;
			case EVERY_WEEKS -> visit.number() == 1 || visit.periodsOf(every) > visit.previousPeriodsOf(every);
			case REVIEW -> visit.review();
			case DISCHARGE -> visit.discharge();
		};
	}

}
