package org.unknot.notification;

import java.time.Instant;
import java.util.UUID;

/** One planned message, as stored in the outbox. */
public record OutboxMessage(UUID id, UUID subjectId, UUID patientId, MessageKind kind, String occurrence,
		Channel channel, Instant dueAt, Instant expiresAt, String status, int attempts, String leaseOwner,
		Instant leaseUntil, boolean resend, String messageId, String transport, String recipient, String subject,
		String bodyText, String bodyHtml, String lastError, String droppedWhy, Instant sentAt) {

	boolean prepared() {
		return bodyText != null;
	}

	/**
	 * What a text message provider is given to recognise a repeat: the Message-ID's
	 * unique part (a UUID derived from the key), the same on every attempt.
	 */
	String idempotencyKey() {
		return messageId.replaceAll("^<|@[^@]*$", "");
	}
}
