package org.unknot.notification;

/** What a message is about. */
public enum MessageKind {
	BOOKED, RESCHEDULED, CANCELLED, REMINDER, WAITLIST_OFFER, SIGN_IN_LINK, REGISTRATION;

	/** Whether this message only makes sense while its visit is still booked. */
	boolean needsALiveVisit() {
		return this == BOOKED || this == RESCHEDULED || this == REMINDER;
	}

	boolean aboutAnAppointment() {
		return this != WAITLIST_OFFER && this != SIGN_IN_LINK && this != REGISTRATION;
	}

	/** Asked for by the patient a moment ago: sent even to a patient who opted out of reminders. */
	boolean requestedByThePatient() {
		return this == SIGN_IN_LINK || this == REGISTRATION;
	}
}
