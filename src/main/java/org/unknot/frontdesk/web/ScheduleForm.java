package org.unknot.frontdesk.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.care.measures.Timing;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.PageForm;

/**
 * The measures section of the plan form, as typed: for each measure on offer, whether the
 * plan takes it and when (before the first visit, again every so many visits or weeks, at
 * the review, at discharge). Its fields are named after the measure's code
 * ({@code take-psfs}, {@code every-psfs}, ...), since clinics add measures of their own.
 */
record ScheduleForm(Map<String, Row> rows) implements PageForm {

	static final String NONE = "none";

	static final String VISITS = "visits";

	static final String WEEKS = "weeks";

	/** One measure's fields as typed; a checkbox left unticked is null. */
	record Row(String take, String start, String repeat, String every, String review, String discharge) {

		boolean taken() {
			return "true".equals(take);
		}

	}

	ScheduleForm {
		rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
	}

	/**
	 * What a new plan starts with: pain before each visit, and at review and discharge.
	 */
	static ScheduleForm first(String painMeasure) {
		return new ScheduleForm(Map.of(painMeasure, new Row("true", null, VISITS, "1", "true", "true")));
	}

	/** A plan's schedule as its form shows it. */
	static ScheduleForm of(List<ScheduledMeasure> lines) {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (ScheduledMeasure line : lines) {
			Row row = rows.getOrDefault(line.measure(), new Row("true", null, NONE, null, null, null));
			rows.put(line.measure(), switch (line.timing()) {
				case START -> new Row("true", "true", row.repeat(), row.every(), row.review(), row.discharge());
				case EVERY_VISITS, EVERY_WEEKS ->
					new Row("true", row.start(), line.timing() == Timing.EVERY_WEEKS ? WEEKS : VISITS,
							String.valueOf(line.every()), row.review(), row.discharge());
				case REVIEW -> new Row("true", row.start(), row.repeat(), row.every(), "true", row.discharge());
				case DISCHARGE -> new Row("true", row.start(), row.repeat(), row.every(), row.review(), "true");
			});
		}
		return new ScheduleForm(rows);
	}

	/** The fields sent for each of these measures. */
	static ScheduleForm from(Map<String, String[]> parameters, List<String> codes) {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String code : codes) {
			rows.put(code,
					new Row(first(parameters, "take-" + code), first(parameters, "start-" + code),
							first(parameters, "repeat-" + code), first(parameters, "every-" + code),
							first(parameters, "review-" + code), first(parameters, "discharge-" + code)));
		}
		return new ScheduleForm(rows);
	}

	private static String first(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	/** The codes of the measures taken. */
	List<String> measures() {
		return rows.entrySet().stream().filter(entry -> entry.getValue().taken()).map(Map.Entry::getKey).toList();
	}

	/** Each field by its name, as typed, so a refused form keeps it. */
	@Override
	public Map<String, String> typed() {
		Map<String, String> typed = new LinkedHashMap<>();
		rows.forEach((code, row) -> {
			put(typed, "take-" + code, row.take());
			put(typed, "start-" + code, row.start());
			put(typed, "repeat-" + code, row.repeat() == null ? NONE : row.repeat());
			put(typed, "every-" + code, row.every());
			put(typed, "review-" + code, row.review());
			put(typed, "discharge-" + code, row.discharge());
		});
		return typed;
	}

	private static void put(Map<String, String> typed, String name, String value) {
		if (value != null) {
			typed.put(name, value);
		}
	}

	/**
	 * The schedule's lines, measure by measure, or null with messages beside the fields
	 * of each measure that says no time or a count out of range.
	 */
	List<ScheduledMeasure> lines(FieldMessages messages) {
		List<ScheduledMeasure> lines = new ArrayList<>();
		rows.forEach((code, row) -> {
			if (row.taken()) {
				lines.addAll(lines(code, row, messages));
			}
		});
		return messages.isEmpty() ? lines : null;
	}

	private static List<ScheduledMeasure> lines(String code, Row row, FieldMessages messages) {
		String repeat = row.repeat() == null || row.repeat().isBlank() ? NONE : row.repeat();
		Timing repeating = switch (repeat) {
			case VISITS -> Timing.EVERY_VISITS;
			case WEEKS -> Timing.EVERY_WEEKS;
			case NONE -> null;
			default -> {
				messages.add("repeat-" + code, "Choose whether it is taken again every so many visits or weeks.");
				yield null;
			}
		};
		Integer every = null;
		if (repeating != null) {
			every = messages.wholeNumber("every-" + code, row.every());
			if (every != null && (every < 1 || every > 52)) {
				messages.add("every-" + code, "Enter a number from 1 (before each visit) to 52.");
			}
		}
		boolean start = "true".equals(row.start());
		boolean review = "true".equals(row.review());
		boolean discharge = "true".equals(row.discharge());
		if (NONE.equals(repeat) && !start && !review && !discharge) {
			messages.add("repeat-" + code,
					"Say when this measure is taken: before the first visit, again and again, at the review or at discharge.");
		}
		if (messages.has("repeat-" + code) || messages.has("every-" + code)) {
			return List.of();
		}
		List<ScheduledMeasure> lines = new ArrayList<>();
		if (start) {
			lines.add(ScheduledMeasure.at(code, Timing.START));
		}
		if (repeating != null) {
			lines.add(ScheduledMeasure.every(code, repeating, every));
		}
		if (review) {
			lines.add(ScheduledMeasure.at(code, Timing.REVIEW));
		}
		if (discharge) {
			lines.add(ScheduledMeasure.at(code, Timing.DISCHARGE));
		}
		return lines;
	}

}
