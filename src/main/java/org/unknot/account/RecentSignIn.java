package org.unknot.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpSession;

/**
 * When a session's owner last proved who they are. Changes that would lock the owner out
 * (a new password) need a sign-in within the last {@link #WINDOW}, so that someone who
 * finds a portal left open on a shared computer cannot take the account over.
 */
public final class RecentSignIn {

	/** The session attribute holding the {@link Instant} of the sign-in. */
	public static final String SIGNED_IN_AT = "unknot.signedInAt";

	public static final Duration WINDOW = Duration.ofMinutes(15);

	private RecentSignIn() {
	}

	/** Whether the session's owner signed in within the last {@link #WINDOW}. */
	public static boolean holds(HttpSession session, Clock clock) {
		return session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
				&& !signedInAt.plus(WINDOW).isBefore(clock.instant());
	}

}
