package org.unknot.care.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reports are shared.
 *
 * @param linkLifetime how long a link sent to a provider opens its report
 * @param breakGlassLifetime how long a reason given to open a report in an emergency lets
 * the practitioner who gave it open that report again
 */
@ConfigurationProperties("unknot.care.reports")
public record ReportProperties(@DefaultValue("14d") Duration linkLifetime,
		@DefaultValue("30m") Duration breakGlassLifetime) {

	public ReportProperties {
		if (linkLifetime.isNegative() || linkLifetime.isZero() || linkLifetime.compareTo(Duration.ofDays(90)) > 0) {
			throw new IllegalArgumentException("A report's link lives for some time, at most 90 days");
		}
		if (breakGlassLifetime.isNegative() || breakGlassLifetime.isZero()
				|| breakGlassLifetime.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException("An emergency opening lasts for some time, at most 12 hours");
		}
	}

}
