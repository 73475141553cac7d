package org.unknot.payment;

import java.util.List;
import java.util.Map;

import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest;

/**
 * A booking for a service whose payment policy asks the patient's agreement (anything to
 * pay before the visit, or a fee), without the client stating that the patient agreed to
 * the words as they are now (422): the problem carries the words and their version.
 */
public class PolicyNotAgreed extends DomainProblem {

	private final ShownPolicy policy;

	public PolicyNotAgreed(ShownPolicy policy, boolean staleVersion) {
		super(Kind.INVALID, "policy-agreement-required",
				staleVersion
						? "The payment policy of " + policy.serviceId()
								+ " has changed since the version the patient agreed to; show the words and ask again."
						: "The payment policy of " + policy.serviceId()
								+ " must be agreed to by the patient: send policyAgreed true with policyVersion "
								+ policy.version() + ".");
		this.policy = policy;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("service", policy.serviceId(), "policy", policy.words(), "policyVersion", policy.version(),
				"errors", List.of(new InvalidRequest.FieldProblem("policyAgreed",
						"The patient must agree to the payment policy: " + policy.words())));
	}

}
