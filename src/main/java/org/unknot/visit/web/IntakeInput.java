package org.unknot.visit.web;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.unknot.care.BodyRegion;
import org.unknot.care.Cause;
import org.unknot.care.HealthIntake;
import org.unknot.care.PainDuration;
import org.unknot.care.RedFlag;

/**
 * The health intake as a request sends it, with the intake's own names: e.g.
 * {@code {"regions": ["NECK"], "intensity": 6, "duration": "OVER_THREE_MONTHS", "causes":
 * ["POSTURE"], "redFlags": []}}. The red flags listed are the questions answered yes.
 */
record IntakeInput(@NotEmpty Set<@NotNull BodyRegion> regions, @NotNull @Min(0) @Max(10) Integer intensity,
		@NotNull PainDuration duration, Set<Cause> causes, Set<RedFlag> redFlags) {

	static HealthIntake of(IntakeInput input) {
		return input == null ? null : new HealthIntake(given(input.regions()), input.intensity(), input.duration(),
				given(input.causes()), given(input.redFlags()));
	}

	/** A JSON list may hold nulls; they answer nothing. */
	private static <E> Set<E> given(Set<E> values) {
		return values == null ? Set.of()
				: values.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

}
