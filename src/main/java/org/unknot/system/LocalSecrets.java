package org.unknot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets that a local installation on the embedded database generates once and keeps
 * beside its data, in {@code <data dir>/keys/}, readable by its owner only: so a restart
 * can still read what it sealed, and none of them is ever stored in the database itself.
 * A deployment on an external database configures its secrets instead.
 */
public final class LocalSecrets {

	private static final Logger log = LoggerFactory.getLogger(LocalSecrets.class);

	private LocalSecrets() {
	}

	/**
	 * The base64 text of 32 random bytes kept in {@code <data dir>/keys/<name>}, written
	 * there the first time; {@code setting} names what a real deployment configures
	 * instead.
	 */
	public static String keptBeside(Path dataDir, String name, String setting) {
		Path file = dataDir.resolve("keys").resolve(name).toAbsolutePath();
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, random(), StandardCharsets.US_ASCII);
				restrict(file);
				log.warn("Nothing configured in {}: generated {} for this local installation. "
						+ "Configure {} for any real deployment.", setting, file, setting);
			}
			return Files.readString(file, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the generated secret at " + file, e);
		}
	}

	/**
	 * The base64 text of 32 random bytes, for a secret that lives as long as the process.
	 */
	public static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
		}
	}

}
