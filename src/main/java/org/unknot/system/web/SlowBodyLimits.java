package org.unknot.system.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a request body may take to arrive, and how many requests with a body one
 * client and the whole node handle at once ({@code unknot.web.bodies.*}). A request
 * thread that waits for a body is a thread nobody else can use; these keep most of
 * Tomcat's threads (200) for everyone else whatever a few clients do.
 *
 * @param deadline a body read by the application must have arrived this long after the
 * request began (the largest API body is 256 KB: well within it even on a poor mobile
 * connection)
 * @param perClient requests with a body from one client address handled at once
 * @param atOnce requests with a body handled at once on this node, from all clients
 */
@ConfigurationProperties("unknot.web.bodies")
public record SlowBodyLimits(@DefaultValue("30s") Duration deadline, @DefaultValue("16") int perClient,
		@DefaultValue("100") int atOnce) {

	public SlowBodyLimits {
		if (deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("unknot.web.bodies.deadline must be positive");
		}
		if (perClient < 1 || atOnce < perClient) {
			throw new IllegalArgumentException(
					"unknot.web.bodies.per-client must be at least 1 and at-once at least per-client");
		}
	}

}
