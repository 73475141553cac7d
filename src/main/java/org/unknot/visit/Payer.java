package org.unknot.visit;

/**
 * Who pays, as asked for: the patient (self-pay), or an insurance plan with the member id
 * as typed. The plan and the member id are checked when the visit is booked.
 *
 * @param planId null for self-pay
 * @param memberId as typed from the card; null for self-pay
 */
public record Payer(String planId, String memberId) {

	public static final Payer SELF_PAY = new Payer(null, null);

	public static Payer plan(String planId, String memberId) {
		if (planId == null || planId.isBlank()) {
			throw new IllegalArgumentException("A plan payer names the plan");
		}
		return new Payer(planId.strip(), memberId);
	}

	public boolean selfPay() {
		return planId == null;
	}

}
