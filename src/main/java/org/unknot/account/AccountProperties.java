package org.unknot.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code issuer}: the name authenticator apps show. {@code admin}: the first
 * administrator, created on a start when no admin exists (env {@code UNKNOT_ADMIN_EMAIL},
 * {@code UNKNOT_ADMIN_PASSWORD}). {@code absoluteSessionLifetime}: how long a staff
 * session may last however active it is (the idle limit is
 * {@code server.servlet.session.timeout}).
 */
@ConfigurationProperties("unknot.accounts")
public record AccountProperties(@DefaultValue("Unknot") String issuer, @DefaultValue FirstAdmin admin,
		@DefaultValue("PT12H") Duration absoluteSessionLifetime) {

	public record FirstAdmin(String email, String password, @DefaultValue("Administrator") String name) {

		boolean configured() {
			return email != null && !email.isBlank() && password != null && !password.isBlank();
		}
	}
}
