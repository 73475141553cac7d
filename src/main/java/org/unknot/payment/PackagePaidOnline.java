package org.unknot.payment;

import java.util.UUID;

import org.unknot.patient.PatientId;
import org.unknot.system.Money;

/**
 * A package bought online was paid on the provider's page (published once, inside the
 * transaction that writes the payment, so its credits commit with it).
 */
public record PackagePaidOnline(UUID holdingId, PatientId patientId, Money amount) {
}
