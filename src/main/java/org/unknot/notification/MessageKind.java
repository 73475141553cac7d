package org.unknot.notification;

/** What a message is about. */
public enum MessageKind {
	BOOKED, RESCHEDULED, CANCELLED, REMINDER, WAITLIST_OFFER;

	/** Whether this message only makes sense while its visit is still booked. */
	boolean needsALiveVisit() {
		return this == BOOKED || this == RESCHEDULED || this == REMINDER;
	}

	boolean aboutAnAppointment() {
		return this != WAITLIST_OFFER;
	}
}
