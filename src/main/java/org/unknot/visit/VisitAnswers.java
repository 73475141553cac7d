package org.unknot.visit;

import java.util.Objects;

import org.unknot.care.HealthIntake;
import org.unknot.patient.PatientDetails;

/**
 * Everything given with a booking besides the time: the patient, who pays, the health
 * intake (null where none was asked: follow-ups, a waitlist offer, services outside
 * hands-on care), and what became of the triage's advice.
 */
public record VisitAnswers(PatientDetails patient, Payer payer, HealthIntake intake, Advice advice) {

	public VisitAnswers {
		Objects.requireNonNull(patient, "patient");
		payer = payer == null ? Payer.SELF_PAY : payer;
		advice = advice == null ? Advice.NOT_GIVEN : advice;
	}

	/** A patient paying themselves, with no intake. */
	public static VisitAnswers selfPay(PatientDetails patient) {
		return new VisitAnswers(patient, Payer.SELF_PAY, null, Advice.NOT_GIVEN);
	}

}
