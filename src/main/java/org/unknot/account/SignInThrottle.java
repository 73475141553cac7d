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
 * Slows guessing without handing an attacker a way to lock the real users out. Failed
 * attempts are counted per account from unrecognised devices, per account and recognised
 * device (one that signed in successfully before and carries its cookie), and per
 * address:
 * <ul>
 * <li>each account and device budget backs off: after {@value #FREE_FAILURES} failures in
 * the hour the next attempt waits 1 s after the last failure, then 2 s, 4 s and so on up
 * to {@link #LONGEST_WAIT}, and at most {@value #PER_ACCOUNT_UNKNOWN_DEVICES} failures an
 * hour come from unrecognised devices, {@value #PER_KNOWN_DEVICE} from each recognised
 * one, so an attacker who exhausts the first budget does not stop the account's owner on
 * their own phone or desk;</li>
 * <li>an address is held, for unrecognised devices only, once in an hour it has failed on
 * {@value #PER_ADDRESS_ACCOUNTS} different accounts or {@value #PER_ADDRESS} times in
 * all: that stops someone trying one password on many accounts, while one account guessed
 * at from a clinic's shared connection (or through its proxy) costs nobody else there
 * anything.</li>
 * </ul>
 * The counts live in the database, so every node sees the same ones. The email is counted
 * by its hash whether or not an account has it, so throttling says nothing about
 * existence.
 */
@Component
public class SignInThrottle {

	static final int FREE_FAILURES = 10;
	static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
	static final int PER_ACCOUNT_UNKNOWN_DEVICES = 90;
	static final int PER_KNOWN_DEVICE = 10;
	static final int PER_ADDRESS_ACCOUNTS = 50;
	static final int PER_ADDRESS = 300;

	private static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether another attempt for this email from this address (and device, if
	 * recognised) may be made now.
	 */
	public boolean allows(String email, String address, String knownDevice) {
		Instant now = clock.instant();
		Timestamp since = Timestamp.from(now.minus(WINDOW));
		String key = accountKey(email);
		if (knownDevice != null) {
			return backedOff(jdbc.sql("""
					SELECT count(*) AS failures, max(at) AS last FROM sign_in_failure
					WHERE account_key = ? AND device = ? AND at > ?""")
				.params(key, knownDevice, since)
				.query(Failures.class)
				.single(), PER_KNOWN_DEVICE, now);
		}
		boolean addressHeld = jdbc.sql("""
				SELECT count(DISTINCT account_key) >= ? OR count(*) >= ? FROM sign_in_failure
				WHERE address = ? AND device IS NULL AND at > ?""")
			.params(PER_ADDRESS_ACCOUNTS, PER_ADDRESS, address, since)
			.query(Boolean.class)
			.single();
		return !addressHeld && backedOff(jdbc.sql("""
				SELECT count(*) AS failures, max(at) AS last FROM sign_in_failure
				WHERE account_key = ? AND device IS NULL AND at > ?""")
			.params(key, since)
			.query(Failures.class)
			.single(), PER_ACCOUNT_UNKNOWN_DEVICES, now);
	}

	private static boolean backedOff(Failures failures, int most, Instant now) {
		if (failures.failures() >= most) {
			return false;
		}
		if (failures.failures() < FREE_FAILURES) {
			return true;
		}
		long doublings = Math.min(failures.failures() - FREE_FAILURES, 20);
		Duration wait = Duration.ofSeconds(1L << doublings);
		wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
		return !now.isBefore(failures.last().toInstant().plus(wait));
	}

	record Failures(long failures, Timestamp last) {
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
			.param(Timestamp.from(clock.instant().minus(WINDOW)))
			.update();
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
