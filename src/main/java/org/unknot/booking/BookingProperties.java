package org.unknot.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param holdDuration how long a hold keeps a slot for its holder */
@ConfigurationProperties("unknot.booking")
public record BookingProperties(@DefaultValue("10m") Duration holdDuration) {
}
