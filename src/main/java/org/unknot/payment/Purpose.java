package org.unknot.payment;

/** What an amount is for. */
public enum Purpose {

	VISIT("Visit"), LATE_CANCELLATION_FEE("Late cancellation fee"), NO_SHOW_FEE("No-show fee"), PACKAGE("Package");

	private final String label;

	Purpose(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
