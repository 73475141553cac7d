package org.unknot.practitioner;

public enum Profession {

	/** Licensed massage therapist. */
	LMT,
	/** Physical therapist (PT or DPT). */
	PT,
	/** Physician, doctor of medicine. */
	MD,
	/** Physician, doctor of osteopathic medicine. */
	DO, PSYCHOLOGIST;

	/** What patients read: "Licensed massage therapist". */
	public String title() {
		return switch (this) {
			case LMT -> "Licensed massage therapist";
			case PT -> "Physical therapist";
			case MD -> "Pain physician (MD)";
			case DO -> "Pain physician (DO)";
			case PSYCHOLOGIST -> "Psychologist";
		};
	}

}
