package org.unknot.care;

import java.time.Instant;
import java.util.UUID;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/** A practitioner signed a treatment plan: its visits may be booked and measured. */
public record PlanSigned(UUID planId, PatientId patientId, PractitionerId practitionerId, Instant signedAt) {
}
