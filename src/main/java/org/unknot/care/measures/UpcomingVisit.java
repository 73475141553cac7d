package org.unknot.care.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A plan's next visit, as far as measures care.
 *
 * @param number 1 for the plan's first visit
 * @param previous the day of the plan's visit before this one, or null for the first
 * @param review the plan is reviewed at this visit
 * @param discharge this is the plan's last visit
 */
public record UpcomingVisit(int number, LocalDate planStart, LocalDate previous, LocalDate day, boolean review,
		boolean discharge) {

	public UpcomingVisit {
		if (number < 1 || planStart == null || day == null) {
			throw new IllegalArgumentException("A visit has a number from 1, a day and its plan's start");
		}
	}

	/** Whole periods of {@code weeks} weeks from the plan's start to this visit. */
	long periodsOf(int weeks) {
		return ChronoUnit.DAYS.between(planStart, day) / (7L * weeks);
	}

	long previousPeriodsOf(int weeks) {
		return previous == null ? -1 : ChronoUnit.DAYS.between(planStart, previous) / (7L * weeks);
	}

}
