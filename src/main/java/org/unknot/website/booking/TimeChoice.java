package org.unknot.website.booking;

import java.util.Optional;

/**
 * A time chosen from a week of free times ({@link SlotValue}), and the week that was
 * shown, as posted by the time step and the reschedule page.
 */
record TimeChoice(String slot, String week) {

	static final String CHOOSE = "Please choose one of the free times below.";

	Optional<SlotValue> chosen() {
		return SlotValue.parse(slot);
	}

}
