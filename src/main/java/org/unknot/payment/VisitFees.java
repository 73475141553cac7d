package org.unknot.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.AppointmentMarkedNoShow;
import org.unknot.patient.PatientId;
import org.unknot.system.Money;

/**
 * What a cancellation or a missed visit costs. It is decided inside the change's own
 * transaction (so lateness is judged at the moment of cancelling, and the fee commits or
 * rolls back with the change); the provider is asked after commit, through the event
 * publication registry, so a restart loses no charge and a second run charges nothing
 * more.
 */
@Component
class VisitFees {

	private final Ledger ledger;

	private final PaymentPolicies policies;

	private final Cashier cashier;

	private final Clock clock;

	VisitFees(Ledger ledger, PaymentPolicies policies, Cashier cashier, Clock clock) {
		this.ledger = ledger;
		this.policies = policies;
		this.cashier = cashier;
		this.clock = clock;
	}

	/**
	 * A patient cancelling inside the service's window owes its late-cancellation fee; a
	 * cancellation in time, or by the clinic, owes nothing and gets back what was paid.
	 */
	@EventListener
	void on(AppointmentCancelled cancelled) {
		UUID visit = cancelled.appointmentId();
		UUID patient = cancelled.patientId().value();
		PaymentPolicy policy = policies.of(cancelled.serviceId());
		waiveTheVisit(visit, patient, "Visit cancelled");
		Duration notice = Duration.between(clock.instant(), cancelled.start());
		if (cancelled.byPatient() && policy.late(notice) && policy.lateFee().isPositive()) {
			ledger.write(new Ledger.Line("charge:late-cancellation:" + visit, EntryKind.CHARGE,
					Purpose.LATE_CANCELLATION_FEE, patient, visit, policy.lateFee(), null, null,
					"Cancelled " + notice.toHours() + " hours before the visit"), Actor.SYSTEM);
			cashier.settle(visit, PatientId.of(patient), Purpose.LATE_CANCELLATION_FEE);
		}
		else {
			cashier.settle(visit, PatientId.of(patient), Purpose.VISIT);
		}
	}

	/** A missed visit owes its no-show fee instead of its price. */
	@EventListener
	void on(AppointmentMarkedNoShow missed) {
		UUID visit = missed.appointmentId();
		UUID patient = missed.patientId().value();
		PaymentPolicy policy = policies.of(missed.serviceId());
		waiveTheVisit(visit, patient, "Visit missed; the no-show fee applies instead");
		if (policy.noShowFee().isPositive()) {
			ledger.write(new Ledger.Line("charge:no-show:" + visit, EntryKind.CHARGE, Purpose.NO_SHOW_FEE, patient,
					visit, policy.noShowFee(), null, null, "Missed visit"), Actor.SYSTEM);
			cashier.settle(visit, PatientId.of(patient), Purpose.NO_SHOW_FEE);
		}
		else {
			cashier.settle(visit, PatientId.of(patient), Purpose.VISIT);
		}
	}

	@ApplicationModuleListener
	void on(ProviderAttemptStarted started) {
		cashier.carryOut(started.key());
	}

	private void waiveTheVisit(UUID visit, UUID patient, String reason) {
		List<LedgerEntry> rows = ledger.ofVisit(visit);
		Money open = rows.stream()
			.filter(e -> e.purpose() == Purpose.VISIT && (e.kind() == EntryKind.CHARGE || e.kind() == EntryKind.WAIVER))
			.map(e -> e.kind() == EntryKind.CHARGE ? e.amount() : e.amount().negated())
			.reduce(Money.usd(0), Money::plus);
		if (open.isPositive()) {
			ledger.write(new Ledger.Line("waiver:visit:" + visit, EntryKind.WAIVER, Purpose.VISIT, patient, visit, open,
					null, null, reason), Actor.SYSTEM);
		}
	}

}
