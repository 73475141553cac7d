package org.unknot.packages;

import java.time.Instant;
import java.util.UUID;

/**
 * A credit spent on (or given back for) a visit, and what is left in that package after
 * it, for the confirmation to say.
 */
public record CreditUse(UUID appointmentId, UUID holdingId, String packageName, int remaining, Instant validUntil) {
}
