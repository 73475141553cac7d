package org.unknot.visit.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.unknot.booking.Appointment;

/**
 * An appointment as the API shows it, in the location's local time with its offset;
 * {@code paymentNote} says, after a move, that another package pays for it now.
 */
record AppointmentView(UUID id, String status, OffsetDateTime start, OffsetDateTime end, String service,
		String practitioner, String location, String room, UUID series, Integer sequence, OffsetDateTime expiresAt,
		String cancellationReason, String manageToken, String paymentNote) {

	static AppointmentView of(Appointment a, ZoneId zone, String manageToken) {
		return of(a, zone, manageToken, null);
	}

	static AppointmentView of(Appointment a, ZoneId zone, String manageToken, String paymentNote) {
		return new AppointmentView(a.id(), a.status().code(), OffsetDateTime.ofInstant(a.start(), zone),
				OffsetDateTime.ofInstant(a.end(), zone), a.serviceId().value(), a.practitionerId().value(),
				a.location().value(), a.roomId(), a.seriesId(), a.sequence(),
				a.holdExpiresAt() == null ? null : OffsetDateTime.ofInstant(a.holdExpiresAt(), zone),
				a.cancellationReason(), manageToken, paymentNote);
	}
}
