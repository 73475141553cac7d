package org.unknot.care;

import java.time.Instant;
import java.util.UUID;

/** A practitioner signed a treatment plan: its visits may be booked and measured. */
public record PlanSigned(UUID planId, UUID patientId, String practitionerId, Instant signedAt) {
}
