package org.unknot.frontdesk;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.patient.PatientId;

/**
 * Who may do what with a patient's assessments and plans. The clinical content
 * (assessments, drafting and amending plans) is for the practitioners who treat the
 * patient; admins see it and may end or review a plan; the front desk of the patient's
 * clinics sees the plans and books them, nothing clinical.
 */
@Component
public class CareAccess {

	private final Appointments appointments;

	CareAccess(Appointments appointments) {
		this.appointments = appointments;
	}

	/** Sees assessments and every part of a plan. */
	public boolean clinical(SignedIn me, PatientId patientId) {
		return me.role() == Role.ADMIN || writes(me, patientId);
	}

	/** Records assessments and drafts plans: a practitioner who treats the patient. */
	public boolean writes(SignedIn me, PatientId patientId) {
		return me.role() == Role.PRACTITIONER && PatientRecords.entitled(me, visits(patientId));
	}

	/** Sees the patient's plans and books them. */
	public boolean views(SignedIn me, PatientId patientId) {
		return me.role() == Role.ADMIN || PatientRecords.entitled(me, visits(patientId));
	}

	public void requireClinical(SignedIn me, PatientId patientId) {
		if (!clinical(me, patientId)) {
			throw new AccessDeniedException("Not a patient this account treats");
		}
	}

	public void requireWrites(SignedIn me, PatientId patientId) {
		if (!writes(me, patientId)) {
			throw new AccessDeniedException("Only a practitioner who treats the patient records their care");
		}
	}

	public void requireViews(SignedIn me, PatientId patientId) {
		if (!views(me, patientId)) {
			throw new AccessDeniedException("Not a patient of this account");
		}
	}

	private List<Appointment> visits(PatientId patientId) {
		return appointments.ofPatient(patientId);
	}

}
