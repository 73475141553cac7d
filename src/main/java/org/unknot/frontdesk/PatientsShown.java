package org.unknot.frontdesk;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;

/**
 * A staff page that lists patients (a clinic's day or week, a practitioner's day, the
 * waitlist) shows who has which care when: health information. Each patient shown gets
 * one audit entry, so "who viewed this patient" tells the whole story, not only who
 * opened the full record.
 */
@Component
public class PatientsShown {

	private final AuditLog audit;

	PatientsShown(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Records that {@code me} was shown these patients on a page about {@code what} (e.g.
	 * "schedule").
	 */
	public void record(SignedIn me, Collection<UUID> patientIds, String what, String address) {
		audit.recordAll(new LinkedHashSet<>(patientIds).stream()
			.filter(Objects::nonNull)
			.map(patient -> new AuditEvent("account:" + me.accountId(), me.role().name(), patient, "READ", what, null,
					address, AuditEvent.Outcome.SUCCESS))
			.toList());
	}

}
