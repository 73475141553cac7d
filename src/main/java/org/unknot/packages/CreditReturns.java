package org.unknot.packages;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.BookingDesk;

/**
 * A visit cancelled within policy (at least the late-cancellation window before its
 * start), or cancelled by the clinic at any time, gets its credit back; one the patient
 * cancelled late keeps it spent.
 * <p>
 * Deliberately not an {@code @ApplicationModuleListener}: the credit comes back in the
 * cancellation's own transaction, so it is back exactly when the cancellation commits,
 * and the time that decides "within policy" is the cancellation's own.
 */
@Component
class CreditReturns {

	private final CreditLedger ledger;

	private final BookingDesk desk;

	private final Clock clock;

	CreditReturns(CreditLedger ledger, BookingDesk desk, Clock clock) {
		this.ledger = ledger;
		this.desk = desk;
		this.clock = clock;
	}

	@EventListener
	void on(AppointmentCancelled cancelled) {
		boolean late = clock.instant().plus(desk.lateCancellationWindow()).isAfter(cancelled.start());
		if (!late || !cancelled.byPatient()) {
			ledger.giveBack(cancelled.appointmentId());
		}
	}

}
