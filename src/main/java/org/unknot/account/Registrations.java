package org.unknot.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.system.InvalidRequest;
import org.unknot.system.SecretToken;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Patients open their own account in two steps, so that nobody learns which addresses
 * have one and nobody opens an account on someone else's address:
 * <ol>
 * <li>They give an email address. The answer is always "check your email". The email
 * carries a link to finish (valid {@value #MINUTES} minutes, usable once, only a hash of
 * its secret kept) or, if the address has an account already, says so and how to sign in.
 * Both write the same rows.</li>
 * <li>The link's page asks for name, birth date and a password. The account is linked to
 * the patient with that email and birth date, so every visit booked with them shows in
 * the portal.</li>
 * </ol>
 * At most {@value #PER_HOUR} emails an hour go to one address, so nobody can flood
 * someone's inbox.
 */
@Service
public class Registrations {

	static final int MINUTES = 60;
	static final int PER_HOUR = 3;

	private final Accounts accounts;

	private final AccountDesk desk;

	private final Patients patients;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Registrations(Accounts accounts, AccountDesk desk, Patients patients, AuditLog audit, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.desk = desk;
		this.patients = patients;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Published inside the transaction of a request, for the notification module to write
	 * the email: {@code token} is the secret of the link to finish, or null if the
	 * address has an account already.
	 */
	public record RegistrationRequested(UUID id, String email, String token, Instant expiresAt) {

		public boolean alreadyRegistered() {
			return token == null;
		}
	}

	/**
	 * What a patient fills in on the link's page; the email is the one the link was sent
	 * to.
	 */
	public record NewPatient(String givenName, String familyName, String birthDate, String phone, String password) {
	}

	/** The link is unknown, used or expired. */
	public static class RegistrationLinkSpent extends RuntimeException {

		RegistrationLinkSpent() {
			super("This link has already been used or has expired.");
		}

	}

	@Transactional
	public void request(String typed) {
		String email = Accounts.normalised(typed);
		if (!AccountDesk.looksLikeAnEmail(email)) {
			throw new InvalidRequest("email", "Enter an email address like name@example.org.");
		}
		Instant now = clock.instant();
		long recent = jdbc.sql("SELECT count(*) FROM registration WHERE email = ? AND created_at > ?")
			.params(email, Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		boolean registered = accounts.byEmail(email).isPresent();
		if (recent >= PER_HOUR) {
			return;
		}
		String token = registered ? null : SecretToken.generate().value();
		UUID id = UUID.randomUUID();
		Instant expires = now.plus(Duration.ofMinutes(MINUTES));
		jdbc.sql("INSERT INTO registration (id, email, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, email, token == null ? null : SecretToken.hash(token), Timestamp.from(now),
					Timestamp.from(expires))
			.update();
		events.publishEvent(new RegistrationRequested(id, email, token, expires));
	}

	/** The address the link was sent to, while it can still be used. */
	public Optional<String> pending(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT email FROM registration WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(SecretToken.hash(token), Timestamp.from(clock.instant()))
			.query(String.class)
			.optional();
	}

	/**
	 * Opens the account, using the link up. Nothing is used up or written when what was
	 * entered is refused, so the patient can correct it.
	 */
	@Transactional
	public Account complete(String token, NewPatient entered, String address) {
		String email = pending(token).orElseThrow(RegistrationLinkSpent::new);
		PatientDetails details = validated(email, entered);
		Timestamp now = Timestamp.from(clock.instant());
		int used = jdbc
			.sql("UPDATE registration SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(now, SecretToken.hash(token), now)
			.update();
		if (used != 1 || accounts.byEmail(email).isPresent()) {
			throw new RegistrationLinkSpent();
		}
		UUID patientId = patients.identify(details);
		Account account = desk
			.create(new AccountDesk.NewAccount(email, details.givenName() + " " + details.familyName(), Role.PATIENT,
					List.of(), null, patientId, entered.password()));
		audit.record(new AuditEvent("account:" + account.id(), Role.PATIENT.name(), patientId, "CREATE", "account",
				null, address, AuditEvent.Outcome.SUCCESS));
		return account;
	}

	/**
	 * The patient's details checked as every form checks them, and the password; every
	 * problem named at once. A birth date is checked against the earliest calendar on
	 * Earth, so that someone born today anywhere can register.
	 */
	private PatientDetails validated(String email, NewPatient entered) {
		List<FieldProblem> problems = new ArrayList<>();
		PatientDetails details = null;
		try {
			details = PatientDetails.typed(entered.givenName(), entered.familyName(), email, entered.phone(),
					entered.birthDate(), LocalDate.now(clock.withZone(ZoneId.of("Pacific/Kiritimati"))));
		}
		catch (InvalidRequest refused) {
			problems.addAll(refused.errors());
		}
		AccountDesk.passwordProblem(entered.password()).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The account cannot be opened as entered.", problems);
		}
		return details;
	}

}
