package org.unknot.payment;

import java.util.List;
import java.util.UUID;

import org.unknot.system.Money;

/**
 * No provider: the front desk takes the money (cash, the clinic's card terminal, a
 * cheque) and records it. Nothing is charged without the patient present; a fee or a
 * deposit becomes an amount owed, which the desk sees at check-out.
 */
class PayAtClinic implements PaymentProvider {

	private static final String NOT_ONLINE = "The clinics take payments at the desk; there is no card on file.";

	@Override
	public String name() {
		return "clinic";
	}

	@Override
	public boolean online() {
		return false;
	}

	@Override
	public String customer(UUID patientId, String name, String email) {
		return "patient:" + patientId;
	}

	@Override
	public String cardSetupPage(String customer, UUID patientId, String returnUrl, String cancelUrl, String key) {
		throw new PaymentsAtDeskOnly();
	}

	@Override
	public String paymentPage(String customer, UUID patientId, List<PageLine> lines, String returnUrl, String cancelUrl,
			String key) {
		throw new PaymentsAtDeskOnly();
	}

	@Override
	public Outcome chargeCardOnFile(String customer, String cardReference, Money amount, String description,
			String key) {
		return Outcome.failed(NOT_ONLINE);
	}

	@Override
	public Outcome refund(String paymentReference, Money amount, String key) {
		return Outcome.failed("Give it back at the desk: " + NOT_ONLINE);
	}

}
