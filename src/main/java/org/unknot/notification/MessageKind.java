package org.unknot.notification;

/** What a message is about. */
public enum MessageKind {

	/** The confirmation of one visit. */
	BOOKED,
	/**
	 * One confirmation for every visit of a series booked at once; its subject is the
	 * series.
	 */
	SERIES_BOOKED, RESCHEDULED, CANCELLED, REMINDER, WAITLIST_OFFER, SIGN_IN_LINK, REGISTRATION,
	/**
	 * A questionnaire to answer before a visit: a link only, never what it asks about.
	 */
	QUESTIONNAIRE_DUE,
	/**
	 * A report a practitioner shares with another provider: a link that expires, never
	 * the report, the patient or their health.
	 */
	PROVIDER_REPORT,
	/**
	 * An online payment that failed days after the page (a bank debit refused): what is
	 * still due and how to pay it; the booking stands.
	 */
	PAYMENT_FAILED;

	/** What an admin calls it, e.g. on the message templates page. */
	public String label() {
		return switch (this) {
			case BOOKED -> "Visit booked";
			case SERIES_BOOKED -> "Course of visits booked";
			case RESCHEDULED -> "Visit moved";
			case CANCELLED -> "Visit cancelled";
			case REMINDER -> "Reminder before a visit";
			case WAITLIST_OFFER -> "A time offered from the waitlist";
			case SIGN_IN_LINK -> "Sign-in link";
			case REGISTRATION -> "Opening a patient account";
			case QUESTIONNAIRE_DUE -> "Questions to answer before a visit";
			case PROVIDER_REPORT -> "A report shared with another provider";
			case PAYMENT_FAILED -> "An online payment that did not go through";
		};
	}

	/** Whether this message only makes sense while its visit is still booked. */
	boolean needsALiveVisit() {
		return this == BOOKED || this == RESCHEDULED || this == REMINDER;
	}

	/** Whether the subject of this message is one appointment. */
	boolean aboutAnAppointment() {
		return this == BOOKED || this == RESCHEDULED || this == CANCELLED || this == REMINDER;
	}

	/** Whether the subject of this message is a series of appointments. */
	boolean aboutASeries() {
		return this == SERIES_BOOKED;
	}

	/**
	 * Asked for by the patient a moment ago: sent even to a patient who opted out of
	 * reminders.
	 */
	boolean requestedByThePatient() {
		return this == SIGN_IN_LINK || this == REGISTRATION;
	}

}
