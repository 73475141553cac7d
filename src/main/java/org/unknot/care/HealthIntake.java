package org.unknot.care;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a patient tells us about their pain before a visit.
 *
 * @param intensity 0 (no pain) to 10 (worst imaginable), the numeric rating scale (LOINC
 * 72514-3)
 * @param redFlags the red-flag questions answered yes
 */
public record HealthIntake(Set<BodyRegion> regions, int intensity, PainDuration duration, Set<Cause> causes,
		Set<RedFlag> redFlags) {

	public HealthIntake {
		if (regions == null || regions.isEmpty()) {
			throw new IllegalArgumentException("An intake names at least one place that hurts");
		}
		if (intensity < 0 || intensity > 10) {
			throw new IllegalArgumentException("Pain intensity is 0 to 10, not " + intensity);
		}
		if (duration == null) {
			throw new IllegalArgumentException("An intake says how long the pain has lasted");
		}
		regions = Set.copyOf(regions);
		causes = causes == null ? Set.of() : Set.copyOf(causes);
		redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
	}

	public Set<RedFlag> redFlagsInOrder() {
		return redFlags.isEmpty() ? Set.of() : EnumSet.copyOf(redFlags);
	}
}
