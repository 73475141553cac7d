package org.unknot.frontdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.unknot.care.measures.Measures;
import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.care.measures.Timing;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/**
 * The measures section of the plan form, as typed: which measures, before every how many
 * visits or weeks (from the first visit), and whether also at the review and at
 * discharge.
 */
record ScheduleForm(List<String> measures, String measureEvery, String measureUnit,
		String measureMilestones) implements PageForm {

	static final String VISITS = "visits";

	static final String WEEKS = "weeks";

	ScheduleForm {
		measures = measures == null ? List.of() : measures.stream().filter(Objects::nonNull).distinct().toList();
	}

	/**
	 * What a new plan starts with: pain before each visit, and at review and discharge.
	 */
	static ScheduleForm first(String painMeasure) {
		return new ScheduleForm(List.of(painMeasure), "1", VISITS, "true");
	}

	static ScheduleForm of(List<ScheduledMeasure> lines) {
		List<String> codes = lines.stream()
			.filter(line -> line.every() != null)
			.map(ScheduledMeasure::measure)
			.distinct()
			.toList();
		ScheduledMeasure repeating = lines.stream().filter(line -> line.every() != null).findFirst().orElse(null);
		boolean milestones = lines.stream().anyMatch(line -> line.timing() == Timing.DISCHARGE);
		return new ScheduleForm(codes, repeating == null ? "1" : String.valueOf(repeating.every()),
				repeating != null && repeating.timing() == Timing.EVERY_WEEKS ? WEEKS : VISITS,
				milestones ? "true" : null);
	}

	/** The schedule's lines, or null with messages beside the fields. */
	List<ScheduledMeasure> lines(Measures known, FieldMessages messages) {
		if (measures.isEmpty()) {
			return List.of();
		}
		if (measures.stream().anyMatch(code -> known.find(code).isEmpty())) {
			messages.add("measures", "Choose measures from the list.");
		}
		Integer every = messages.wholeNumber("measureEvery", measureEvery);
		if (every != null && (every < 1 || every > 52)) {
			messages.add("measureEvery", "Enter a number from 1 (before each visit) to 52.");
		}
		Timing timing = VISITS.equals(measureUnit) ? Timing.EVERY_VISITS
				: WEEKS.equals(measureUnit) ? Timing.EVERY_WEEKS : null;
		if (timing == null) {
			messages.add("measureUnit", "Choose visits or weeks.");
		}
		if (messages.has("measures") || messages.has("measureEvery") || messages.has("measureUnit")) {
			return null;
		}
		List<ScheduledMeasure> lines = new ArrayList<>();
		for (String code : measures) {
			lines.add(ScheduledMeasure.every(code, timing, every));
			if ("true".equals(measureMilestones)) {
				lines.add(ScheduledMeasure.at(code, Timing.REVIEW));
				lines.add(ScheduledMeasure.at(code, Timing.DISCHARGE));
			}
		}
		return lines;
	}

}
