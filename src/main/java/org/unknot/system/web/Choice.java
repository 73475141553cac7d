package org.unknot.system.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One choice of a select list or a group of radio buttons: the value the form sends and
 * the words shown for it ({@code fragments/form :: select(options=...)}).
 */
public record Choice(String value, String label) {

	/** Every constant of an enum, sent by name and shown in the words given. */
	public static <E extends Enum<E>> List<Choice> of(Class<E> type, Function<E, String> label) {
		return Arrays.stream(type.getEnumConstants()).map(e -> new Choice(e.name(), label.apply(e))).toList();
	}

}
