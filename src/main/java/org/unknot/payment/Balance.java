package org.unknot.payment;

import java.util.Collection;
import java.util.Currency;

import org.unknot.system.Money;

/**
 * Sums over ledger rows: what was charged, waived, paid and given back, and what is still
 * owed (negative: owed to the patient).
 */
public record Balance(Money charged, Money waived, Money paid, Money refunded) {

	public static Balance of(Collection<LedgerEntry> entries) {
		Currency currency = entries.stream().findFirst().map(e -> e.amount().currency()).orElse(Money.USD);
		Money charged = Money.zero(currency);
		Money waived = charged;
		Money paid = charged;
		Money refunded = charged;
		for (LedgerEntry entry : entries) {
			switch (entry.kind()) {
				case CHARGE -> charged = charged.plus(entry.amount());
				case WAIVER -> waived = waived.plus(entry.amount());
				case PAYMENT -> paid = paid.plus(entry.amount());
				case REFUND -> refunded = refunded.plus(entry.amount());
			}
		}
		return new Balance(charged, waived, paid, refunded);
	}

	/** What is still owed; negative when the patient has paid more than is owed. */
	public Money owed() {
		return charged.minus(waived).minus(paid).plus(refunded);
	}

	/** Paid, less what was given back. */
	public Money kept() {
		return paid.minus(refunded);
	}

}
