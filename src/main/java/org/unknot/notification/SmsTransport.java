package org.unknot.notification;

/** A text message provider. */
public interface SmsTransport {

	String name();

	/**
	 * @param idempotencyKey the same on every attempt of one message (by any dispatcher,
	 * also after a crash), so the provider can drop repeats
	 * @throws SmsNotSent when the provider refused the message or could not be reached
	 */
	void send(String idempotencyKey, String to, String text);

	/** The provider did not take the message. */
	class SmsNotSent extends RuntimeException {

		public SmsNotSent(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
