package org.unknot.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that lets whoever booked a visit see, move or cancel it. 256 random bits; the appointment
 * keeps only its SHA-256. (The first answer to a POST with an Idempotency-Key, token included, is kept
 * for 24 hours so that a retry gets the same answer.)
 */
record ManageToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static ManageToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new ManageToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	byte[] hash() {
		return hash(value);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** Compares in constant time. */
	static boolean matches(String presented, byte[] storedHash) {
		return presented != null && storedHash != null && MessageDigest.isEqual(hash(presented), storedHash);
	}
}
