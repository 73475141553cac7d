package org.unknot.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A patient's place on the waitlist. It changes only through its verbs, each refusing a
 * state it does not apply to: waiting, then offered a time, then back in line (the offer
 * passed) or booked; or withdrawn by the patient while waiting or offered.
 *
 * @param status {@code waiting}, {@code offered}, {@code booked} or {@code withdrawn}
 */
public record WaitlistEntry(UUID id, long position, UUID patientId, String serviceId, String practitionerId,
		String location, LocalDate firstDay, LocalDate lastDay, LocalTime earliest, LocalTime latest, String status,
		UUID appointmentId, Instant createdAt) {

	static final String WAITING = "waiting";

	static final String OFFERED = "offered";

	static final String BOOKED = "booked";

	static final String WITHDRAWN = "withdrawn";

	/** Whether the patient is still in line (waiting, or holding an offer). */
	public boolean isActive() {
		return is(WAITING) || is(OFFERED);
	}

	/** A time is offered to the patient; they are out of line while it stands. */
	WaitlistEntry offer() {
		require("be offered a time", WAITING);
		return with(OFFERED, appointmentId);
	}

	/**
	 * The offer passed (declined, expired, or the time went): the patient is in line
	 * again, in their old place. Someone who withdrew meanwhile stays out.
	 */
	WaitlistEntry backInLine() {
		if (is(WITHDRAWN)) {
			return this;
		}
		require("go back in line", OFFERED);
		return with(WAITING, appointmentId);
	}

	/**
	 * The patient took the offered time. An offer made before they withdrew still stands
	 * until it runs out, so taking it is allowed then too.
	 */
	WaitlistEntry book(UUID appointment) {
		require("be booked", OFFERED, WITHDRAWN);
		return with(BOOKED, appointment);
	}

	/** The patient leaves the line. */
	WaitlistEntry withdraw() {
		require("be withdrawn", WAITING, OFFERED);
		return with(WITHDRAWN, appointmentId);
	}

	private boolean is(String state) {
		return status.equals(state);
	}

	private void require(String verb, String... allowed) {
		for (String state : allowed) {
			if (is(state)) {
				return;
			}
		}
		throw new WaitlistTransitionNotAllowed("entry", id, verb, status);
	}

	private WaitlistEntry with(String newStatus, UUID appointment) {
		return new WaitlistEntry(id, position, patientId, serviceId, practitionerId, location, firstDay, lastDay,
				earliest, latest, newStatus, appointment, createdAt);
	}

}
