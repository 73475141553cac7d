package org.unknot.calendar;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.video.VideoLinks;

/**
 * Calendar entries for stored visits: gathers what {@link CalendarInvitations} needs from
 * the appointment, its clinic, its patient and its video link.
 */
@Service
public class AppointmentCalendar {

	private static final Duration FEED_PAST = Duration.ofDays(31);

	private static final Duration FEED_AHEAD = Duration.ofDays(366);

	private final Appointments appointments;

	private final Clinics clinics;

	private final Patients patients;

	private final VideoLinks videoLinks;

	private final CalendarInvitations invitations;

	private final CalendarProperties properties;

	private final ZoneId virtualZone;

	AppointmentCalendar(Appointments appointments, Clinics clinics, Patients patients, VideoLinks videoLinks,
			CalendarInvitations invitations, CalendarProperties properties, CatalogProperties catalog) {
		this.appointments = appointments;
		this.clinics = clinics;
		this.patients = patients;
		this.videoLinks = videoLinks;
		this.invitations = invitations;
		this.properties = properties;
		this.virtualZone = catalog.virtualZone();
	}

	/**
	 * What the calendar entry of this booked (or once booked) visit shows; empty for an
	 * unknown id or a hold.
	 */
	@Transactional
	public Optional<AppointmentDetails> details(UUID appointmentId) {
		return appointments.find(appointmentId).filter(a -> a.patientId() != null).map(this::details);
	}

	/**
	 * The invitation (METHOD:REQUEST, {@link CalendarInvitations#REQUEST_TYPE}) for a
	 * booked visit, e.g. for "add to calendar".
	 */
	@Transactional
	public Optional<byte[]> invitation(UUID appointmentId) {
		return details(appointmentId).map(invitations::request);
	}

	/**
	 * A booked visit as the patient downloads it ({@link CalendarInvitations#download},
	 * {@link CalendarInvitations#PUBLISH_TYPE}), titled with the treatment.
	 */
	@Transactional
	public Optional<byte[]> download(UUID appointmentId, String treatment, String manageLink) {
		return details(appointmentId).map(visit -> invitations.download(visit, treatment, manageLink));
	}

	/**
	 * A practitioner's visits from a month ago to a year ahead, as a calendar to
	 * subscribe to. Titles name the patient by initials only and never the kind of care.
	 */
	@Transactional(readOnly = true)
	public byte[] feed(String practitionerName, PractitionerId practitionerId, Instant now) {
		List<AppointmentDetails> visits = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		for (Appointment visit : appointments.visitsOfPractitioner(practitionerId, now.minus(FEED_PAST),
				now.plus(FEED_AHEAD))) {
			AppointmentDetails details = details(visit);
			visits.add(details);
			titles.add("Visit: " + initials(details.attendee().name()) + (details.video() ? " (video)" : ""));
		}
		return invitations.feed(practitionerName, visits, titles);
	}

	public ZoneId virtualZone() {
		return virtualZone;
	}

	private static String initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String part : name.strip().split("\\s+")) {
			if (!part.isEmpty()) {
				initials.append(Character.toUpperCase(part.charAt(0))).append(". ");
			}
		}
		return initials.toString().strip();
	}

	private AppointmentDetails details(Appointment a) {
		return details(a, patients.find(a.patientId().value()).orElseThrow());
	}

	/**
	 * What the calendar entry of a visit the caller has just read (and may hold locked)
	 * shows, for its patient, also read already: nothing of either is read again.
	 * @throws IllegalArgumentException when the patient is not the visit's
	 */
	public AppointmentDetails details(Appointment a, Patient patient) {
		if (a.patientId() == null || !a.patientId().value().equals(patient.id())) {
			throw new IllegalArgumentException("Visit " + a.id() + " is not of patient " + patient.id());
		}
		var attendee = new AppointmentDetails.Participant(patient.givenName() + " " + patient.familyName(),
				patient.email());
		var organizer = new AppointmentDetails.Participant(properties.network(), properties.organizerEmail());
		if (a.location().isVirtual()) {
			URI join = videoLinks.joinLink(a.id());
			return new AppointmentDetails(a.id(), a.sequence(), a.start(), a.end(), virtualZone, null, null, null,
					organizer, attendee, join);
		}
		Clinic clinic = clinics.find(a.location().clinicIdOrNull()).orElseThrow();
		var address = clinic.address();
		return new AppointmentDetails(a.id(), a.sequence(), a.start(), a.end(), clinic.zone(), clinic.name(),
				address.street() + ", " + address.city() + ", " + address.state() + " " + address.postalCode(),
				clinic.phone(), organizer, attendee, null);
	}

}
