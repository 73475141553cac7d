package org.unknot.waitlist;

import java.time.LocalDate;
import java.time.LocalTime;

import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;

/**
 * What a waiting patient would take: a service, maybe a practitioner and a location, any
 * day from {@code firstDay} to {@code lastDay} with a start from {@code earliest} to
 * {@code latest} (local time of the location).
 */
public record WaitlistRequest(String serviceId, String practitionerId, LocationId location, LocalDate firstDay,
		LocalDate lastDay, LocalTime earliest, LocalTime latest, PatientDetails patient) {
}
