package org.unknot.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES keys in use. Configured keys come first; without any, a demo on the embedded
 * database gets a key generated once and kept beside its data (so a restart can still
 * read what it wrote), and a throw-away database a key that lives as long as the process.
 * An external database never runs without configured keys.
 */
final class FieldKeys {

	private static final Logger log = LoggerFactory.getLogger(FieldKeys.class);

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
		if (ephemeral) {
			return new FieldKeys(Map.of(GENERATED_ID, new SecretKeySpec(randomBytes(), "AES")), GENERATED_ID);
		}
		return new FieldKeys(Map.of(GENERATED_ID, keptBeside(dataDir)), GENERATED_ID);
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

	private static SecretKey keptBeside(Path dataDir) {
		Path file = dataDir.resolve("keys").resolve(GENERATED_ID + ".key").toAbsolutePath();
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, Base64.getEncoder().encodeToString(randomBytes()), StandardCharsets.US_ASCII);
				restrict(file);
				log.warn("No encryption key configured: generated one at {} for this local installation. "
						+ "Configure unknot.encryption.keys for any real deployment.", file);
			}
			return decode(GENERATED_ID, Files.readString(file, StandardCharsets.US_ASCII).trim());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the generated encryption key at " + file, e);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
		}
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

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
