package org.unknot.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdDuration how long a hold keeps a slot for its holder
 * @param lateCancellation cancelling less than this before the start is a late
 * cancellation
 * @param holdsPerClient live holds one client of the public API may have at once (far
 * above what one person booking needs; a client at the limit is answered 429)
 */
@ConfigurationProperties("unknot.booking")
public record BookingProperties(@DefaultValue("10m") Duration holdDuration,
		@DefaultValue("24h") Duration lateCancellation, @DefaultValue("20") int holdsPerClient) {
}
