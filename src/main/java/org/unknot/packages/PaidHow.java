package org.unknot.packages;

/**
 * How a package was paid for. Without an online payment provider a sale online is owed
 * and paid at the clinic, where the desk records what it took; with one, it is paid on
 * the provider's page.
 */
public enum PaidHow {

	CASH("Cash"), CARD_TERMINAL("Card terminal"), CHEQUE("Cheque"), EXTERNAL("Paid elsewhere"),
	/** Paid by the patient on the payment provider's page. */
	ONLINE("Paid online"),
	/**
	 * Bought online, to pay at the clinic: shown as owed until the desk records payment.
	 */
	TO_PAY_AT_CLINIC("To pay at the clinic");

	private final String label;

	PaidHow(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether money changed hands at the sale (false: still owed). */
	public boolean paid() {
		return this != TO_PAY_AT_CLINIC;
	}

	/** What the front desk can record taking. */
	public static PaidHow[] atTheDesk() {
		return new PaidHow[] { CASH, CARD_TERMINAL, CHEQUE, EXTERNAL };
	}

}
