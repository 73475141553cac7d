package org.unknot.payment;

import java.util.Objects;
import java.util.UUID;

import org.unknot.patient.PatientId;

/**
 * Who wrote a ledger row or agreed to a policy, as the audit names them: a staff account,
 * the patient, or the system (a fee after a no-show, a refund after a cancellation).
 */
public record Actor(String name, String role) {

	public static final Actor SYSTEM = new Actor("system", "SYSTEM");

	public Actor {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(role, "role");
	}

	public static Actor staff(UUID account, String role) {
		return new Actor("account:" + account, role);
	}

	public static Actor patient(PatientId patientId) {
		return new Actor("patient:" + patientId, "PATIENT");
	}

}
