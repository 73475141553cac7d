package org.unknot.care.measures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an open plan with no meaningful improvement is flagged for review as not
 * responding.
 *
 * @param afterVisits visits done
 * @param afterWeeks weeks since the plan started, whatever the visits done
 */
@ConfigurationProperties("unknot.care.not-responding")
public record ReviewProperties(@DefaultValue("6") int afterVisits, @DefaultValue("12") int afterWeeks) {

	public ReviewProperties {
		if (afterVisits < 1 || afterWeeks < 1) {
			throw new IllegalArgumentException("A plan is flagged after at least one visit and one week");
		}
	}

}
