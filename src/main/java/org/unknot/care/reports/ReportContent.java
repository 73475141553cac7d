package org.unknot.care.reports;

import java.util.List;

import org.unknot.care.Goal;
import org.unknot.care.measures.Progress;

/**
 * Everything a report says, already in words (times in the clinic's zone, names instead
 * of ids), so that drawing the PDF decides nothing.
 *
 * @param plan the course in words: "6 visits, every two weeks, from Mon, Mar 15, 2027"
 * @param ended how the plan ended ("Completed on ..." or "Discontinued on ...: reason"),
 * or null while it runs
 * @param outcomes each measure charted over the plan's period
 * @param followUp the practitioner's advice after discharge, or null in a progress report
 */
public record ReportContent(ReportKind kind, String patientName, String birthDate, String practitionerName,
		String serviceName, String status, String plan, List<Goal> goals, String techniques, String visitsSummary,
		List<VisitLine> visits, List<Charted> outcomes, String ended, String summary, String followUp, String signed) {

	public ReportContent {
		goals = List.copyOf(goals);
		visits = List.copyOf(visits);
		outcomes = List.copyOf(outcomes);
	}

	/**
	 * A measure's scores over the plan's period, and that period in words: "Charted from
	 * Monday, March 15, 2027 to Monday, April 26, 2027, the plan's period; the first
	 * point (Mar 12) is the baseline, the last score before it began."
	 */
	public record Charted(Progress.Series series, String period) {
	}

	/** One visit of the plan: when, where, and whether it was attended. */
	public record VisitLine(String when, String where, String status) {
	}

}
