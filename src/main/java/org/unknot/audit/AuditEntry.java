package org.unknot.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * One written entry. Its hash is SHA-256 over the previous entry's hash and every field
 * in a fixed, length-prefixed form, so no field can change, and no entry be removed from
 * the middle, unnoticed.
 */
public record AuditEntry(long id, Instant at, AuditEvent event, byte[] previousHash, byte[] hash) {

	static final byte[] GENESIS = new byte[32];

	static byte[] hashOf(long id, Instant at, AuditEvent event, byte[] previousHash) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previousHash);
			for (String field : new String[] { Long.toString(id), Long.toString(at.getEpochSecond()),
					Integer.toString(at.getNano()), event.actor(), event.actorRole(),
					event.patientId() == null ? null : event.patientId().toString(), event.action(), event.subject(),
					event.reason(), event.sourceAddress(), event.outcome().name() }) {
				if (field == null) {
					digest.update((byte) 0);
				}
				else {
					byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
					digest.update((byte) 1);
					digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
					digest.update(bytes);
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	boolean hashMatches() {
		return MessageDigest.isEqual(hash, hashOf(id, at, event, previousHash));
	}
}
