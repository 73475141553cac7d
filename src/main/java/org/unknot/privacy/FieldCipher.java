package org.unknot.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a field of health information with AES-256-GCM. A sealed value reads
 * {@code uk1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>}; the {@code context} (table,
 * column and row, say) is authenticated with it, so a value copied into another row or
 * column does not open. Values sealed under any configured key open; new ones use the
 * active key.
 */
public class FieldCipher {

	private static final String PREFIX = "uk1:";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final FieldKeys keys;

	private final SecureRandom random = new SecureRandom();

	FieldCipher(FieldKeys keys) {
		this.keys = keys;
	}

	/** The sealed form of {@code plaintext}, or null for null. */
	public String seal(String plaintext, String context) {
		if (plaintext == null) {
			return null;
		}
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.activeKey(), iv, context);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return PREFIX + keys.activeId() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/** The plaintext of a sealed value, or null for null. */
	public String open(String sealed, String context) {
		if (sealed == null) {
			return null;
		}
		Parts parts = parse(sealed);
		SecretKey key = keys.key(parts.keyId());
		if (key == null) {
			throw new SealBroken("sealed with key '" + parts.keyId() + "', which is not configured");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, parts.iv(), context);
			return new String(cipher.doFinal(parts.body()), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new SealBroken("altered, or opened in another context than it was sealed in");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/** How every value sealed under the active key begins. */
	String activePrefix() {
		return PREFIX + keys.activeId() + ":";
	}

	/**
	 * Whether the value is sealed under the active key (and so needs no re-encryption).
	 */
	public boolean underActiveKey(String sealed) {
		return sealed == null || parse(sealed).keyId().equals(keys.activeId());
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] iv, String context) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static Parts parse(String sealed) {
		int colon = sealed.indexOf(':', PREFIX.length());
		if (!sealed.startsWith(PREFIX) || colon < 0) {
			throw new SealBroken("not a sealed value");
		}
		byte[] all;
		try {
			all = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
		}
		catch (IllegalArgumentException e) {
			throw new SealBroken("not a sealed value");
		}
		if (all.length < IV_BYTES + TAG_BITS / 8) {
			throw new SealBroken("too short to be a sealed value");
		}
		byte[] iv = new byte[IV_BYTES];
		byte[] body = new byte[all.length - IV_BYTES];
		System.arraycopy(all, 0, iv, 0, IV_BYTES);
		System.arraycopy(all, IV_BYTES, body, 0, body.length);
		return new Parts(sealed.substring(PREFIX.length(), colon), iv, body);
	}

	private record Parts(String keyId, byte[] iv, byte[] body) {
	}

	/** A sealed value that cannot be opened; its message never contains the value. */
	public static class SealBroken extends RuntimeException {

		SealBroken(String why) {
			super("A sealed field cannot be opened: " + why + ".");
		}

	}

}
