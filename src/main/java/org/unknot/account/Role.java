package org.unknot.account;

/** What an account may do. Staff roles need a second factor. */
public enum Role {

	ADMIN, FRONT_DESK, PRACTITIONER, PATIENT;

	public boolean staff() {
		return this != PATIENT;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
