package org.unknot.notification;

/** Hands emails to whatever delivers them. */
interface EmailTransport {

	/** Shown on the sent messages page, e.g. "smtp" or "viewer". */
	String name();

	/**
	 * Hands the email over; returns normally only once the other side has accepted it.
	 * @throws org.springframework.mail.MailException when it was refused or could not be
	 * handed over
	 */
	void send(OutgoingEmail email);

	/**
	 * @param messageId the outbox row's Message-ID, the same on every attempt
	 */
	record OutgoingEmail(String messageId, String from, String to, String subject, String text, String html,
			byte[] calendar, String calendarType) {
	}

}
