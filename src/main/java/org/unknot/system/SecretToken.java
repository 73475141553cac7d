package org.unknot.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret handed out once (in a link or an answer) of which only the SHA-256 is stored:
 * 256 random bits, URL-safe.
 */
public record SecretToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public static SecretToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public byte[] hash() {
		return hash(value);
	}

	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** Compares in constant time. */
	public static boolean matches(String presented, byte[] storedHash) {
		return presented != null && storedHash != null && MessageDigest.isEqual(hash(presented), storedHash);
	}
}
