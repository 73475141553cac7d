package org.unknot.payment;

import java.time.Instant;
import java.util.UUID;

import org.unknot.system.Money;

/**
 * A charge to the card on file, or a refund, asked of the provider. A failed one waits
 * for the front desk; its key is the provider's idempotency key, so trying it again never
 * moves money twice.
 *
 * @param refundOf the provider's reference of the payment a refund gives back
 */
public record Attempt(String key, Action action, String refundOf, UUID patientId, UUID appointmentId, Purpose purpose,
		Money amount, Status status, String failure, String providerReference, Instant createdAt, Instant updatedAt) {

	public enum Action {

		CHARGE, REFUND

	}

	public enum Status {

		PENDING, SUCCEEDED, FAILED,
		/** No longer to follow up: waived, or paid another way. */
		SETTLED

	}

	/** How it went, in the front desk's words. */
	public String outcome() {
		boolean charge = action == Action.CHARGE;
		return switch (status) {
			case PENDING -> "waiting for the payment provider";
			case SUCCEEDED -> charge ? "charged" : "given back";
			case FAILED -> (charge ? "not charged" : "not given back") + (failure == null ? "" : ": " + failure);
			case SETTLED -> "no longer to follow up" + (failure == null ? "" : " (" + failure + ")");
		};
	}

}
