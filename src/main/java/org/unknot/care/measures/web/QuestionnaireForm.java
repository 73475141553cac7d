package org.unknot.care.measures.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unknot.care.measures.Answers;
import org.unknot.care.measures.Item;
import org.unknot.care.measures.Measure;

/**
 * A questionnaire as a page shows it and as its form comes back: one field per item,
 * named {@code <measure>.answer-<linkId>} (and {@code <measure>.name-<linkId>} for an
 * activity the patient names), matching the fields the answers are refused by.
 */
record QuestionnaireForm(List<Section> sections) {

	/** One measure's questions. */
	record Section(Measure measure, List<Question> questions) {
	}

	/** One item: its field names, what was typed, and the answers to choose from. */
	record Question(Item item, String field, String nameField, List<Choice> choices) {
	}

	/** A radio button's value and label. */
	record Choice(String value, String label) {
	}

	static QuestionnaireForm of(List<Measure> measures) {
		return new QuestionnaireForm(measures.stream()
			.map(measure -> new Section(measure,
					measure.items()
						.stream()
						.map(item -> new Question(item, measure.code() + ".answer-" + item.linkId(),
								measure.code() + ".name-" + item.linkId(), choices(item)))
						.toList()))
			.toList());
	}

	private static List<Choice> choices(Item item) {
		if (item.hasOptions()) {
			return item.options()
				.stream()
				.map(option -> new Choice(String.valueOf(option.score()), option.display()))
				.toList();
		}
		List<Choice> choices = new ArrayList<>();
		for (int point : item.points()) {
			String label = point == item.min() && item.minLabel() != null ? point + ": " + item.minLabel()
					: point == item.max() && item.maxLabel() != null ? point + ": " + item.maxLabel()
							: String.valueOf(point);
			choices.add(new Choice(String.valueOf(point), label));
		}
		return choices;
	}

	/** The answers typed, by measure; what is blank or no whole number is left out. */
	Map<String, Answers> answers(Map<String, String> typed) {
		Map<String, Answers> byMeasure = new LinkedHashMap<>();
		for (Section section : sections) {
			Map<String, Integer> scores = new HashMap<>();
			Map<String, String> names = new HashMap<>();
			for (Question question : section.questions()) {
				String value = typed.getOrDefault(question.field(), "").strip();
				if (value.matches("-?\\d{1,4}")) {
					scores.put(question.item().linkId(), Integer.parseInt(value));
				}
				String name = typed.getOrDefault(question.nameField(), "").strip();
				if (question.item().named() && !name.isEmpty()) {
					names.put(question.item().linkId(), name);
				}
			}
			byMeasure.put(section.measure().code(), new Answers(scores, names));
		}
		return byMeasure;
	}

}
