package org.unknot.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.unknot.system.LocalSecrets;

/**
 * The HMAC-SHA256 key that seals the audit chain. It is never stored in the database, so
 * whoever holds the database (its owner, a superuser, a stolen backup) can change an
 * entry but cannot make a link that verifies: {@code verify-audit} then names it. Each
 * link records the key's fingerprint (an HMAC of a fixed text, not the key).
 */
final class ChainKey {

	private static final String ALGORITHM = "HmacSHA256";

	private static final byte[] DOMAIN = "unknot audit chain v1".getBytes(StandardCharsets.US_ASCII);

	static final byte[] GENESIS = new byte[32];

	private final SecretKeySpec key;

	private final String id;

	ChainKey(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("unknot.audit.key has " + key.length + " bytes; it needs 32 "
					+ "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`).");
		}
		this.key = new SecretKeySpec(key, ALGORITHM);
		this.id = HexFormat.of().formatHex(mac("unknot audit key id".getBytes(StandardCharsets.US_ASCII)), 0, 8);
	}

	static ChainKey from(AuditProperties properties, boolean externalDatabase, boolean ephemeral, Path dataDir) {
		if (properties.configured()) {
			return new ChainKey(decode(properties.key()));
		}
		if (externalDatabase) {
			throw new IllegalStateException("An external database needs a configured audit key "
					+ "(unknot.audit.key, env UNKNOT_AUDIT_KEY: base64 of 32 random bytes, e.g. `openssl rand -base64 32`), "
					+ "the same on every node and kept outside the database; see docs/operations.md.");
		}
		return new ChainKey(decode(
				ephemeral ? LocalSecrets.random() : LocalSecrets.keptBeside(dataDir, "audit.key", "unknot.audit.key")));
	}

	String id() {
		return id;
	}

	/**
	 * The link at {@code position}: the entry, bound to its place and the link before.
	 */
	byte[] seal(long position, byte[] previousMac, AuditEntry entry) {
		Mac mac = newMac();
		mac.update(DOMAIN);
		mac.update(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
		mac.update(previousMac);
		return mac.doFinal(entry.canonical());
	}

	private byte[] mac(byte[] text) {
		return newMac().doFinal(text);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	private static byte[] decode(String encoded) {
		try {
			return Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("unknot.audit.key is not valid base64.");
		}
	}

}
