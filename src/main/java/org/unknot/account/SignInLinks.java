package org.unknot.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.SecretToken;

/**
 * One-time sign-in links for patients: valid {@value #MINUTES} minutes, usable once, only
 * a hash of the secret kept. Asking for one answers the same, in the same time, whether
 * or not the address has an account: both write a link row and an email through the
 * outbox, the one for an address without a patient account saying so instead of carrying
 * a link. At most {@value #PER_HOUR} emails an hour per address, so its owner is not
 * flooded.
 */
@Service
public class SignInLinks {

	static final int MINUTES = 10;
	static final int PER_HOUR = 5;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInLinks(Accounts accounts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Published inside the transaction that created the link, for the notification module
	 * to send it.
	 */
	public record SignInLinkRequested(UUID linkId, UUID accountId, UUID patientId, String token, Instant expiresAt) {
	}

	/**
	 * Published instead when no patient account at the address can use a link: an email
	 * still goes out, saying so and how to open an account, so both answers do the same
	 * work.
	 */
	public record SignInLinkUnusable(UUID linkId, String email, Instant expiresAt) {
	}

	@Transactional
	public void request(String typed) {
		String email = Accounts.normalised(typed);
		if (!AccountDesk.looksLikeAnEmail(email)) {
			return;
		}
		Optional<Account> found = accounts.byEmail(email)
			.filter(Account::enabled)
			.filter(account -> account.role() == Role.PATIENT && account.patientId() != null);
		Instant now = clock.instant();
		long recent = jdbc.sql("SELECT count(*) FROM sign_in_link WHERE email = ? AND created_at > ?")
			.params(email, Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (recent >= PER_HOUR) {
			return;
		}
		String token = SecretToken.generate().value();
		Instant expires = now.plus(Duration.ofMinutes(MINUTES));
		UUID accountId = found.map(Account::id).orElse(null);
		jdbc.sql(
				"""
						INSERT INTO sign_in_link (token_hash, account_id, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?)""")
			.params(SecretToken.hash(token), accountId, email, Timestamp.from(now), Timestamp.from(expires))
			.update();
		UUID linkId = UUID.nameUUIDFromBytes(SecretToken.hash(token));
		if (found.isPresent()) {
			events.publishEvent(new SignInLinkRequested(linkId, accountId, found.get().patientId(), token, expires));
		}
		else {
			events.publishEvent(new SignInLinkUnusable(linkId, email, expires));
		}
	}

	/**
	 * The account the link opens, using it up; empty if it is unknown, used or expired.
	 */
	@Transactional
	public Optional<Account> use(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				UPDATE sign_in_link SET used_at = ?
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? AND account_id IS NOT NULL
				RETURNING account_id""")
			.params(Timestamp.from(clock.instant()), SecretToken.hash(token), Timestamp.from(clock.instant()))
			.query(UUID.class)
			.optional()
			.flatMap(accounts::byId)
			.filter(Account::enabled);
	}

}
