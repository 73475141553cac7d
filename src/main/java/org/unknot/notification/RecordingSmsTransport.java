package org.unknot.notification;

/**
 * Without a configured provider, text messages are not sent anywhere: they are recorded
 * with their outbox row, and admins read them on the sent messages page.
 */
class RecordingSmsTransport implements SmsTransport {

	@Override
	public String name() {
		return "sms-recorded";
	}

	@Override
	public void send(String idempotencyKey, String to, String text) {
		// the dispatcher records the message with the outbox row, in the same transaction
	}

}
