package org.unknot.waitlist;

import org.unknot.system.NotFound;

/**
 * No such waitlist entry or offer, or the token does not match it: the answer is the
 * same.
 */
public class WaitlistNotFound extends NotFound {

	WaitlistNotFound(String what, Object id) {
		super(null, what, String.valueOf(id));
	}

}
