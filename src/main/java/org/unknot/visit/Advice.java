package org.unknot.visit;

/**
 * What became of the advice to see a physician first, when the intake's red flags call
 * for it.
 */
public enum Advice {

	/** Nobody was told: a visit the advice stands in the way of is refused. */
	NOT_GIVEN,
	/**
	 * The patient read the advice (or the receptionist told the caller) and chose to go
	 * ahead; recorded with the intake.
	 */
	ACKNOWLEDGED,
	/**
	 * A signed-in staff member books past the advice (e.g. a physician has cleared the
	 * patient); refused for anyone else.
	 */
	STAFF_OVERRIDE

}
