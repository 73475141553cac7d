package org.unknot.care.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed report on a plan, as listed: what it is, who signed it and when, and how many
 * pages its PDF has. The PDF itself is opened through {@link CareReports}, audited.
 */
public record CareReport(UUID id, UUID planId, UUID patientId, ReportKind kind, String signedBy, Instant signedAt,
		int pages) {
}
