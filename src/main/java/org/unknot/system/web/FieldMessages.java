package org.unknot.system.web;

import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.unknot.system.InvalidRequest;

/**
 * What a page form shows beside its fields, by field name, in the order found; a field
 * keeps its first message. Form records parse their typed text through it, so that a
 * value that does not parse is named at the field it was typed in.
 */
public final class FieldMessages {

	private final Map<String, String> byField = new LinkedHashMap<>();

	private final Map<String, String> shownAs = new LinkedHashMap<>();

	public void add(String field, String message) {
		byField.putIfAbsent(shownAs.getOrDefault(field, field), message);
	}

	/** The rules' messages, each beside the field that the form shows it at. */
	public void addAll(InvalidRequest invalid) {
		invalid.errors().forEach(error -> add(error.field(), error.message()));
	}

	/**
	 * Where the rules name a field differently from the form: their messages for
	 * {@code ruleField} go beside {@code formField}.
	 */
	public FieldMessages showAs(String ruleField, String formField) {
		shownAs.put(ruleField, formField);
		return this;
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public boolean isEmpty() {
		return byField.isEmpty();
	}

	public Map<String, String> byField() {
		return new LinkedHashMap<>(byField);
	}

	/**
	 * The text parsed, or null with {@code message} beside the field when it does not
	 * parse. Blank text does not parse either.
	 */
	public <T> T parse(String field, String text, Function<String, T> parser, String message) {
		try {
			return parser.apply(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			add(field, message);
			return null;
		}
	}

	/** As {@link #parse}, except that blank text is no value (null) and no problem. */
	public <T> T parseUnlessBlank(String field, String text, Function<String, T> parser, String message) {
		return text == null || text.isBlank() ? null : parse(field, text, parser, message);
	}

	public Integer wholeNumber(String field, String text) {
		return parse(field, text, Integer::valueOf, "Enter a whole number.");
	}

	/**
	 * The constant named by the text, or null when it names none (the rules then say what
	 * is missing).
	 */
	public static <E extends Enum<E>> E choice(Class<E> type, String text) {
		return Arrays.stream(type.getEnumConstants())
			.filter(constant -> constant.name().equals(text))
			.findFirst()
			.orElse(null);
	}

	/** The constant named by the text, or null with {@code message} beside the field. */
	public <E extends Enum<E>> E choice(String field, Class<E> type, String text, String message) {
		E chosen = choice(type, text);
		if (chosen == null) {
			add(field, message);
		}
		return chosen;
	}

	/** The words of a list typed as text, split where the separators (a regex) match. */
	public static List<String> words(String text, String separators) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split(separators)).map(String::strip).filter(word -> !word.isEmpty()).toList();
	}

}
