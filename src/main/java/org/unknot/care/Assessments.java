package org.unknot.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.Text;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

import tools.jackson.databind.ObjectMapper;

/**
 * Records and reads initial assessments. The clinical content is one sealed JSON value
 * bound to its assessment; every write and every read is audited, as for session notes.
 */
@Service
public class Assessments {

	static final SealedColumn CONTENT = new SealedColumn("assessment", "id", "content");

	static final int MAX_SHORT = 500;

	static final int MAX_TEXT = 5_000;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ObjectMapper json;

	private final AuditLog audit;

	private final DiagnosisCodes codes;

	private final Clock clock;

	Assessments(JdbcClient jdbc, FieldCipher cipher, ObjectMapper json, AuditLog audit, DiagnosisCodes codes,
			Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.json = json;
		this.audit = audit;
		this.codes = codes;
		this.clock = clock;
	}

	/**
	 * What a practitioner typed, checked by {@link Assessments#record}.
	 *
	 * @param redFlagsReviewed the practitioner asked every red-flag question; an
	 * assessment is not recorded without it
	 */
	public record NewAssessment(PatientId patientId, PractitionerId practitionerId, String chiefComplaint,
			Set<BodyRegion> regions, String onsetAndHistory, boolean redFlagsReviewed, Set<RedFlag> redFlagsFound,
			String findings, Integer cervicalRotationLeft, Integer cervicalRotationRight, Integer shoulderFlexionLeft,
			Integer shoulderFlexionRight, List<String> diagnosisCodes, String functionalGoals) {
	}

	@Transactional
	public Assessment record(NewAssessment typed, SessionNotes.Actor actor) {
		List<FieldProblem> problems = problemsWith(typed);
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The assessment cannot be recorded as entered.", problems);
		}
		Assessment assessment = new Assessment(UUID.randomUUID(), typed.patientId().value(),
				typed.practitionerId().value(), typed.chiefComplaint().strip(), typed.regions(),
				Text.blankToNull(typed.onsetAndHistory()), typed.redFlagsFound(), Text.blankToNull(typed.findings()),
				new RangeOfMotion(typed.cervicalRotationLeft(), typed.cervicalRotationRight(),
						typed.shoulderFlexionLeft(), typed.shoulderFlexionRight()),
				typed.diagnosisCodes().stream().map(code -> codes.find(code).orElseThrow().code()).distinct().toList(),
				Text.blankToNull(typed.functionalGoals()), clock.instant());
		jdbc.sql(
				"INSERT INTO assessment (id, patient_id, practitioner_id, content, recorded_at) VALUES (?, ?, ?, ?, ?)")
			.params(assessment.id(), assessment.patientId(), assessment.practitionerId(),
					cipher.seal(json.writeValueAsString(Stored.of(assessment)), CONTENT.context(assessment.id())),
					Timestamp.from(assessment.recordedAt()))
			.update();
		audited(actor, assessment.patientId(), "CREATE");
		return assessment;
	}

	/** One assessment, opened for someone already allowed to see it; audited. */
	@Transactional
	public Optional<Assessment> of(UUID id, SessionNotes.Actor actor) {
		Optional<Assessment> found = jdbc.sql("SELECT * FROM assessment WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
		found.ifPresent(assessment -> audited(actor, assessment.patientId(), "READ"));
		return found;
	}

	/** A patient's assessments, newest first; audited when there are any. */
	@Transactional
	public List<Assessment> ofPatient(PatientId patientId, SessionNotes.Actor actor) {
		List<Assessment> found = jdbc.sql("SELECT * FROM assessment WHERE patient_id = ? ORDER BY recorded_at DESC, id")
			.param(patientId.value())
			.query(this::map)
			.list();
		if (!found.isEmpty()) {
			audited(actor, patientId.value(), "READ");
		}
		return found;
	}

	/** Who recorded an assessment for whom, without opening it (nothing clinical). */
	public Optional<Owner> ownerOf(UUID id) {
		return jdbc.sql("SELECT patient_id, practitioner_id FROM assessment WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Owner(PatientId.of(rs.getObject("patient_id", UUID.class)),
					PractitionerId.of(rs.getString("practitioner_id"))))
			.optional();
	}

	public record Owner(PatientId patientId, PractitionerId practitionerId) {
	}

	/** What the rules find wrong with an assessment as typed; empty if nothing. */
	public List<FieldProblem> problemsWith(NewAssessment typed) {
		List<FieldProblem> problems = new ArrayList<>();
		if (typed.chiefComplaint() == null || typed.chiefComplaint().isBlank()) {
			problems.add(new FieldProblem("chiefComplaint", "Say what brings the patient, in their words."));
		}
		else if (typed.chiefComplaint().length() > MAX_SHORT) {
			problems.add(
					new FieldProblem("chiefComplaint", "Keep the chief complaint under " + MAX_SHORT + " characters."));
		}
		if (typed.regions() == null || typed.regions().isEmpty()) {
			problems.add(new FieldProblem("regions", "Choose at least one region."));
		}
		tooLong("onsetAndHistory", typed.onsetAndHistory(), problems);
		if (!typed.redFlagsReviewed()) {
			problems.add(new FieldProblem("redFlagsReviewed",
					"Review the red flags with the patient and tick the box (mark any found)."));
		}
		tooLong("findings", typed.findings(), problems);
		problems.addAll(RangeOfMotion.problems(typed.cervicalRotationLeft(), typed.cervicalRotationRight(),
				typed.shoulderFlexionLeft(), typed.shoulderFlexionRight()));
		List<String> chosen = typed.diagnosisCodes() == null ? List.of() : typed.diagnosisCodes();
		if (chosen.isEmpty()) {
			problems.add(new FieldProblem("diagnosisCodes", "Choose at least one working diagnosis."));
		}
		else if (chosen.stream().anyMatch(code -> codes.find(code).isEmpty())) {
			problems.add(new FieldProblem("diagnosisCodes", "Choose working diagnoses from the list."));
		}
		tooLong("functionalGoals", typed.functionalGoals(), problems);
		return problems;
	}

	private static void tooLong(String field, String text, List<FieldProblem> problems) {
		if (text != null && text.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "Keep this under " + MAX_TEXT + " characters."));
		}
	}

	private void audited(SessionNotes.Actor actor, UUID patientId, String action) {
		audit.record(new AuditEvent(actor.id(), actor.role(), patientId, action, "assessment", null, actor.address(),
				AuditEvent.Outcome.SUCCESS));
	}

	private Assessment map(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Stored stored = json.readValue(cipher.open(rs.getString("content"), CONTENT.context(id)), Stored.class);
		return stored.assessment(id, rs.getObject("patient_id", UUID.class), rs.getString("practitioner_id"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	private static <E extends Enum<E>> List<String> names(Collection<E> values) {
		return values.stream().map(Enum::name).sorted().toList();
	}

	/** The sealed JSON form. */
	record Stored(String chiefComplaint, List<String> regions, String onsetAndHistory, List<String> redFlagsFound,
			String findings, Integer cervicalRotationLeft, Integer cervicalRotationRight, Integer shoulderFlexionLeft,
			Integer shoulderFlexionRight, List<String> diagnosisCodes, String functionalGoals) {

		static Stored of(Assessment a) {
			RangeOfMotion rom = a.rangeOfMotion();
			return new Stored(a.chiefComplaint(), names(a.regions()), a.onsetAndHistory(), names(a.redFlagsFound()),
					a.findings(), rom.cervicalRotationLeft(), rom.cervicalRotationRight(), rom.shoulderFlexionLeft(),
					rom.shoulderFlexionRight(), a.diagnosisCodes(), a.functionalGoals());
		}

		Assessment assessment(UUID id, UUID patientId, String practitionerId, Instant recordedAt) {
			return new Assessment(id, patientId, practitionerId, chiefComplaint,
					regions.stream().map(BodyRegion::valueOf).collect(Collectors.toSet()), onsetAndHistory,
					redFlagsFound.stream().map(RedFlag::valueOf).collect(Collectors.toSet()), findings,
					new RangeOfMotion(cervicalRotationLeft, cervicalRotationRight, shoulderFlexionLeft,
							shoulderFlexionRight),
					diagnosisCodes, functionalGoals, recordedAt);
		}
	}

	/** Declares the sealed column, so that re-encryption moves it to a new key. */
	@Configuration(proxyBeanMethods = false)
	static class Sealing {

		@Bean
		SealedColumn assessmentContent() {
			return CONTENT;
		}

	}

}
