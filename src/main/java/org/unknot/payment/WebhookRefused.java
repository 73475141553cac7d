package org.unknot.payment;

import org.unknot.system.DomainProblem;

/** A webhook that is not from the provider, or cannot be read: nothing was changed. */
public class WebhookRefused extends DomainProblem {

	public WebhookRefused(String detail) {
		super(Kind.INVALID, "webhook-refused", detail);
	}

}
