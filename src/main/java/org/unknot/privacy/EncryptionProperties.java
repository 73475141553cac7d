package org.unknot.privacy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for sealing health information: {@code keys} maps a short key id to a base64 AES
 * key of 32 bytes (env {@code UNKNOT_ENCRYPTION_KEYS_<ID>}); {@code active} names the one
 * new values are sealed with. Older keys stay listed until {@link Reencryption} has moved
 * every value off them.
 */
@ConfigurationProperties("unknot.encryption")
public record EncryptionProperties(Map<String, String> keys, String active) {

	public EncryptionProperties {
		keys = keys == null ? Map.of() : Map.copyOf(keys);
	}

	boolean configured() {
		return !keys.isEmpty();
	}
}
