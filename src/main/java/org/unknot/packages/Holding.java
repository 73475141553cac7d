package org.unknot.packages;

import java.time.Instant;
import java.util.UUID;

import org.unknot.system.Money;

/**
 * A package one patient bought: the price then, how it was paid ({@code paidHow} is
 * {@link PaidHow#TO_PAY_AT_CLINIC} while owed), until when its credits can be spent, and
 * the balance the ledger says it has now.
 */
public record Holding(UUID id, String packageId, String packageName, UUID patientId, Money price, PaidHow paidHow,
		Instant soldAt, Instant validUntil, int balance) {

	public boolean owed() {
		return !paidHow.paid();
	}

	public boolean expired(Instant now) {
		return !now.isBefore(validUntil);
	}

}
