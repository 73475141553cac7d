package org.unknot.booking;

import java.time.LocalDate;

import org.unknot.system.DomainProblem;
import org.unknot.system.Times;

/**
 * Arrival and check-in belong to the day of the visit, in the clinic's zone: a patient
 * cannot have arrived for a visit eleven days away.
 */
public class NotTheVisitDay extends DomainProblem {

	NotTheVisitDay(String verb, LocalDate visitDay, LocalDate today) {
		super(Kind.INVALID, "not-the-visit-day", "A patient can be " + verb + " only on the day of the visit, "
				+ Times.day(visitDay) + "; today is " + Times.day(today) + ".");
	}

}
