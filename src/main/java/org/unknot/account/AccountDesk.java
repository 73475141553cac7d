package org.unknot.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/** Creates, disables and re-enables accounts; disabling ends the account's sessions at once. */
@Service
public class AccountDesk {

	static final int MIN_PASSWORD = 12;
	static final int MAX_PASSWORD = 128;

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	AccountDesk(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events, java.time.Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	public record NewAccount(String email, String displayName, Role role, List<String> clinicIds,
			String practitionerId, UUID patientId, String password) {
	}

	@Transactional
	public Account create(NewAccount request) {
		List<FieldProblem> problems = new ArrayList<>();
		String email = Accounts.normalised(request.email());
		if (!looksLikeAnEmail(email)) {
			problems.add(new FieldProblem("email", "Enter an email address like name@example.org."));
		}
		else if (accounts.byEmail(email).isPresent()) {
			problems.add(new FieldProblem("email", "An account with this email exists already."));
		}
		if (request.displayName() == null || request.displayName().isBlank()) {
			problems.add(new FieldProblem("displayName", "Enter the name to show."));
		}
		if (request.role() == Role.FRONT_DESK && (request.clinicIds() == null || request.clinicIds().isEmpty())) {
			problems.add(new FieldProblem("clinicIds", "Choose at least one clinic for a front-desk account."));
		}
		if (request.role() == Role.PRACTITIONER && (request.practitionerId() == null || request.practitionerId().isBlank())) {
			problems.add(new FieldProblem("practitionerId", "Choose the practitioner this account belongs to."));
		}
		passwordProblem(request.password()).ifPresent(problems::add);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The account cannot be created as entered.", problems);
		}
		var account = new Account(UUID.randomUUID(), email, request.displayName().trim(), request.role(),
				request.clinicIds() == null ? List.of() : request.clinicIds(), request.practitionerId(),
				request.patientId(), passwords.encode(request.password()), null, false, 0, true);
		accounts.insert(account);
		return account;
	}

	/**
	 * Sets a new password (a patient after signing in with an emailed link, or an admin for a staff
	 * member who lost theirs). Every session of the account ends, so whoever knew the old one is out.
	 */
	@Transactional
	public void changePassword(UUID accountId, String password) {
		passwordProblem(password).ifPresent(problem -> {
			throw new InvalidRequest(problem.message(), List.of(problem));
		});
		accounts.setPassword(accountId, passwords.encode(password));
		events.publishEvent(new PasswordChanged(accountId));
	}

	@Transactional
	public void disable(UUID accountId) {
		accounts.setEnabled(accountId, false);
		events.publishEvent(new AccountDisabled(accountId));
	}

	/** Records a patient's request to close their account, for the practice to carry out. */
	@Transactional
	public void requestClosure(UUID accountId) {
		accounts.requestClosure(accountId, clock.instant());
	}

	@Transactional
	public void enable(UUID accountId) {
		accounts.setEnabled(accountId, true);
	}

	static boolean looksLikeAnEmail(String email) {
		return email != null && email.length() <= 254 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	}

	/**
	 * Length is what makes a password strong (NIST SP 800-63B, OWASP ASVS 5): at least 12
	 * characters, any characters, spaces welcome; no composition rules.
	 */
	static java.util.Optional<FieldProblem> passwordProblem(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
			return java.util.Optional.of(new FieldProblem("password",
					"Use at least " + MIN_PASSWORD + " characters; a few unrelated words make a good password."));
		}
		if (password.length() > MAX_PASSWORD) {
			return java.util.Optional.of(new FieldProblem("password", "Use at most " + MAX_PASSWORD + " characters."));
		}
		return java.util.Optional.empty();
	}

	/** Published when an account is disabled, so its sessions can be ended. */
	public record AccountDisabled(UUID accountId) {
	}

	/** Published when an account's password changes, so its sessions end too. */
	public record PasswordChanged(UUID accountId) {
	}
}
