package org.unknot.care;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a plan's terms: version 1 is the plan as drafted and signed; each
 * amendment after signing is a new version with its reason, the earlier ones kept.
 */
public record PlanVersion(UUID id, int number, PlanTerms terms, String reason, String recordedBy, Instant recordedAt) {

	public boolean amendment() {
		return number > 1;
	}

}
