package org.unknot.booking;

import java.time.Duration;
import java.util.Map;

import org.unknot.system.DomainProblem;

/**
 * One client already holds as many times as it may: it must book or give one back, or
 * wait until one runs out.
 */
public class TooManyHolds extends DomainProblem {

	private final int limit;

	private final Duration retryAfter;

	TooManyHolds(int limit, Duration retryAfter) {
		super(Kind.TOO_MANY, "too-many-holds",
				"You already hold " + limit + " times; book or release one of them, or try again later.");
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	/** How many live holds one client may have. */
	public int limit() {
		return limit;
	}

	/** How long until the client's first hold runs out. */
	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("retryAfter", Math.max(1, retryAfter.toSeconds()));
	}

}
