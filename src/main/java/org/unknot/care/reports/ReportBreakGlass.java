package org.unknot.care.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.care.measures.Progress;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Times;

/**
 * Break-glass for a report: a practitioner who does not treat the patient opens one
 * report in an emergency by saying why. The reason lets them open that report, and only
 * that one, for a short time (then they must say why again); every opening is audited
 * with the reason, so it shows with the patient's viewers and among the openings with a
 * stated reason that admins review.
 */
@Service
public class ReportBreakGlass {

	public static final int MIN_REASON = 10;

	public static final int MAX_REASON = 500;

	private final JdbcClient jdbc;

	private final CareReports reports;

	private final ReportWriter writer;

	private final ReportProperties properties;

	private final Clock clock;

	ReportBreakGlass(JdbcClient jdbc, CareReports reports, ReportWriter writer, ReportProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
	}

	/** A reason given: whose, for which report, and until when it opens it. */
	public record Grant(UUID id, UUID reportId, String actor, String reason, Instant grantedAt, Instant expiresAt) {
	}

	/**
	 * Records the reason this reader gives to open the report; refused beside the field
	 * when it is missing, shorter than {@value #MIN_REASON} characters or longer than
	 * {@value #MAX_REASON}.
	 */
	@Transactional
	public Grant grant(CareReport report, String reason, Progress.Reader reader) {
		String stated = reason == null ? "" : reason.strip();
		if (stated.length() < MIN_REASON || stated.chars().anyMatch(c -> c == 0)) {
			throw new InvalidRequest("reason", "Give a reason of at least " + MIN_REASON
					+ " characters; it is recorded and shown to administrators.");
		}
		if (stated.length() > MAX_REASON) {
			throw new InvalidRequest("reason", "Keep the reason under " + MAX_REASON + " characters.");
		}
		Instant now = clock.instant();
		Grant grant = new Grant(UUID.randomUUID(), report.id(), reader.id(), stated, now,
				now.plus(properties.breakGlassLifetime()));
		jdbc.sql("""
				INSERT INTO care_report_break_glass (id, report_id, actor, reason, granted_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(grant.id(), report.id(), grant.actor(), stated, Timestamp.from(now),
					Timestamp.from(grant.expiresAt()))
			.update();
		return grant;
	}

	/** The reason this reader gave for the report, while it still opens it. */
	public Optional<Grant> live(CareReport report, Progress.Reader reader) {
		return jdbc.sql("""
				SELECT * FROM care_report_break_glass WHERE report_id = ? AND actor = ? AND expires_at > ?
				ORDER BY expires_at DESC LIMIT 1""")
			.params(report.id(), reader.id(), Timestamp.from(clock.instant()))
			.query(ReportBreakGlass::map)
			.optional();
	}

	/** The report's PDF, opened under the reason given; audited with that reason. */
	@Transactional
	public CareReports.Pdf open(CareReport report, Grant grant, Progress.Reader reader) {
		if (!grant.reportId().equals(report.id()) || !grant.actor().equals(reader.id())
				|| !clock.instant().isBefore(grant.expiresAt())) {
			throw new IllegalArgumentException("The reason was given for another report or reader, or has lapsed");
		}
		return reports.open(report, reader, grant.reason());
	}

	/** How long a reason opens its report, in words: "30 minutes", "2 hours". */
	public String lasts() {
		long minutes = properties.breakGlassLifetime().toMinutes();
		if (minutes % 60 == 0) {
			return minutes == 60 ? "1 hour" : minutes / 60 + " hours";
		}
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

	/** "Mon, Mar 29, 10:30 AM EDT", in the zone of the patient's clinic. */
	public String until(Grant grant, CareReport report) {
		return Times.shortDateTime(grant.expiresAt(), writer.zoneOf(report.patientId()));
	}

	private static Grant map(ResultSet rs, int n) throws SQLException {
		return new Grant(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class), rs.getString("actor"),
				rs.getString("reason"), rs.getTimestamp("granted_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant());
	}

}
