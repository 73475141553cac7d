package org.unknot.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A patient's place on the waitlist. */
public record WaitlistEntry(UUID id, long position, UUID patientId, String serviceId, String practitionerId,
		String location, LocalDate firstDay, LocalDate lastDay, LocalTime earliest, LocalTime latest, String status,
		UUID appointmentId, Instant createdAt) {
}
