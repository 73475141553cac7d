package org.unknot.packages;

import java.util.Objects;
import java.util.Set;

import org.unknot.system.Money;

/**
 * A package on (or taken off) sale: its price, the services its credits pay for, how many
 * credits it gives and for how many days after the sale they can be spent.
 */
public record CarePackage(String id, String name, Money price, Set<String> serviceIds, int credits, int validDays,
		boolean onSale) {

	public CarePackage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(price, "price");
		serviceIds = Set.copyOf(serviceIds);
		if (credits < 1 || validDays < 1) {
			throw new IllegalArgumentException("A package gives at least one credit for at least one day");
		}
	}

	/** "Valid for 6 months", "valid for 90 days", as the sale page says it. */
	public String validityInWords() {
		if (validDays % 365 == 0) {
			return plural(validDays / 365, "year");
		}
		if (validDays % 30 == 0) {
			return plural(validDays / 30, "month");
		}
		if (validDays % 7 == 0) {
			return plural(validDays / 7, "week");
		}
		return plural(validDays, "day");
	}

	private static String plural(int count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

}
