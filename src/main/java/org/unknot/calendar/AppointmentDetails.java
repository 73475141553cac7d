package org.unknot.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * What a calendar entry for one visit shows. Deliberately without the service: a calendar
 * syncs to phones, employers' servers and third parties, so the kind of care stays out of
 * it.
 *
 * @param sequence the appointment's revision, raised on every reschedule (iCalendar
 * SEQUENCE)
 * @param zone the clinic's zone (the patient's reference zone for video visits)
 * @param place the clinic's name, e.g. "Unknot Montclair", or null for a video visit
 * @param address one line, or null for a video visit
 * @param phone the number to call to change the visit
 * @param joinLink the video visit's join link, or null for a visit in person
 */
public record AppointmentDetails(UUID appointmentId, int sequence, Instant start, Instant end, ZoneId zone,
		String place, String address, String phone, Participant organizer, Participant attendee, URI joinLink) {

	public AppointmentDetails {
		Objects.requireNonNull(appointmentId, "appointmentId");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(organizer, "organizer");
		Objects.requireNonNull(attendee, "attendee");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A visit ends after it starts");
		}
		if (sequence < 0) {
			throw new IllegalArgumentException("SEQUENCE is never negative");
		}
		if (place == null && joinLink == null) {
			throw new IllegalArgumentException("A visit happens at a clinic or by video");
		}
	}

	public boolean video() {
		return joinLink != null;
	}

	/**
	 * The globally unique, stable iCalendar UID: the same for the invitation, its updates
	 * and its cancellation.
	 */
	public String uid() {
		return appointmentId + "@unknot";
	}

	/** A title that says where, never what for. */
	public String title(String network) {
		return video() ? "Video visit with " + network : "Appointment at " + place;
	}

	/** Someone taking part: a name and an email address. */
	public record Participant(String name, String email) {

		public Participant {
			Objects.requireNonNull(email, "email");
			if (email.isBlank() || !email.contains("@")) {
				throw new IllegalArgumentException("An email address is needed: " + email);
			}
			name = name == null || name.isBlank() ? email : name.strip();
		}
	}
}
