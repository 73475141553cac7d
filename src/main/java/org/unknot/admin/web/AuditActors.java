package org.unknot.admin.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.account.Account;
import org.unknot.account.Accounts;
import org.unknot.audit.AuditEntry;
import org.unknot.audit.AuditEvent;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.system.Times;

/**
 * Who an audit entry names, in words: the trail keeps ids ({@code account:<id>},
 * {@code patient:<id>}, {@code system}) so that a renamed or removed account never
 * rewrites history, and the admin's pages read them back as a person's name and the role
 * they acted in then.
 */
@Component
class AuditActors {

	private static final String ACCOUNT = "account:";

	private static final String PATIENT = "patient:";

	private final Accounts accounts;

	private final Patients patients;

	AuditActors(Accounts accounts, Patients patients) {
		this.accounts = accounts;
		this.patients = patients;
	}

	/**
	 * These entries as an admin reads them: times in the network's zone, people by name.
	 */
	List<Line> lines(Collection<AuditEntry> entries, ZoneId zone) {
		Map<String, String> names = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		for (AuditEntry entry : entries) {
			AuditEvent event = entry.event();
			lines.add(new Line(Times.dateTime(entry.at(), zone), names.computeIfAbsent(event.actor(), this::name),
					role(event.actorRole()), event.patientId(),
					event.action().toLowerCase(Locale.US) + " " + event.subject().replace('-', ' '),
					event.sourceAddress(), event.outcome().name().toLowerCase(Locale.US), event.reason()));
		}
		return lines;
	}

	/** One entry in words. */
	record Line(String when, String who, String role, UUID patientId, String what, String from, String outcome,
			String reason) {
	}

	/** The role an entry was written in, as people say it. */
	private static String role(String stored) {
		return switch (stored) {
			case "ADMIN" -> "Admin";
			case "FRONT_DESK" -> "Front desk";
			case "PRACTITIONER" -> "Practitioner";
			case "PATIENT" -> "Patient";
			case "SYSTEM" -> "Unknot itself";
			default -> stored;
		};
	}

	private String name(String actor) {
		if (actor.equals("system")) {
			return "Unknot (automatic)";
		}
		if (actor.startsWith(ACCOUNT)) {
			return id(actor, ACCOUNT).flatMap(accounts::byId)
				.map(Account::displayName)
				.orElse("An account since removed");
		}
		if (actor.startsWith(PATIENT)) {
			return id(actor, PATIENT).flatMap(patients::find)
				.map(AuditActors::fullName)
				.orElse("A patient not on record");
		}
		return "Unknown (" + actor + ")";
	}

	static String fullName(Patient patient) {
		return patient.givenName() + " " + patient.familyName();
	}

	private static Optional<UUID> id(String actor, String prefix) {
		try {
			return Optional.of(UUID.fromString(actor.substring(prefix.length())));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

}
