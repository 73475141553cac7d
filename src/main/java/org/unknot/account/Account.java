package org.unknot.account;

import java.util.List;
import java.util.UUID;

/**
 * Someone who can sign in. Front-desk accounts name the clinics they work for,
 * practitioner accounts the practitioner they are, patient accounts their patient record.
 */
public record Account(UUID id, String email, String displayName, Role role, List<String> clinicIds,
		String practitionerId, UUID patientId, String passwordHash, String sealedTotpSecret, boolean totpConfirmed,
		long totpLastStep, boolean enabled) {

	public Account {
		clinicIds = List.copyOf(clinicIds);
	}

	/** Staff must have a confirmed second factor; patients may add one. */
	public boolean needsSecondFactor() {
		return role.staff() || totpConfirmed;
	}
}
