package org.unknot.frontdesk;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.catalog.Clinic;

/**
 * Which clinics a staff member may work in: admins all, front desk their own,
 * practitioners none but their day.
 */
public final class StaffAccess {

	private StaffAccess() {
	}

	public static boolean mayRun(SignedIn me, String clinicId) {
		return me.role() == Role.ADMIN || (me.role() == Role.FRONT_DESK && me.clinicIds().contains(clinicId));
	}

	/** Video visits belong to no clinic; admins run them. */
	public static boolean mayRunVideo(SignedIn me) {
		return me.role() == Role.ADMIN;
	}

	public static void requireClinic(SignedIn me, String clinicId) {
		if (!mayRun(me, clinicId)) {
			throw new AccessDeniedException("Not a clinic of this account");
		}
	}

	public static List<Clinic> clinicsOf(SignedIn me, List<Clinic> all) {
		return all.stream().filter(clinic -> mayRun(me, clinic.id())).toList();
	}

}
