package org.unknot.visit.web;

import jakarta.validation.constraints.Size;
import org.unknot.system.InvalidRequest;
import org.unknot.visit.Payer;

/**
 * Who pays, as a request names it: {@code {"selfPay": true}}, or {@code {"plan": "<plan
 * id>", "memberId": "..."}}. Left out, the patient pays.
 */
record PayerInput(Boolean selfPay, @Size(max = 100) String plan, @Size(max = 100) String memberId) {

	static Payer of(PayerInput input) {
		if (input == null) {
			return Payer.SELF_PAY;
		}
		boolean planNamed = input.plan() != null && !input.plan().isBlank();
		if (Boolean.TRUE.equals(input.selfPay()) == planNamed) {
			throw new InvalidRequest("payer",
					"Say either \"selfPay\": true, or the \"plan\" with its \"memberId\"; not both, not neither.");
		}
		return planNamed ? Payer.plan(input.plan(), input.memberId()) : Payer.SELF_PAY;
	}

}
