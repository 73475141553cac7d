package org.unknot.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chain's key ({@code key}: base64 of 32 random bytes, env
 * {@code UNKNOT_AUDIT_KEY}; kept outside the database, like the encryption keys; an
 * embedded database generates one into its data directory) and how soon after being
 * written an entry is sealed into the chain ({@code chainInterval}).
 */
@ConfigurationProperties("unknot.audit")
public record AuditProperties(String key, @DefaultValue("1s") Duration chainInterval) {

	boolean configured() {
		return key != null && !key.isBlank();
	}
}
