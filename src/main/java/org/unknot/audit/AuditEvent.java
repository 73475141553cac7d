package org.unknot.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * What happened, before it is written: who (an account id, or {@code patient:<id>}, or
 * {@code system}) in which role, to which patient's information, what ({@code action} on
 * {@code subject}, e.g. READ of {@code intake}), why (a break-glass reason), from which
 * address, and with which outcome. Never the health information itself.
 */
public record AuditEvent(String actor, String actorRole, UUID patientId, String action, String subject, String reason,
		String sourceAddress, Outcome outcome) {

	public AuditEvent {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(actorRole, "actorRole");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(outcome, "outcome");
	}

	public enum Outcome {

		SUCCESS, DENIED, FAILURE

	}
}
