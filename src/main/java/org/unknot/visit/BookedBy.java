package org.unknot.visit;

import java.util.UUID;

/**
 * Who books: the patient themselves (online, through the API or a waitlist offer), or a
 * signed-in staff member for them. It is what the audit names, and only staff may book
 * past the advice of a triage.
 *
 * @param account the staff member's account; null when the patient books
 * @param role the staff member's role; null when the patient books
 */
public record BookedBy(UUID account, String role) {

	public static final BookedBy PATIENT = new BookedBy(null, null);

	public BookedBy {
		if ((account == null) != (role == null)) {
			throw new IllegalArgumentException("A staff member has an account and a role; a patient neither");
		}
	}

	public static BookedBy staff(UUID account, String role) {
		return new BookedBy(account, role);
	}

	public boolean staff() {
		return account != null;
	}

	String actor(UUID patient) {
		return staff() ? "account:" + account : "patient:" + patient;
	}

	String actorRole() {
		return staff() ? role : "PATIENT";
	}

}
