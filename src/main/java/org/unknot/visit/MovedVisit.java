package org.unknot.visit;

import java.util.Optional;

import org.unknot.booking.Appointment;
import org.unknot.packages.CreditUse;

/**
 * A visit just moved, and the package credit that pays for it now when the move took it
 * from another package than before (null when it did not).
 */
public record MovedVisit(Appointment visit, CreditUse switchedCredit) {

	/**
	 * What the confirmation says about paying when the credit moved to another package:
	 * "Uses a credit from the 6 x 60-minute massage package instead (4 visits left in
	 * it)."
	 */
	public Optional<String> paymentNote() {
		return Optional.ofNullable(switchedCredit).map(MovedVisit::noteFor);
	}

	/**
	 * The words of {@link #paymentNote()} for a credit that now pays for a moved visit.
	 */
	public static String noteFor(CreditUse credit) {
		return "Uses a credit from the " + credit.packageName() + " package instead (" + credit.remaining()
				+ (credit.remaining() == 1 ? " visit" : " visits") + " left in it).";
	}

}
