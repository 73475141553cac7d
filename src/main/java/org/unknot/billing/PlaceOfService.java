package org.unknot.billing;

import java.util.List;

/**
 * Where a visit happened, as the CMS place-of-service code a claim names; a video visit
 * also carries modifier 95 (synchronous telehealth).
 */
public enum PlaceOfService {

	OFFICE("11", "Office"), PATIENT_HOME("10", "Telehealth in the patient's home"),
	TELEHEALTH_ELSEWHERE("02", "Telehealth outside the patient's home");

	static final String TELEHEALTH_MODIFIER = "95";

	private final String code;

	private final String words;

	PlaceOfService(String code, String words) {
		this.code = code;
		this.words = words;
	}

	/**
	 * An in-person visit is at the office; a video visit at the patient's home unless
	 * they were recorded as joining from elsewhere.
	 */
	public static PlaceOfService of(boolean video, boolean patientAtHome) {
		if (!video) {
			return OFFICE;
		}
		return patientAtHome ? PATIENT_HOME : TELEHEALTH_ELSEWHERE;
	}

	public String code() {
		return code;
	}

	public String words() {
		return words;
	}

	public boolean telehealth() {
		return this != OFFICE;
	}

	/** The modifiers every line of a visit here carries. */
	public List<String> modifiers() {
		return telehealth() ? List.of(TELEHEALTH_MODIFIER) : List.of();
	}

}
