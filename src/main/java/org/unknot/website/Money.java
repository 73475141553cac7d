package org.unknot.website;

import java.text.NumberFormat;
import java.util.Locale;

/** Prices as patients read them: $95 or $95.50. */
public final class Money {

	private Money() {
	}

	public static String dollars(int cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		if (cents % 100 == 0) {
			format.setMaximumFractionDigits(0);
			format.setMinimumFractionDigits(0);
		}
		return format.format(cents / 100.0);
	}

}
