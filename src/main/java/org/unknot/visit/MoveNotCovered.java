package org.unknot.visit;

import org.unknot.system.InvalidRequest;

/**
 * What paid for a visit (a package credit, a payer's authorization) does not cover the
 * time it was to move to; the move was not made. Names {@code selfPay}: moving it as
 * self-pay is the way on.
 */
public class MoveNotCovered extends InvalidRequest {

	public static final String FIELD = "selfPay";

	MoveNotCovered(String why) {
		super(FIELD, why + " Choose a time it covers, or move the visit and pay for it yourself (self-pay).");
	}

}
