package org.unknot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time, moved ahead by however much a test says (the application's own clock is
 * the real one).
 */
public final class MovableClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	/** Jumps to this instant (and runs on from there). */
	public void set(Instant instant) {
		ahead = Duration.between(Instant.now(), instant);
	}

	public void advance(Duration duration) {
		ahead = ahead.plus(duration);
	}

	/** Back to the real time. */
	public void reset() {
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
