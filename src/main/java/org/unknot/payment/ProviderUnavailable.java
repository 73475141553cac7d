package org.unknot.payment;

import org.unknot.system.DomainProblem;

/** The payment provider did not do what was asked; nothing was paid. */
public class ProviderUnavailable extends DomainProblem {

	public ProviderUnavailable(String what, Throwable cause) {
		super(Kind.CONFLICT, "payment-provider-unavailable", what + "; please try again in a moment.");
		initCause(cause);
	}

}
