package org.unknot.booking;

import java.time.Instant;

import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientDetails;

/**
 * {@code occurrences} visits, every {@code everyWeeks} weeks at the local time of the
 * first one, with the same practitioner at the same location.
 */
public record SeriesRequest(ServiceId serviceId, PractitionerId practitionerId, LocationId location, Instant firstStart,
		int everyWeeks, int occurrences, boolean allOrNothing, PatientDetails patient) {

	public SeriesRequest {
		if (everyWeeks != 1 && everyWeeks != 2) {
			throw new IllegalArgumentException("A series repeats every week or every two weeks");
		}
	}
}
