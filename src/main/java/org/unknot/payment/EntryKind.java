package org.unknot.payment;

/**
 * A row of the ledger: a charge is what is owed, a waiver takes some of it back, a
 * payment is money received and a refund money given back.
 */
public enum EntryKind {

	CHARGE, PAYMENT, REFUND, WAIVER;

	/** How the row moves what the patient owes: charges add, the others take away. */
	long owedSign() {
		return this == CHARGE || this == REFUND ? 1 : -1;
	}

}
