package org.unknot.availability;

/** Why a start time can or cannot be booked. */
public enum SlotVerdict {

	FREE(false), OFF_GRID(false), IN_THE_PAST(false), TOO_SOON(false), TOO_FAR_AHEAD(false), CLINIC_CLOSED(false),
	NOT_LICENSED(false), OUTSIDE_WORKING_HOURS(false), TIME_OFF(false), PRACTITIONER_BUSY(true), NO_ROOM_FREE(true);

	private final boolean taken;

	SlotVerdict(boolean taken) {
		this.taken = taken;
	}

	/**
	 * True when the time is valid but someone else has it: trying another time may help.
	 */
	public boolean taken() {
		return taken;
	}

}
