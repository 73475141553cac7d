package org.unknot.booking;

import java.util.UUID;

import org.unknot.system.NotFound;

/**
 * No appointment with that id, or the manage token does not match it: the answer is the
 * same.
 */
public class AppointmentNotFound extends NotFound {

	AppointmentNotFound(UUID id) {
		super(null, "appointment", String.valueOf(id));
	}

}
