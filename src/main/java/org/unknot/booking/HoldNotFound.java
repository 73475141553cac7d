package org.unknot.booking;

import java.util.UUID;

import org.unknot.system.NotFound;

/**
 * No live hold with that id: it never existed, was released, expired or became a booking.
 */
public class HoldNotFound extends NotFound {

	HoldNotFound(UUID id) {
		super(null, "live hold", String.valueOf(id));
	}

}
