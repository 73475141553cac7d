package org.unknot.system.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one client of the JSON API may send: request bodies up to {@code maxBody} (the
 * largest booking is a few KB), and at most {@code bookingsPerMinute} holds, bookings and
 * series per minute from one address, with bursts up to that many. Both are far above
 * what a clinic's patients or partners ever send; they stop one client from taking a
 * node's memory or a whole calendar.
 */
@ConfigurationProperties("unknot.api")
public record ApiLimits(@DefaultValue("256KB") DataSize maxBody, @DefaultValue("600") int bookingsPerMinute) {

	public ApiLimits {
		if (maxBody.toBytes() < 1 || maxBody.toBytes() > Integer.MAX_VALUE - 1) {
			throw new IllegalArgumentException("unknot.api.max-body must be between 1 byte and 2 GB");
		}
		if (bookingsPerMinute < 1) {
			throw new IllegalArgumentException("unknot.api.bookings-per-minute must be at least 1");
		}
	}

}
