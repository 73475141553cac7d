package org.unknot.notification.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.Patients;
import org.unknot.system.InvalidRequest;

/**
 * A patient chooses email, text messages or both, or no messages at all. Until accounts
 * exist, the manage token of one of their visits proves who they are.
 */
@RestController
class PreferenceController {

	private final BookingDesk desk;

	private final Patients patients;

	PreferenceController(BookingDesk desk, Patients patients) {
		this.desk = desk;
		this.patients = patients;
	}

	@PutMapping("/api/v1/appointments/{id}/notification-preference")
	PreferenceView set(@PathVariable UUID id, @RequestHeader(name = "X-Manage-Token", required = false) String token,
			@RequestBody PreferenceView body) {
		Appointment appointment = desk.find(id, token);
		NotificationPreference preference = body.toPreference();
		patients.setNotificationPreference(appointment.patientId().value(), preference);
		return PreferenceView.of(preference);
	}

	record PreferenceView(String channels, Boolean optedOut) {

		NotificationPreference toPreference() {
			if (channels == null || !channels.matches("email|sms|both")) {
				throw new InvalidRequest("channels", "Choose 'email', 'sms' or 'both'.");
			}
			return new NotificationPreference(NotificationPreference.Channels.ofCode(channels),
					Boolean.TRUE.equals(optedOut));
		}

		static PreferenceView of(NotificationPreference preference) {
			return new PreferenceView(preference.channels().code(), preference.optedOut());
		}
	}

}
