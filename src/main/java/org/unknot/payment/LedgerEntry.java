package org.unknot.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.unknot.system.Money;

/**
 * One row of the money ledger, written once and never changed.
 *
 * @param key what the row is for, unique: the same key is never written twice
 * @param method how money moved (payments and refunds only)
 * @param receiptNumber the receipt's number (payments and refunds only)
 */
public record LedgerEntry(UUID id, String key, EntryKind kind, Purpose purpose, UUID patientId, UUID appointmentId,
		Money amount, Method method, String providerReference, String reason, String recordedBy, Instant at,
		Long receiptNumber) {

	public LedgerEntry {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(patientId, "patientId");
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A ledger row moves more than nothing: " + key);
		}
		if ((kind == EntryKind.PAYMENT || kind == EntryKind.REFUND) != (method != null)) {
			throw new IllegalArgumentException("Payments and refunds, and only they, have a method: " + key);
		}
	}

	/** What this row adds to what the patient owes (negative: takes away). */
	public Money owed() {
		return kind.owedSign() > 0 ? amount : amount.negated();
	}

	public boolean movesMoney() {
		return kind == EntryKind.PAYMENT || kind == EntryKind.REFUND;
	}

	/** Money received, negative for money given back. */
	public Money received() {
		return kind == EntryKind.REFUND ? amount.negated() : amount;
	}

}
