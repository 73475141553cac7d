package org.unknot.care.measures;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How questionnaires go out ahead of plan visits.
 *
 * @param enabled whether this node runs the sending job on a schedule (any number of
 * nodes may; one at a time holds the lease)
 * @param ahead how long before a plan visit its questionnaire is sent
 * @param interval how often the job looks for visits coming up
 * @param lease how long a node keeps the job after its last run; another node takes over
 * only when it runs out
 */
@ConfigurationProperties("unknot.care.questionnaires")
public record QuestionnaireProperties(@DefaultValue("true") boolean enabled, @DefaultValue("48h") Duration ahead,
		@DefaultValue("5m") Duration interval, @DefaultValue("15m") Duration lease) {

	public QuestionnaireProperties {
		if (ahead.isNegative() || ahead.isZero() || lease.compareTo(interval) <= 0) {
			throw new IllegalArgumentException(
					"Questionnaires go out some time ahead, and the lease outlasts the interval between runs");
		}
	}

}
