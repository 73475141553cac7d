package org.unknot.payment;

import java.util.List;
import java.util.UUID;

import org.unknot.system.Money;

/**
 * Whoever takes the money. Card numbers never reach Unknot: an online provider collects
 * them on its own hosted page and gives back references. Every call that moves money
 * carries a key derived from what it pays for, so asking twice never moves it twice.
 */
public interface PaymentProvider {

	/** Its name in the ledger and on the pages ("stripe", "clinic"). */
	String name();

	/** Whether it keeps cards on file and takes money without the front desk. */
	boolean online();

	/** The provider's customer for this patient, made once (the key makes sure). */
	String customer(UUID patientId, String name, String email);

	/**
	 * Where to send the patient to give a card to keep on file; the provider's page comes
	 * back to {@code returnUrl}.
	 */
	String cardSetupPage(String customer, UUID patientId, String returnUrl, String cancelUrl, String key);

	/**
	 * Where to send the patient to pay these amounts now (a deposit, a visit, a package);
	 * the page carries {@code key} back in its webhook.
	 */
	String paymentPage(String customer, UUID patientId, List<PageLine> lines, String returnUrl, String cancelUrl,
			String key);

	/**
	 * One line of a payment page: what it is for, in the patient's words, and how much.
	 */
	record PageLine(String name, Money amount) {
	}

	/** Charges the card on file without the patient present, as they agreed. */
	Outcome chargeCardOnFile(String customer, String cardReference, Money amount, String description, String key);

	/** Gives back (some of) a payment the provider took. */
	Outcome refund(String paymentReference, Money amount, String key);

	/** What the provider answered. */
	record Outcome(boolean done, String reference, String failure) {

		public static Outcome done(String reference) {
			return new Outcome(true, reference, null);
		}

		public static Outcome failed(String failure) {
			return new Outcome(false, null, failure);
		}

	}

}
