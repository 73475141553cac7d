package org.unknot.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import java.util.List;

/**
 * A service's payment policy in the words a patient reads before booking.
 *
 * @param asksAgreement whether the patient ticks "I agree" before booking (anything to
 * pay before the visit, or a fee)
 */
public record ShownPolicy(String serviceId, List<String> lines, boolean asksAgreement) {

	public ShownPolicy {
		lines = List.copyOf(lines);
	}

	/** The words as one text, as recorded with the patient's agreement. */
	public String words() {
		return String.join(" ", lines);
	}

	/**
	 * A short name of these very words (the first 12 hex digits of their SHA-256): a
	 * client that books for the patient states the version the patient agreed to, and a
	 * policy changed since is asked again.
	 */
	public String version() {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(words().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
