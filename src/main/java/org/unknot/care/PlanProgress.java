package org.unknot.care;

import java.util.List;

import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;

/**
 * How far a plan's course has come: visits done, booked and still to book. A visit
 * cancelled or missed stays linked and counts as neither, so the plan says what is
 * missing instead of silently getting shorter.
 *
 * @param visits every visit linked to the plan, earliest first
 */
public record PlanProgress(int planned, List<Appointment> visits) {

	public PlanProgress {
		visits = List.copyOf(visits);
	}

	public long done() {
		return visits.stream().filter(visit -> visit.status() == AppointmentStatus.FULFILLED).count();
	}

	/** Booked and not yet done (including today's visits under way). */
	public long booked() {
		return visits.stream().filter(visit -> visit.live() && visit.status() != AppointmentStatus.FULFILLED).count();
	}

	/** Cancelled or missed: linked, but no longer counting toward the plan. */
	public long lost() {
		return visits.stream().filter(visit -> !visit.live()).count();
	}

	public long toBook() {
		return Math.max(0, planned - done() - booked());
	}

	/** "2 of 6 done, 3 booked, 1 still to book (1 cancelled or missed)" */
	public String summary() {
		String summary = done() + " of " + planned + " done, " + booked() + " booked, " + toBook() + " still to book";
		return lost() == 0 ? summary : summary + " (" + lost() + " cancelled or missed)";
	}

}
