package org.unknot.payment.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A choice in a select list: the value sent and the label shown. */
record Choice(String value, String label) {

	static <E extends Enum<E>> List<Choice> of(Class<E> type, Function<E, String> label) {
		return Arrays.stream(type.getEnumConstants()).map(e -> new Choice(e.name(), label.apply(e))).toList();
	}

}
