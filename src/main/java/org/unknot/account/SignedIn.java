package org.unknot.account;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** The principal of a signed-in session: who it is and what they may see. */
public record SignedIn(UUID accountId, String email, String displayName, Role role, List<String> clinicIds,
		String practitionerId, UUID patientId) implements Serializable {

	public SignedIn {
		clinicIds = List.copyOf(clinicIds);
	}

	public static SignedIn of(Account account) {
		return new SignedIn(account.id(), account.email(), account.displayName(), account.role(), account.clinicIds(),
				account.practitionerId(), account.patientId());
	}

	@Override
	public String toString() {
		return "SignedIn[" + accountId + ", " + role + "]";
	}
}
