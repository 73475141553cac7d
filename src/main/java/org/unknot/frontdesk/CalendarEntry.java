package org.unknot.frontdesk;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.unknot.booking.AppointmentStatus;

/**
 * A visit as a calendar shows it: local times (and the buffers its service keeps around
 * it), what, who, where, and its state.
 */
public record CalendarEntry(UUID id, ZonedDateTime start, ZonedDateTime end, String service, String practitionerId,
		UUID patientId, String patientName, String room, String status, Duration bufferBefore, Duration bufferAfter) {

	/**
	 * The state in words, as the front desk says it and as every other staff page writes
	 * it ("Checked in", never the stored "checked-in").
	 */
	public String state() {
		return AppointmentStatus.ofCode(status).label();
	}

	/** Whether the visit falls on this day, in its clinic's zone. */
	public boolean on(LocalDate day) {
		return start.toLocalDate().equals(day);
	}

	public boolean live() {
		return !"cancelled".equals(status) && !"noshow".equals(status);
	}

	public boolean mayArrive() {
		return "booked".equals(status);
	}

	public boolean mayCheckIn() {
		return "booked".equals(status) || "arrived".equals(status);
	}

	public boolean mayFulfil() {
		return "arrived".equals(status) || "checked-in".equals(status);
	}

	public boolean mayMoveOrCancel() {
		return "booked".equals(status);
	}
}
