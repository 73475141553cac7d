package org.unknot.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps expect:
 * HMAC-SHA1, 30-second steps, 6 digits. A code is accepted one step early or late (clock
 * drift), and only for a step later than the last one used, so a code cannot be replayed.
 */
public final class Totp {

	static final int STEP_SECONDS = 30;
	static final int DIGITS = 6;

	private static final int WINDOW = 1;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	/** A new random 160-bit secret, base32 encoded as authenticator apps take it. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		new SecureRandom().nextBytes(bytes);
		return base32(bytes);
	}

	/** The code for the step containing {@code at}. */
	static String code(String base32Secret, Instant at) {
		return code(decode(base32Secret), at.getEpochSecond() / STEP_SECONDS);
	}

	/**
	 * The step that {@code code} matches near {@code now}, if it is later than
	 * {@code lastUsedStep}; empty if the code is wrong, stale or used before.
	 */
	static OptionalLong verify(String base32Secret, String code, Instant now, long lastUsedStep) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = decode(base32Secret);
		long current = now.getEpochSecond() / STEP_SECONDS;
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			if (step > lastUsedStep && constantTimeEquals(code(key, step), code)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	static String code(byte[] key, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + DIGITS + "d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is not available", e);
		}
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return out.toString();
	}

	static byte[] decode(String base32) {
		String clean = base32.replace(" ", "").replace("=", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	private static boolean constantTimeEquals(String a, String b) {
		return java.security.MessageDigest.isEqual(a.getBytes(), b.getBytes());
	}

}
