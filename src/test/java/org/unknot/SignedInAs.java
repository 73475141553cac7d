package org.unknot;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;

/**
 * MockMvc requests made by someone fully signed in (password and second factor done), in
 * one role.
 */
public final class SignedInAs {

	private SignedInAs() {
	}

	public static RequestPostProcessor signedIn(SignedIn who) {
		return SecurityMockMvcRequestPostProcessors.authentication(UsernamePasswordAuthenticationToken
			.authenticated(who, null, List.of(new SimpleGrantedAuthority(who.role().authority()))));
	}

	/** Someone in this role, for this practitioner or patient (either may be null). */
	public static RequestPostProcessor signedIn(Role role, String practitionerId, UUID patientId) {
		return signedIn(new SignedIn(UUID.randomUUID(), role.name().toLowerCase() + "@unknot.example",
				"Someone " + role, role, List.of(), practitionerId, patientId));
	}

	/** An administrator. */
	public static RequestPostProcessor admin() {
		return signedIn(Role.ADMIN, null, null);
	}

	/** Front desk of these clinics. */
	public static RequestPostProcessor frontDeskOf(String... clinicIds) {
		return signedIn(new SignedIn(UUID.randomUUID(), "desk@unknot.example", "Desk", Role.FRONT_DESK,
				List.of(clinicIds), null, null));
	}

}
