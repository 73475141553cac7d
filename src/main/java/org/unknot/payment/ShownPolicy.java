package org.unknot.payment;

import java.util.List;

/**
 * A service's payment policy in the words a patient reads before booking.
 *
 * @param asksAgreement whether the patient ticks "I agree" before booking (anything to
 * pay before the visit, or a fee)
 */
public record ShownPolicy(String serviceId, List<String> lines, boolean asksAgreement) {

	public ShownPolicy {
		lines = List.copyOf(lines);
	}

	/** The words as one text, as recorded with the patient's agreement. */
	public String words() {
		return String.join(" ", lines);
	}

}
