package org.unknot.practitioner;

public enum Profession {

	/** Licensed massage therapist. */
	LMT,
	/** Physical therapist (PT or DPT). */
	PT,
	/** Physician, doctor of medicine. */
	MD,
	/** Physician, doctor of osteopathic medicine. */
	DO, PSYCHOLOGIST

}
