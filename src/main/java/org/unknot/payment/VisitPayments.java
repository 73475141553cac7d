package org.unknot.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.Money;

/** The money that moved for one visit, for documents that list it (a superbill). */
@Component
public class VisitPayments {

	private final Ledger ledger;

	private final VisitPrices prices;

	VisitPayments(Ledger ledger, VisitPrices prices) {
		this.ledger = ledger;
		this.prices = prices;
	}

	/**
	 * The price each of these visits was booked at; a visit with no price kept is left
	 * out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Money> pricesAtBooking(Collection<UUID> appointmentIds) {
		return prices.of(appointmentIds);
	}

	/** Payments and refunds of the visit, oldest first; refunds are negative. */
	@Transactional(readOnly = true)
	public List<PaymentLine> forAppointment(UUID appointmentId) {
		return ledger.ofVisit(appointmentId)
			.stream()
			.filter(LedgerEntry::movesMoney)
			.map(e -> new PaymentLine(e.at(), e.method().label(), e.received()))
			.toList();
	}

	/** A payment (positive) or a refund (negative), and how it was made. */
	public record PaymentLine(Instant at, String method, Money amount) {
	}

}
