package org.unknot.booking;

import org.unknot.system.DomainProblem;

/** The patient already has a visit that overlaps this one. */
public class PatientAlreadyBooked extends DomainProblem {

	PatientAlreadyBooked() {
		super(Kind.CONFLICT, "patient-already-booked", "You already have a visit at that time.");
	}

}
