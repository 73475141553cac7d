package org.unknot.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.privacy.FieldCipher;

/**
 * The steps of signing in, each answering the same way for an account that does not
 * exist, is disabled, or was given a wrong password or code: the password is always
 * hashed, so even timing does not tell them apart.
 */
@Service
public class SignIn {

	public static final Duration KNOWN_DEVICE_LIFETIME = Duration.ofDays(90);

	private static final String DEVICE_CONTEXT = "known-device";

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final FieldCipher cipher;

	private final AccountProperties properties;

	private final Clock clock;

	private final String decoyHash;

	SignIn(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle, FieldCipher cipher,
			AccountProperties properties, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = clock;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/** What the password step found. */
	public sealed interface PasswordOutcome {

	}

	public record Throttled() implements PasswordOutcome {
	}

	public record Rejected() implements PasswordOutcome {
	}

	/**
	 * The password is right; {@code next} says what the person must do before they are
	 * signed in.
	 */
	public record Accepted(Account account, Next next) implements PasswordOutcome {
	}

	public enum Next {

		SIGNED_IN, ENTER_CODE, ENROL_SECOND_FACTOR

	}

	@Transactional
	public PasswordOutcome password(String email, String password, String address, String deviceCookie) {
		String device = knownDevice(email, deviceCookie);
		if (!throttle.allows(email, address, device)) {
			passwords.matches(password == null ? "" : password, decoyHash);
			return new Throttled();
		}
		Optional<Account> found = accounts.byEmail(email).filter(Account::enabled);
		String hash = found.map(Account::passwordHash).orElse(null);
		boolean matches = passwords.matches(password == null ? "" : password, hash == null ? decoyHash : hash);
		if (!matches || hash == null || found.isEmpty()) {
			throttle.failed(email, address, device);
			return new Rejected();
		}
		Account account = found.get();
		if (!account.needsSecondFactor()) {
			return new Accepted(account, Next.SIGNED_IN);
		}
		return new Accepted(account, account.totpConfirmed() ? Next.ENTER_CODE : Next.ENROL_SECOND_FACTOR);
	}

	/**
	 * A fresh secret for an account that has not confirmed one yet (shown once, as a QR
	 * code).
	 */
	@Transactional
	public TotpEnrolment beginEnrolment(UUID accountId) {
		Account account = accounts.byId(accountId).filter(Account::enabled).orElseThrow();
		if (account.totpConfirmed()) {
			throw new IllegalStateException("The second factor is already enrolled");
		}
		String secret = Totp.newSecret();
		accounts.startTotpEnrolment(accountId, cipher.seal(secret, Accounts.TOTP_SECRET.context(accountId)));
		return TotpEnrolment.of(secret, account.email(), properties.issuer());
	}

	/**
	 * Checks a TOTP code (confirming the enrolment if it was pending); a wrong, stale or
	 * replayed code counts as a failed attempt.
	 */
	@Transactional
	public boolean code(UUID accountId, String code, String address, String deviceCookie) {
		Optional<Account> found = accounts.byId(accountId).filter(Account::enabled);
		if (found.isEmpty() || found.get().sealedTotpSecret() == null) {
			return false;
		}
		Account account = found.get();
		String device = knownDevice(account.email(), deviceCookie);
		if (!throttle.allows(account.email(), address, device)) {
			return false;
		}
		String secret = cipher.open(account.sealedTotpSecret(), Accounts.TOTP_SECRET.context(accountId));
		OptionalLong step = Totp.verify(secret, code == null ? null : code.replace(" ", ""), clock.instant(),
				account.totpLastStep());
		if (step.isEmpty() || !accounts.useTotpStep(accountId, step.getAsLong(), true)) {
			throttle.failed(account.email(), address, device);
			return false;
		}
		return true;
	}

	/**
	 * A cookie value that marks this browser as one the account's owner signed in from.
	 */
	public String knownDeviceCookie(Account account) {
		Instant expires = clock.instant().plus(KNOWN_DEVICE_LIFETIME);
		return cipher.seal(
				SignInThrottle.accountKey(account.email()) + "|" + UUID.randomUUID() + "|" + expires.getEpochSecond(),
				DEVICE_CONTEXT);
	}

	/**
	 * The device id in the cookie, if the cookie is genuine, unexpired, and for this
	 * email.
	 */
	String knownDevice(String email, String cookie) {
		if (cookie == null || cookie.isBlank()) {
			return null;
		}
		try {
			String[] parts = cipher.open(cookie, DEVICE_CONTEXT).split("\\|");
			boolean valid = parts.length == 3 && parts[0].equals(SignInThrottle.accountKey(email))
					&& Long.parseLong(parts[2]) > clock.instant().getEpochSecond();
			return valid ? parts[1] : null;
		}
		catch (RuntimeException forgedOrForeign) {
			return null;
		}
	}

}
