package org.unknot.waitlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workerEnabled whether this instance offers freed times on a schedule
 * @param interval how often it looks
 * @param longestWindow the most days one waitlist request may span
 */
@ConfigurationProperties("unknot.waitlist")
public record WaitlistProperties(@DefaultValue("true") boolean workerEnabled, @DefaultValue("15s") Duration interval,
		@DefaultValue("92") int longestWindow) {
}
