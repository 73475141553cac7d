package org.unknot.availability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxDays the longest range one availability request may ask for
 */
@ConfigurationProperties("unknot.availability")
public record AvailabilityProperties(@DefaultValue("31") int maxDays) {
}
