package org.unknot.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time, or a moment a test sets (and runs on from there). */
final class PaymentClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	void set(Instant instant) {
		ahead = Duration.between(Instant.now(), instant);
	}

	void reset() {
		ahead = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(ahead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
