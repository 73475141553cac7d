package org.unknot.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider's customer for a patient and, once given, the card kept on file with the
 * words the patient agreed to for charging it without them.
 */
public record CardOnFile(UUID patientId, String provider, String customer, String card, String describedAs,
		String consentWords, Instant consentedAt) {

	/** Whether fees may be charged to it: a card, and the patient's consent. */
	public boolean chargeable() {
		return card != null && consentedAt != null;
	}

}
