package org.unknot.billing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How many units each CPT code of a visit is billed as. Timed codes (therapeutic massage,
 * manual therapy, exercise...) are billed in 15-minute units by the CMS 8-minute rule:
 * the minutes of all timed codes of the visit are added up, 8 to 22 minutes are one unit,
 * 23 to 37 two, and so on; under 8 minutes nothing is billed. The units are then shared
 * among the timed codes in the order listed, as evenly as they go (the minutes of each
 * code are not kept apart, so each is taken to have had an equal share). Every other code
 * is one unit. Codes of one family (the levels of an office visit, of a physical therapy
 * evaluation, of trigger point injections...) are alternatives: only the first listed is
 * billed.
 */
public final class BillingUnits {

	/**
	 * CPT codes billed per 15 minutes of treatment (CMS's list of timed codes, in part).
	 */
	static final Set<String> TIMED = Set.of("97110", "97112", "97113", "97116", "97124", "97140", "97530", "97535",
			"97537", "97542", "97750", "97032", "97033", "97034", "97035", "97036");

	/** Families of alternatives, by the range of codes they span. */
	private static final Map<String, String> FAMILY_RANGES = Map.of("99202", "99205", "99211", "99215", "97161",
			"97163", "20552", "20553", "64490", "64495", "64633", "64636", "90832", "90838");

	/** The minutes that make the first unit; each further 15 make another. */
	static final int FIRST_UNIT_MINUTES = 8;

	static final int UNIT_MINUTES = 15;

	private BillingUnits() {
	}

	/** A CPT code and the units it is billed as. */
	public record CodeUnits(String code, int units) {
	}

	/** The timed units that {@code minutes} of treatment make, by the 8-minute rule. */
	public static int timedUnits(int minutes) {
		if (minutes < FIRST_UNIT_MINUTES) {
			return 0;
		}
		return (minutes - FIRST_UNIT_MINUTES) / UNIT_MINUTES + 1;
	}

	public static boolean timed(String code) {
		return TIMED.contains(code);
	}

	/**
	 * The codes of one visit with their units, in the order listed; a timed code left
	 * with no unit (too few minutes for all of them) is not billed at all.
	 */
	public static List<CodeUnits> of(List<String> codes, int minutesTreated) {
		List<String> billed = firstOfEachFamily(codes);
		List<String> timedCodes = billed.stream().filter(BillingUnits::timed).toList();
		int units = timedUnits(minutesTreated);
		List<CodeUnits> result = new ArrayList<>();
		int timedSeen = 0;
		for (String code : billed) {
			if (!timed(code)) {
				result.add(new CodeUnits(code, 1));
				continue;
			}
			int share = units / timedCodes.size() + (timedSeen < units % timedCodes.size() ? 1 : 0);
			timedSeen++;
			if (share > 0) {
				result.add(new CodeUnits(code, share));
			}
		}
		return result;
	}

	private static List<String> firstOfEachFamily(List<String> codes) {
		Set<String> families = new LinkedHashSet<>();
		List<String> billed = new ArrayList<>();
		for (String code : new LinkedHashSet<>(codes)) {
			String family = familyOf(code).orElse(code);
			if (families.add(family)) {
				billed.add(code);
			}
		}
		return billed;
	}

	private static Optional<String> familyOf(String code) {
		return FAMILY_RANGES.entrySet()
			.stream()
			.filter(range -> code.length() == 5 && code.compareTo(range.getKey()) >= 0
					&& code.compareTo(range.getValue()) <= 0)
			.map(Map.Entry::getKey)
			.findFirst();
	}

}
