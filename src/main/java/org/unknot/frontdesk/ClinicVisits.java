package org.unknot.frontdesk;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.system.NotFound;

/**
 * A visit a staff member may act on: one at a clinic they run (video visits: admins
 * only).
 */
@Component
public class ClinicVisits {

	private final Appointments appointments;

	ClinicVisits(Appointments appointments) {
		this.appointments = appointments;
	}

	public Appointment of(SignedIn me, UUID id) {
		Appointment visit = appointments.find(id).orElseThrow(() -> new NotFound(null, "appointment", id.toString()));
		String clinicId = visit.location().clinicIdOrNull();
		if (clinicId == null ? !StaffAccess.mayRunVideo(me) : !StaffAccess.mayRun(me, clinicId)) {
			throw new AccessDeniedException("Not a visit of this account's clinics");
		}
		return visit;
	}

}
