package org.unknot.insurance;

import java.util.Objects;

/**
 * How a visit is paid: under a plan with the patient's member id, or by the patient
 * (self-pay).
 *
 * @param planId null for self-pay
 * @param memberId null for self-pay
 * @param covered whether the plan was found to pay for the service when the visit was
 * booked
 */
public record InsuranceChoice(String planId, MemberId memberId, boolean covered) {

	public static final InsuranceChoice SELF_PAY = new InsuranceChoice(null, null, false);

	public InsuranceChoice {
		if ((planId == null) != (memberId == null)) {
			throw new IllegalArgumentException("A plan needs a member id, and self-pay has neither");
		}
		if (planId == null && covered) {
			throw new IllegalArgumentException("Self-pay is never covered");
		}
	}

	public static InsuranceChoice under(InsurancePlan plan, MemberId memberId, Coverage coverage) {
		return new InsuranceChoice(Objects.requireNonNull(plan).id(), Objects.requireNonNull(memberId),
				coverage.covered());
	}

	public boolean selfPay() {
		return planId == null;
	}
}
