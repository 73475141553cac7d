package org.unknot.payment;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Booked;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;

/**
 * A payment policy agreed through a client that books for the patient (the API): the
 * client states that the patient agreed to the words in their current version, and the
 * agreement is kept with each visit booked, as when the patient ticks "I agree" on the
 * website; without it, a service whose policy asks agreement books nothing.
 */
@Service
public class StatedAgreements {

	private final PaymentPolicies policies;

	private final PolicyAgreements agreements;

	private final Cashier cashier;

	StatedAgreements(PaymentPolicies policies, PolicyAgreements agreements, Cashier cashier) {
		this.policies = policies;
		this.agreements = agreements;
		this.cashier = cashier;
	}

	/** The policy of a service as a client shows it before booking. */
	@Transactional(readOnly = true)
	public ShownPolicy shown(ServiceId serviceId) {
		return policies.shown(serviceId, Math.toIntExact(cashier.priceOf(serviceId).minorUnits()));
	}

	/**
	 * Books, and keeps the agreement with every visit booked, in one transaction.
	 * @throws PolicyNotAgreed when the policy asks agreement and the client did not state
	 * it for the current version
	 */
	@Transactional
	public <T> T book(ServiceId serviceId, Boolean agreed, String version, Supplier<T> booking,
			Function<T, List<Booked>> booked, Function<PatientId, Actor> by) {
		// booked first, so that a booking that breaks a rule says which; refused after,
		// the booking rolls back with this transaction
		T result = booking.get();
		if (!policies.of(serviceId).asksAgreement()) {
			return result; // nothing agreed, so no words to write out (read once per
							// transaction, the policy costs nothing more below)
		}
		ShownPolicy policy = shown(serviceId);
		if (!Boolean.TRUE.equals(agreed)) {
			throw new PolicyNotAgreed(policy, false);
		}
		if (!policy.version().equals(version)) {
			throw new PolicyNotAgreed(policy, true);
		}
		booked.apply(result).forEach(visit -> {
			PatientId patient = visit.appointment().patientId();
			agreements.agreed(visit.appointment().id(), patient, serviceId, policy.words(), by.apply(patient));
		});
		return result;
	}

}
