package org.unknot.account;

import java.time.Instant;

/**
 * For tests outside this package: the code an authenticator app shows for a secret at an
 * instant.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	public static String at(String secret, Instant at) {
		return Totp.code(secret, at);
	}

}
