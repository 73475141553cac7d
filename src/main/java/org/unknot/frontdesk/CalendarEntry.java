package org.unknot.frontdesk;

import java.time.ZonedDateTime;
import java.util.UUID;

/** A visit as a calendar shows it: local times, what, who, where, and its state. */
public record CalendarEntry(UUID id, ZonedDateTime start, ZonedDateTime end, String service, String practitionerId,
		UUID patientId, String patientName, String room, String status) {

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
