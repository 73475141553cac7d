package org.unknot.payment;

/** How money was paid or given back. */
public enum Method {

	CASH("Cash", true), CARD_TERMINAL("Card (clinic terminal)", true), CHEQUE("Cheque", true),
	EXTERNAL("Paid elsewhere", true), CARD_ON_FILE("Card on file", false), ONLINE("Card online", false);

	private final String label;

	private final boolean recordedAtDesk;

	Method(String label, boolean recordedAtDesk) {
		this.label = label;
		this.recordedAtDesk = recordedAtDesk;
	}

	public String label() {
		return label;
	}

	/** The ways the front desk records a payment it took itself. */
	public boolean recordedAtDesk() {
		return recordedAtDesk;
	}

}
