package org.unknot.care.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.Progress;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.NotFound;
import org.unknot.system.Times;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * Progress reports and discharge summaries: signed by a practitioner with the summary
 * they write, drawn as a PDF once, at signing, and kept sealed so that every later
 * download is what was signed. Signing and every opening of a PDF are audited.
 */
@Service
public class CareReports {

	public static final int MAX_SUMMARY = 4000;

	public static final int MAX_FOLLOW_UP = 2000;

	static final SealedColumn SUMMARY = new SealedColumn("care_report", "id", "summary");

	static final SealedColumn FOLLOW_UP = new SealedColumn("care_report", "id", "follow_up");

	static final SealedColumn PDF = new SealedColumn("care_report", "id", "pdf");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final AuditLog audit;

	private final TreatmentPlans plans;

	private final ReportWriter writer;

	private final Clock clock;

	CareReports(JdbcClient jdbc, FieldCipher cipher, AuditLog audit, TreatmentPlans plans, ReportWriter writer,
			Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.plans = plans;
		this.writer = writer;
		this.clock = clock;
	}

	/** A report's PDF with the name it is saved under. */
	public record Pdf(byte[] bytes, String fileName) {
	}

	/**
	 * The report a plan can have now: a discharge summary once it has ended, a progress
	 * report while it runs, none while it is a draft.
	 */
	public static Optional<ReportKind> dueFor(TreatmentPlan plan) {
		if (plan.status().ended()) {
			return Optional.of(ReportKind.DISCHARGE);
		}
		return plan.status().open() ? Optional.of(ReportKind.PROGRESS) : Optional.empty();
	}

	/**
	 * Signs a report on the plan as it stands, with the practitioner's summary (and, at
	 * discharge, their follow-up advice). Refused with a message per field when either is
	 * missing or too long, or when the plan is still a draft.
	 */
	@Transactional
	public CareReport sign(UUID planId, String summary, String followUp, PractitionerId signer,
			Progress.Reader reader) {
		String practitionerId = signer.value();
		TreatmentPlan plan = plans.find(planId)
			.orElseThrow(() -> new NotFound(null, "treatment plan", planId.toString()));
		ReportKind kind = dueFor(plan)
			.orElseThrow(() -> new InvalidRequest("summary", "Sign the plan before reporting on it."));
		String advice = kind == ReportKind.DISCHARGE ? followUp : null;
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "summary", summary, MAX_SUMMARY, "Write the summary the report ends with.");
		if (kind == ReportKind.DISCHARGE) {
			text(problems, "followUp", advice, MAX_FOLLOW_UP, "Write your advice for after discharge.");
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The report cannot be signed as written.", problems);
		}
		Instant now = clock.instant();
		ReportContent content = writer.content(plan, kind, summary.strip(), advice == null ? null : advice.strip(),
				practitionerId, now, reader);
		ReportPdf.Drawn drawn = ReportPdf.draw(content);
		CareReport report = new CareReport(UUID.randomUUID(), plan.id(), plan.patientId(), kind, practitionerId, now,
				drawn.pages());
		jdbc.sql(
				"""
						INSERT INTO care_report (id, plan_id, patient_id, kind, summary, follow_up, pdf, pages, signed_by, signed_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(report.id(), report.planId(), report.patientId(), kind.name(),
					cipher.seal(content.summary(), SUMMARY.context(report.id())),
					content.followUp() == null ? null : cipher.seal(content.followUp(), FOLLOW_UP.context(report.id())),
					cipher.seal(Base64.getEncoder().encodeToString(drawn.pdf()), PDF.context(report.id())),
					drawn.pages(), practitionerId, Timestamp.from(now))
			.update();
		audit.record(event(reader, report.patientId(), "CREATE", AuditEvent.Outcome.SUCCESS));
		return report;
	}

	public Optional<CareReport> find(UUID id) {
		return jdbc.sql("SELECT * FROM care_report WHERE id = ?").param(id).query(this::map).optional();
	}

	/** The plan's reports, newest first. */
	public List<CareReport> ofPlan(UUID planId) {
		return jdbc.sql("SELECT * FROM care_report WHERE plan_id = ? ORDER BY signed_at DESC, id")
			.param(planId)
			.query(this::map)
			.list();
	}

	/** The discharge summaries of the patient's plans, newest first: theirs to keep. */
	public List<CareReport> dischargesOf(PatientId patientId) {
		return jdbc.sql("""
				SELECT * FROM care_report WHERE patient_id = ? AND kind = 'DISCHARGE' ORDER BY signed_at DESC, id""")
			.param(patientId.value())
			.query(this::map)
			.list();
	}

	/** The report's PDF, for someone already allowed to read it; audited. */
	@Transactional
	public Pdf open(CareReport report, Progress.Reader reader) {
		return open(report, reader, null);
	}

	/**
	 * The PDF, audited as read with the break-glass reason that allowed it (none for
	 * someone who may read it anyway).
	 */
	Pdf open(CareReport report, Progress.Reader reader, String reason) {
		String sealed = jdbc.sql("SELECT pdf FROM care_report WHERE id = ?")
			.param(report.id())
			.query(String.class)
			.single();
		byte[] bytes = Base64.getDecoder().decode(cipher.open(sealed, PDF.context(report.id())));
		audit.record(new AuditEvent(reader.id(), reader.role(), report.patientId(), "READ", "care-report", reason,
				reader.address(), AuditEvent.Outcome.SUCCESS));
		return new Pdf(bytes, report.kind().fileName() + "-"
				+ LocalDate.ofInstant(report.signedAt(), writer.zoneOf(report.patientId())) + ".pdf");
	}

	/** Someone not allowed to read the report asked for it: audited as refused. */
	public void refused(CareReport report, Progress.Reader reader) {
		audit.recordRegardless(event(reader, report.patientId(), "READ", AuditEvent.Outcome.DENIED));
	}

	/** "Progress report, signed Dec 6, 2026, 7:52 PM EST by Ana Ribeiro" */
	public String describe(CareReport report, ZoneId zone) {
		return report.kind().label() + ", signed " + Times.shortDateTime(report.signedAt(), zone) + " by "
				+ writer.practitionerName(report.signedBy());
	}

	static AuditEvent event(Progress.Reader reader, UUID patientId, String action, AuditEvent.Outcome outcome) {
		return new AuditEvent(reader.id(), reader.role(), patientId, action, "care-report", null, reader.address(),
				outcome);
	}

	private static void text(List<FieldProblem> problems, String field, String text, int max, String missing) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem(field, missing));
		}
		else if (text.length() > max) {
			problems.add(new FieldProblem(field, "Keep it under " + max + " characters."));
		}
	}

	private CareReport map(ResultSet rs, int n) throws SQLException {
		return new CareReport(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
				rs.getObject("patient_id", UUID.class), ReportKind.valueOf(rs.getString("kind")),
				rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(), rs.getInt("pages"));
	}

	/** Declares the sealed columns, so that re-encryption moves them to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn reportSummary() {
			return SUMMARY;
		}

		@Bean
		SealedColumn reportFollowUp() {
			return FOLLOW_UP;
		}

		@Bean
		SealedColumn reportPdf() {
			return PDF;
		}

	}

}
