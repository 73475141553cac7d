package org.unknot.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.unknot.privacy.SealedColumn;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/**
	 * Argon2id with 19 MiB of memory, two passes and one lane: the OWASP Password Storage
	 * minimum.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

	@Bean
	SealedColumn totpSecretColumn() {
		return Accounts.TOTP_SECRET;
	}

}
