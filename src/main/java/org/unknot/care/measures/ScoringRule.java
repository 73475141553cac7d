package org.unknot.care.measures;

/** How the item scores make one score. */
public enum ScoringRule {

	/** The item scores added up. */
	SUM("sum"),
	/** The sum as a share of the highest possible sum, 0 to 100. */
	PERCENTAGE("percentage"),
	/** The mean of the item scores (the PSFS). */
	AVERAGE("average");

	private final String code;

	ScoringRule(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
