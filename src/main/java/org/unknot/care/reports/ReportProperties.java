package org.unknot.care.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reports are shared.
 *
 * @param linkLifetime how long a link sent to a provider opens its report
 */
@ConfigurationProperties("unknot.care.reports")
public record ReportProperties(@DefaultValue("14d") Duration linkLifetime) {

	public ReportProperties {
		if (linkLifetime.isNegative() || linkLifetime.isZero() || linkLifetime.compareTo(Duration.ofDays(90)) > 0) {
			throw new IllegalArgumentException("A report's link lives for some time, at most 90 days");
		}
	}

}
