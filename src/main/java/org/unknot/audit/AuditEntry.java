package org.unknot.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * One written entry: its id (the order it was written in), when, and what happened. The
 * chain that makes it tamper-evident is kept beside it ({@link ChainKey}).
 */
public record AuditEntry(long id, Instant at, AuditEvent event) {

	/**
	 * Every field in a fixed, length-prefixed form (a missing field differs from an empty
	 * one), so that no two different entries read the same.
	 */
	byte[] canonical() {
		var out = new ByteArrayOutputStream(256);
		for (String field : new String[] { Long.toString(id), Long.toString(at.getEpochSecond()),
				Integer.toString(at.getNano()), event.actor(), event.actorRole(),
				event.patientId() == null ? null : event.patientId().toString(), event.action(), event.subject(),
				event.reason(), event.sourceAddress(), event.outcome().name() }) {
			if (field == null) {
				out.write(0);
			}
			else {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				out.write(1);
				out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
				out.writeBytes(bytes);
			}
		}
		return out.toByteArray();
	}

	/**
	 * The unkeyed SHA-256 link of entries written before the chain was keyed (V62): still
	 * checked, but only the keyed chain shows that nobody with the database re-hashed.
	 */
	byte[] unkeyedHash(byte[] previousHash) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previousHash);
			return digest.digest(canonical());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

}
