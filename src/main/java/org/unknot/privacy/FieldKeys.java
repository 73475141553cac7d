package org.unknot.privacy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.unknot.system.LocalSecrets;

/**
 * The AES keys in use. Configured keys come first; without any, a demo on the embedded
 * database gets a key generated once and kept beside its data (so a restart can still
 * read what it wrote), and a throw-away database a key that lives as long as the process.
 * An external database never runs without configured keys.
 */
final class FieldKeys {

	private static final String GENERATED_ID = "local1";

	private final Map<String, SecretKey> keys;

	private final String active;

	FieldKeys(Map<String, SecretKey> keys, String active) {
		if (keys.isEmpty()) {
			throw new IllegalStateException(
					"No encryption key: set unknot.encryption.keys.<id> to a base64 AES-256 key.");
		}
		if (!keys.containsKey(active)) {
			throw new IllegalStateException("unknot.encryption.active names '" + active
					+ "', which is not among the keys " + keys.keySet() + ".");
		}
		this.keys = Map.copyOf(keys);
		this.active = active;
	}

	static FieldKeys from(EncryptionProperties properties, boolean externalDatabase, boolean ephemeral, Path dataDir) {
		if (properties.configured()) {
			Map<String, SecretKey> keys = new LinkedHashMap<>();
			properties.keys().forEach((id, encoded) -> keys.put(id, decode(id, encoded)));
			String active = properties.active() != null ? properties.active()
					: keys.size() == 1 ? keys.keySet().iterator().next() : null;
			if (active == null) {
				throw new IllegalStateException("Several encryption keys are configured: name the one to seal with in "
						+ "unknot.encryption.active.");
			}
			return new FieldKeys(keys, active);
		}
		if (externalDatabase) {
			throw new IllegalStateException("An external database needs configured encryption keys "
					+ "(unknot.encryption.keys.<id>, base64 of 32 random bytes, e.g. `openssl rand -base64 32`).");
		}
		String generated = ephemeral ? LocalSecrets.random()
				: LocalSecrets.keptBeside(dataDir, GENERATED_ID + ".key", "unknot.encryption.keys");
		return new FieldKeys(Map.of(GENERATED_ID, decode(GENERATED_ID, generated)), GENERATED_ID);
	}

	SecretKey key(String id) {
		return keys.get(id);
	}

	String activeId() {
		return active;
	}

	SecretKey activeKey() {
		return keys.get(active);
	}

	private static SecretKey decode(String id, String encoded) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("Encryption key '" + id + "' is not valid base64.");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"Encryption key '" + id + "' has " + bytes.length + " bytes; AES-256 needs 32.");
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
