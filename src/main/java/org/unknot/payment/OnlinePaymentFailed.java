package org.unknot.payment;

import java.util.List;
import java.util.UUID;

import org.unknot.patient.PatientId;
import org.unknot.system.Money;

/**
 * A payment made on the provider's page failed days later (a bank debit refused): nothing
 * was paid, and the patient is to be told that the amount is still owed.
 *
 * @param appointmentIds the visits it was to pay for; empty for a package
 * @param failureId names this failure, the same however often the provider says so
 */
public record OnlinePaymentFailed(PatientId patientId, List<UUID> appointmentIds, Money amount, String why,
		UUID failureId) {
}
