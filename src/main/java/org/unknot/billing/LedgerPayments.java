package org.unknot.billing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.payment.VisitPayments;
import org.unknot.system.Money;

/**
 * The payments a superbill lists come from the payment module's ledger: payments and
 * refunds of each visit, as the receipts have them, and the fee each was booked at.
 */
@Component
class LedgerPayments implements PaymentsReceived {

	private final VisitPayments payments;

	LedgerPayments(VisitPayments payments) {
		this.payments = payments;
	}

	@Override
	public List<Superbill.Payment> forVisits(Collection<UUID> visitIds) {
		return visitIds.stream()
			.flatMap(visit -> payments.forAppointment(visit)
				.stream()
				.map(line -> new Superbill.Payment(visit, line.at(), line.method(), line.amount())))
			.toList();
	}

	@Override
	public Map<UUID, Money> feesAtBooking(Collection<UUID> visitIds) {
		return payments.pricesAtBooking(visitIds);
	}

}
