package org.unknot.demo;

import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.booking.Booked;
import org.unknot.booking.SeriesOutcome;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.payment.Actor;
import org.unknot.payment.Cashier;
import org.unknot.payment.Method;
import org.unknot.payment.PaymentPolicies;
import org.unknot.payment.PaymentPolicy;
import org.unknot.system.Money;

/**
 * Payment policies of the demo catalog (a deposit on procedures, a 24-hour
 * late-cancellation fee on massage) and two payments the front desk took from the demo
 * patient ahead of their first visits, each with its receipt.
 */
@Component
class DemoPayments {

	private final PaymentPolicies policies;

	private final Cashier cashier;

	DemoPayments(PaymentPolicies policies, Cashier cashier) {
		this.policies = policies;
		this.cashier = cashier;
	}

	void writePolicies() {
		for (DemoCatalog.Service service : DemoCatalog.SERVICES) {
			switch (service.category()) {
				case "MASSAGE" -> policies.save(new PaymentPolicy(service.id(), PaymentPolicy.Due.AT_VISIT, null, null,
						Duration.ofHours(24), Money.usd(4000), Money.usd(5000)));
				case "PROCEDURE" -> policies.save(new PaymentPolicy(service.id(), PaymentPolicy.Due.DEPOSIT,
						Money.usd(7500), null, Duration.ofHours(48), Money.usd(7500), Money.usd(15000)));
				default -> {
				}
			}
		}
	}

	/** The first two visits of the course paid at the desk: one by card, one in cash. */
	void paidAhead(SeriesOutcome course) {
		Method[] methods = { Method.CARD_TERMINAL, Method.CASH };
		for (int i = 0; i < Math.min(methods.length, course.booked().size()); i++) {
			Booked visit = course.booked().get(i);
			UUID id = visit.appointment().id();
			PatientId patient = visit.appointment().patientId();
			ServiceId service = visit.appointment().serviceId();
			cashier.chargeTheVisit(id, patient, service, false);
			cashier.recordAtDesk(id, patient, cashier.priceOf(service).amount().toPlainString(), methods[i], false,
					Actor.SYSTEM);
		}
	}

}
