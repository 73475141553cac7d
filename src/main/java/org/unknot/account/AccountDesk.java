package org.unknot.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.EmailAddress;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Creates, disables and re-enables accounts; disabling ends the account's sessions at
 * once.
 */
@Service
public class AccountDesk {

	static final int MIN_PASSWORD = 12;
	static final int MAX_PASSWORD = 128;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	private final org.unknot.audit.AuditLog audit;

	AccountDesk(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events, java.time.Clock clock,
			org.unknot.audit.AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	public record NewAccount(String email, String displayName, Role role, List<String> clinicIds, String practitionerId,
			UUID patientId, String password) {
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
		accessProblems(request.role(), request.clinicIds(), request.practitionerId(), problems);
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
	 * Gives a staff member another role or other clinics. Their sessions end, so the new
	 * access applies from their next sign-in and the old one from nowhere.
	 */
	@Transactional
	public void changeAccess(UUID accountId, Role role, List<String> clinicIds, String practitionerId) {
		Account account = accounts.byId(accountId)
			.filter(found -> found.role().staff())
			.orElseThrow(() -> new org.unknot.system.NotFound("account", "staff account", accountId.toString()));
		List<FieldProblem> problems = new ArrayList<>();
		if (role == null || !role.staff()) {
			problems.add(new FieldProblem("role", "Choose a staff role."));
		}
		accessProblems(role, clinicIds, practitionerId, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The access of " + account.displayName() + " cannot be changed as entered.",
					problems);
		}
		List<String> clinics = role == Role.FRONT_DESK ? clinicIds : List.of();
		String practitioner = role == Role.PRACTITIONER ? practitionerId : null;
		accounts.setAccess(accountId, role, clinics, practitioner);
		events.publishEvent(new AccountDisabled(accountId));
	}

	private static void accessProblems(Role role, List<String> clinicIds, String practitionerId,
			List<FieldProblem> problems) {
		if (role == Role.FRONT_DESK && (clinicIds == null || clinicIds.isEmpty())) {
			problems.add(new FieldProblem("clinicIds", "Choose at least one clinic for a front-desk account."));
		}
		if (role == Role.PRACTITIONER && (practitionerId == null || practitionerId.isBlank())) {
			problems.add(new FieldProblem("practitionerId", "Choose the practitioner this account belongs to."));
		}
	}

	/**
	 * Sets a new password (a patient after signing in with an emailed link, or an admin
	 * for a staff member who lost theirs). Every session of the account ends, so whoever
	 * knew the old one is out.
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

	/**
	 * Records a patient's request to close their account, for the practice to carry out.
	 */
	@Transactional
	public void requestClosure(UUID accountId) {
		accounts.requestClosure(accountId, clock.instant());
	}

	/**
	 * Carries out a patient's request to close their account: its sessions end, and the
	 * account, with its password and second factor, is removed. The records of care stay,
	 * as the law requires; the same person may open an account again later and find them.
	 * Audited.
	 */
	@Transactional
	public void close(UUID accountId, SignedIn admin, String address) {
		Account account = accounts.byId(accountId)
			.filter(found -> found.role() == Role.PATIENT)
			.orElseThrow(() -> new org.unknot.system.NotFound("account", "patient account", accountId.toString()));
		if (accounts.closureRequestedAt(accountId).isEmpty()) {
			throw new InvalidRequest("account", "Only an account whose owner asked to close it can be closed here.");
		}
		events.publishEvent(new AccountDisabled(accountId));
		accounts.remove(accountId);
		audit.record(new org.unknot.audit.AuditEvent("account:" + admin.accountId(), admin.role().name(),
				account.patientId(), "CLOSE", "account", null, address, org.unknot.audit.AuditEvent.Outcome.SUCCESS));
	}

	@Transactional
	public void enable(UUID accountId) {
		accounts.setEnabled(accountId, true);
	}

	static boolean looksLikeAnEmail(String email) {
		return EmailAddress.looksValid(email);
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

	/**
	 * Published when an account is disabled or its access changes, so its sessions can be
	 * ended.
	 */
	public record AccountDisabled(UUID accountId) {
	}

	/** Published when an account's password changes, so its sessions end too. */
	public record PasswordChanged(UUID accountId) {
	}

}
