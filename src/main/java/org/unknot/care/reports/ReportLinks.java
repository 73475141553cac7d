package org.unknot.care.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.care.measures.Progress;
import org.unknot.notification.Notifications;
import org.unknot.system.EmailAddress;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.SecretToken;
import org.unknot.system.SiteAddress;
import org.unknot.system.Times;

/**
 * Reports shared with another provider: a link with an unguessable token (only its hash
 * is kept) that opens one report and nothing else, sent through the outbox in the
 * transaction that shares it, and dead once it expires or is withdrawn. The email names
 * neither the patient nor their health; the report is never attached. Sharing,
 * withdrawing and every download are audited.
 */
@Service
public class ReportLinks {

	public static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final CareReports reports;

	private final ReportWriter writer;

	private final Notifications notifications;

	private final AuditLog audit;

	private final SiteAddress site;

	private final ReportProperties properties;

	private final Clock clock;

	ReportLinks(JdbcClient jdbc, CareReports reports, ReportWriter writer, Notifications notifications, AuditLog audit,
			SiteAddress site, ReportProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.writer = writer;
		this.notifications = notifications;
		this.audit = audit;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A link as sent: to whom (the address mail goes to, and as it was typed), until
	 * when, whether and how often it was used, and whether it was withdrawn.
	 */
	public record Link(UUID id, UUID reportId, String providerName, String providerEmail, String typedEmail,
			Instant sentAt, Instant expiresAt, int downloads, Instant openedAt, Instant revokedAt) {

		public boolean expired(Instant now) {
			return !now.isBefore(expiresAt);
		}

		public boolean revoked() {
			return revokedAt != null;
		}

		/** Whether it opens its report now: neither expired nor withdrawn. */
		public boolean opens(Instant now) {
			return !revoked() && !expired(now);
		}

		public boolean opened() {
			return openedAt != null || downloads > 0;
		}

	}

	/** A link just made, with its token (shown nowhere else). */
	public record Sent(Link link, String token) {
	}

	/**
	 * Sends a link to the report to this provider, from the practitioner sharing it.
	 * Refused with a message per field for a missing name or an address that is not one.
	 */
	@Transactional
	public Sent send(CareReport report, String providerName, String providerEmail, String sharedBy,
			Progress.Reader reader) {
		List<FieldProblem> problems = new ArrayList<>();
		if (providerName == null || providerName.isBlank()) {
			problems.add(new FieldProblem("providerName", "Enter the provider's name."));
		}
		else if (providerName.strip().length() > MAX_NAME) {
			problems.add(new FieldProblem("providerName", "Keep the name under " + MAX_NAME + " characters."));
		}
		else if (providerName.chars().anyMatch(Character::isISOControl)) {
			problems.add(new FieldProblem("providerName", "Enter the name as it is written, on one line."));
		}
		Optional<EmailAddress> address = providerEmail == null
				|| providerEmail.chars().anyMatch(Character::isISOControl) ? Optional.empty()
						: EmailAddress.parse(providerEmail);
		if (address.isEmpty()) {
			problems
				.add(new FieldProblem("providerEmail", "Enter the provider's email address, like dr.lee@example.org."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The report cannot be sent as entered.", problems);
		}
		Instant now = clock.instant();
		SecretToken token = SecretToken.generate();
		Link link = new Link(UUID.randomUUID(), report.id(), providerName.strip(), address.get().value(),
				providerEmail.strip(), now, now.plus(properties.linkLifetime()), 0, null, null);
		jdbc.sql("""
				INSERT INTO care_report_link (id, report_id, token_hash, provider_name, provider_email,
				    provider_email_typed, sent_by, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(link.id(), report.id(), token.hash(), link.providerName(), link.providerEmail(), link.typedEmail(),
					sharedBy, Timestamp.from(now), Timestamp.from(link.expiresAt()))
			.update();
		notifications.providerReport(link.id(), link.providerEmail(), link.expiresAt(),
				notifications.providerReportMessage(link.providerName(), writer.practitionerName(sharedBy),
						site.link("/reports/shared/" + token.value()),
						Times.shortDateTime(link.expiresAt(), writer.zoneOf(report.patientId()))));
		audit.record(CareReports.event(reader, report.patientId(), "DISCLOSE", AuditEvent.Outcome.SUCCESS));
		return new Sent(link, token.value());
	}

	public Optional<Link> find(UUID id) {
		return jdbc.sql("SELECT * FROM care_report_link WHERE id = ?").param(id).query(this::map).optional();
	}

	/**
	 * Withdraws the link, so that it opens nothing from now on; audited. Withdrawing it
	 * again changes nothing.
	 */
	@Transactional
	public void revoke(Link link, Progress.Reader reader) {
		int changed = jdbc
			.sql("UPDATE care_report_link SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), reader.id(), link.id())
			.update();
		if (changed == 1) {
			audit.record(revocation(link, reader, AuditEvent.Outcome.SUCCESS));
		}
	}

	/** Someone not allowed to withdraw the link tried: audited as refused. */
	public void revokeRefused(Link link, Progress.Reader reader) {
		audit.recordRegardless(revocation(link, reader, AuditEvent.Outcome.DENIED));
	}

	/** The provider opened the link's page while it works: the first time is kept. */
	public void opened(Link link) {
		if (link.opens(clock.instant()) && link.openedAt() == null) {
			jdbc.sql("UPDATE care_report_link SET opened_at = ? WHERE id = ? AND opened_at IS NULL")
				.params(Timestamp.from(clock.instant()), link.id())
				.update();
		}
	}

	/** The link this token opens, expired or not; none for a token never handed out. */
	public Optional<Link> byToken(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM care_report_link WHERE token_hash = ?")
			.param(SecretToken.hash(token))
			.query(this::map)
			.optional();
	}

	/**
	 * Until when the link works, in the zone of the patient's clinic: "Mon, Mar 29, 10:00
	 * AM EDT".
	 */
	public String until(Link link) {
		return Times.shortDateTime(link.expiresAt(),
				writer.zoneOf(reports.find(link.reportId()).orElseThrow().patientId()));
	}

	/** Links sent for the report, newest first. */
	public List<Link> ofReport(UUID reportId) {
		return jdbc.sql("SELECT * FROM care_report_link WHERE report_id = ? ORDER BY created_at DESC, id")
			.param(reportId)
			.query(this::map)
			.list();
	}

	/**
	 * The report the token opens, while its link lives; counted and audited as read by
	 * the link's provider. Once expired or withdrawn, empty, and the attempt is audited
	 * as refused.
	 */
	@Transactional
	public Optional<CareReports.Pdf> download(String token, String address) {
		Optional<Link> found = byToken(token);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Link link = found.get();
		CareReport report = reports.find(link.reportId()).orElseThrow();
		Progress.Reader provider = new Progress.Reader("link:" + link.id(), "PROVIDER", address);
		if (!link.opens(clock.instant())) {
			audit.record(CareReports.event(provider, report.patientId(), "READ", AuditEvent.Outcome.DENIED));
			return Optional.empty();
		}
		jdbc.sql("""
				UPDATE care_report_link SET downloads = downloads + 1, opened_at = COALESCE(opened_at, ?)
				WHERE id = ?""").params(Timestamp.from(clock.instant()), link.id()).update();
		return Optional.of(reports.open(report, provider));
	}

	private AuditEvent revocation(Link link, Progress.Reader reader, AuditEvent.Outcome outcome) {
		UUID patientId = reports.find(link.reportId()).orElseThrow().patientId();
		return new AuditEvent(reader.id(), reader.role(), patientId, "REVOKE", "care-report-link", null,
				reader.address(), outcome);
	}

	private Link map(ResultSet rs, int n) throws SQLException {
		return new Link(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
				rs.getString("provider_name"), rs.getString("provider_email"), rs.getString("provider_email_typed"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				rs.getInt("downloads"), instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("revoked_at")));
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
