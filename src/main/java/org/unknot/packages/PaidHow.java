package org.unknot.packages;

/**
 * How a package was paid for. Until the payment module connects a provider, a sale online
 * is owed and paid at the clinic; the desk records what it took.
 */
public enum PaidHow {

	CASH("Cash"), CARD_TERMINAL("Card terminal"), CHEQUE("Cheque"), EXTERNAL("Paid elsewhere"),
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
