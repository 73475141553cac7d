package org.unknot.care.measures.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.unknot.care.measures.OutcomeGroup;

/**
 * The outcomes page's figures as comma-separated values (RFC 4180), with exactly what the
 * page hides from small groups hidden the same way. A cell that a spreadsheet would read
 * as a formula is written as text.
 */
final class OutcomesCsv {

	static final List<String> HEADER = List.of("View", "Group", "Plans completed", "Reached meaningful change in pain",
			"Share reaching it in pain (%)", "Median visits before it (pain)",
			"Reached meaningful change in activities (PSFS)", "Share reaching it in activities (%)",
			"Median visits before it (activities)", "Plans discontinued");

	private OutcomesCsv() {
	}

	static String of(List<OutcomesController.View> views) {
		StringBuilder csv = new StringBuilder(line(HEADER.stream()));
		for (OutcomesController.View view : views) {
			for (OutcomeGroup group : view.groups()) {
				OutcomeGroup.Shown pain = group.painShown();
				OutcomeGroup.Shown function = group.functionShown();
				csv.append(line(Stream.of(view.column(), group.name(), group.completedShown(), pain.reached(),
						percent(pain), pain.medianVisits(), function.reached(), percent(function),
						function.medianVisits(), group.discontinuedShown())));
			}
		}
		return csv.toString();
	}

	private static String percent(OutcomeGroup.Shown shown) {
		return shown.percent() == null ? shown.reached() : String.valueOf(shown.percent());
	}

	private static String line(Stream<String> cells) {
		return cells.map(OutcomesCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
	}

	static String cell(String value) {
		String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
				? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

}
