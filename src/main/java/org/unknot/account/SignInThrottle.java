package org.unknot.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows guessing without handing an attacker a way to lock the real user out. Failed
 * attempts are counted per address, per account from unrecognised devices, and per
 * account and recognised device (one that signed in successfully before and carries its
 * cookie):
 * <ul>
 * <li>an address gets at most {@value #PER_ADDRESS} failures in 15 minutes, whatever
 * accounts it tries;</li>
 * <li>an account gets at most {@value #PER_ACCOUNT_UNKNOWN_DEVICES} failures an hour from
 * unrecognised devices, from all addresses together;</li>
 * <li>each recognised device at most {@value #PER_KNOWN_DEVICE} more an hour, so an
 * attacker who exhausts the first budget does not stop the account's owner on their own
 * phone or desk.</li>
 * </ul>
 * With one recognised device that makes at most 100 failures an hour per account. The
 * email is counted by its hash whether or not an account has it, so throttling says
 * nothing about existence.
 */
@Component
public class SignInThrottle {

	static final int PER_ADDRESS = 50;
	static final int PER_ACCOUNT_UNKNOWN_DEVICES = 90;
	static final int PER_KNOWN_DEVICE = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether another attempt for this email from this address (and device, if
	 * recognised) may be made.
	 */
	public boolean allows(String email, String address, String knownDevice) {
		Instant now = clock.instant();
		if (count("address = ?", address, now.minus(Duration.ofMinutes(15))) >= PER_ADDRESS) {
			return false;
		}
		String key = accountKey(email);
		Instant hourAgo = now.minus(Duration.ofHours(1));
		if (knownDevice != null) {
			return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE account_key = ? AND device = ? AND at > ?")
				.params(key, knownDevice, Timestamp.from(hourAgo))
				.query(Long.class)
				.single() < PER_KNOWN_DEVICE;
		}
		return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE account_key = ? AND device IS NULL AND at > ?")
			.params(key, Timestamp.from(hourAgo))
			.query(Long.class)
			.single() < PER_ACCOUNT_UNKNOWN_DEVICES;
	}

	/**
	 * Counts a failed attempt in its own transaction: a refused form rolls back what it
	 * wrote, and the attempt must count all the same.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String email, String address, String knownDevice) {
		jdbc.sql("INSERT INTO sign_in_failure (account_key, address, device, at) VALUES (?, ?, ?, ?)")
			.params(accountKey(email), address, knownDevice, Timestamp.from(clock.instant()))
			.update();
	}

	@Scheduled(fixedDelayString = "PT10M")
	void forgetOldFailures() {
		jdbc.sql("DELETE FROM sign_in_failure WHERE at < ?")
			.param(Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
			.update();
	}

	private long count(String where, String value, Instant since) {
		return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE " + where + " AND at > ?")
			.params(value, Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	static String accountKey(String email) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(Accounts.normalised(email).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
