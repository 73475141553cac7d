package org.unknot.payment;

import org.unknot.system.DomainProblem;

/** Asked to pay online where the clinics take payments at the desk only. */
public class PaymentsAtDeskOnly extends DomainProblem {

	public PaymentsAtDeskOnly() {
		super(Kind.NOT_FOUND, "payments-at-desk-only", "The clinics take payments at the desk.");
	}

}
