package org.unknot.notification;

/**
 * Demo mode, with no SMTP server configured: the email is kept in the outbox, where the
 * sent messages page shows it exactly as a patient would read it.
 */
class ViewerEmailTransport implements EmailTransport {

	@Override
	public String name() {
		return "viewer";
	}

	@Override
	public void send(OutgoingEmail email) {
		// the dispatcher records the message with the outbox row, in the same transaction
	}

}
