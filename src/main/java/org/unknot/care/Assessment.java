package org.unknot.care;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A practitioner's initial assessment of a patient: what brings them, where it hurts,
 * since when and how it began, the red flags reviewed (and those found), the findings
 * with range of motion, the working diagnoses (ICD-10-CM codes) and what the patient
 * wants to be able to do again.
 */
public record Assessment(UUID id, UUID patientId, String practitionerId, String chiefComplaint, Set<BodyRegion> regions,
		String onsetAndHistory, Set<RedFlag> redFlagsFound, String findings, RangeOfMotion rangeOfMotion,
		List<String> diagnosisCodes, String functionalGoals, Instant recordedAt) {

	public Assessment {
		if (chiefComplaint == null || chiefComplaint.isBlank()) {
			throw new IllegalArgumentException("An assessment names the chief complaint");
		}
		if (regions == null || regions.isEmpty()) {
			throw new IllegalArgumentException("An assessment names at least one region");
		}
		if (diagnosisCodes == null || diagnosisCodes.isEmpty()) {
			throw new IllegalArgumentException("An assessment has a working diagnosis");
		}
		regions = Set.copyOf(regions);
		redFlagsFound = redFlagsFound == null ? Set.of() : Set.copyOf(redFlagsFound);
		rangeOfMotion = rangeOfMotion == null ? RangeOfMotion.NOT_MEASURED : rangeOfMotion;
		diagnosisCodes = List.copyOf(diagnosisCodes);
	}

	/** The regions in the order of the body map. */
	public Set<BodyRegion> regionsInOrder() {
		return EnumSet.copyOf(regions);
	}

	/** The red flags found, in the order the intake asks them. */
	public Set<RedFlag> redFlagsInOrder() {
		return redFlagsFound.isEmpty() ? Set.of() : EnumSet.copyOf(redFlagsFound);
	}

}
