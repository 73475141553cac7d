package org.unknot.waitlist;

import java.time.Instant;
import java.util.UUID;

/** A freed time offered to one waiting patient until {@code expiresAt}. */
public record WaitlistOffer(UUID id, UUID openingId, UUID entryId, UUID holdId, String serviceId, String practitionerId,
		String location, Instant start, Instant expiresAt, String status, UUID appointmentId) {
}
