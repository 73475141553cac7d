package org.unknot.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.privacy.FieldCipher;
import org.unknot.privacy.SealedColumn;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;
import org.unknot.system.NotFound;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * Writes and reads session records. Only the practitioner of a visit records it; every
 * write and every read of a note is audited; the note text is sealed, bound to its visit.
 */
@Service
public class SessionNotes {

	public static final SealedColumn NOTE = new SealedColumn("session_note", "appointment_id", "note");
	static final int MAX_NOTE = 10_000;

	/** A working day: no one treats longer in one visit. */
	static final int MAX_MINUTES = 480;

	private final JdbcClient jdbc;

	private final Appointments appointments;

	private final FieldCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	SessionNotes(JdbcClient jdbc, Appointments appointments, FieldCipher cipher, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** Who is writing or reading, for the audit trail. */
	public record Actor(String id, String role, String address) {
	}

	/** Records (or corrects) the session of a visit by its own practitioner. */
	@Transactional
	public SessionNote record(PractitionerId writer, UUID appointmentId, Integer painBefore, Integer painAfter,
			Integer minutesTreated, String note, Actor actor) {
		String practitionerId = writer.value();
		Appointment visit = appointments.find(appointmentId)
			.filter(candidate -> candidate.practitionerId().equals(writer) && candidate.patientId() != null)
			.orElseThrow(() -> new NotFound(null, "visit of yours", appointmentId.toString()));
		List<FieldProblem> problems = new ArrayList<>();
		checkScore("painBefore", painBefore, problems);
		checkScore("painAfter", painAfter, problems);
		if (minutesTreated != null && (minutesTreated < 1 || minutesTreated > MAX_MINUTES)) {
			problems.add(new FieldProblem("minutesTreated",
					"Enter the minutes of treatment, from 1 to " + MAX_MINUTES + ", or leave it empty."));
		}
		if (note != null && note.length() > MAX_NOTE) {
			problems.add(new FieldProblem("note", "Keep the note under " + MAX_NOTE + " characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The session record cannot be saved as entered.", problems);
		}
		Instant now = clock.instant();
		String text = note == null || note.isBlank() ? null : note.strip();
		jdbc.sql("""
				INSERT INTO session_note (appointment_id, practitioner_id, patient_id, pain_before, pain_after, note,
				    written_at, updated_at, minutes_treated)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO UPDATE SET pain_before = EXCLUDED.pain_before,
				    pain_after = EXCLUDED.pain_after, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,
				    minutes_treated = EXCLUDED.minutes_treated""")
			.params(appointmentId, practitionerId, visit.patientId().value(), painBefore, painAfter,
					cipher.seal(text, NOTE.context(appointmentId)), Timestamp.from(now), Timestamp.from(now),
					minutesTreated)
			.update();
		audit.record(new AuditEvent(actor.id(), actor.role(), visit.patientId().value(), "UPDATE", "notes", null,
				actor.address(), AuditEvent.Outcome.SUCCESS));
		return new SessionNote(appointmentId, practitionerId, visit.patientId().value(), painBefore, painAfter, text,
				now, minutesTreated);
	}

	/** The record of one visit, opened for someone already allowed to see it; audited. */
	@Transactional
	public Optional<SessionNote> of(UUID appointmentId, Actor actor) {
		Optional<SessionNote> note = jdbc.sql("SELECT * FROM session_note WHERE appointment_id = ?")
			.param(appointmentId)
			.query(this::map)
			.optional();
		note.ifPresent(found -> audit.record(new AuditEvent(actor.id(), actor.role(), found.patientId(), "READ",
				"notes", null, actor.address(), AuditEvent.Outcome.SUCCESS)));
		return note;
	}

	/**
	 * Every session record of a patient, oldest first: their notes (audited) and their
	 * progress.
	 */
	@Transactional
	public List<SessionNote> ofPatient(PatientId patientId, Actor actor) {
		List<SessionNote> notes = jdbc.sql("SELECT * FROM session_note WHERE patient_id = ? ORDER BY written_at")
			.param(patientId.value())
			.query(this::map)
			.list();
		if (!notes.isEmpty()) {
			audit.record(new AuditEvent(actor.id(), actor.role(), patientId.value(), "READ", "notes", null,
					actor.address(), AuditEvent.Outcome.SUCCESS));
		}
		return notes;
	}

	private static void checkScore(String field, Integer score, List<FieldProblem> problems) {
		if (score != null && (score < 0 || score > 10)) {
			problems.add(new FieldProblem(field, "Pain is scored from 0 (none) to 10 (worst imaginable)."));
		}
	}

	private SessionNote map(ResultSet rs, int n) throws SQLException {
		UUID appointment = rs.getObject("appointment_id", UUID.class);
		return new SessionNote(appointment, rs.getString("practitioner_id"), rs.getObject("patient_id", UUID.class),
				(Integer) rs.getObject("pain_before", Integer.class),
				(Integer) rs.getObject("pain_after", Integer.class),
				cipher.open(rs.getString("note"), NOTE.context(appointment)), rs.getTimestamp("written_at").toInstant(),
				(Integer) rs.getObject("minutes_treated", Integer.class));
	}

	/**
	 * The minutes of treatment recorded for these visits, by visit; visits without them
	 * are left out. Nothing clinical is opened, so nothing is audited.
	 */
	public Map<UUID, Integer> minutesTreated(Collection<UUID> appointmentIds) {
		if (appointmentIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Integer> minutes = new HashMap<>();
		jdbc.sql("SELECT appointment_id, minutes_treated FROM session_note WHERE appointment_id = ANY(?) "
				+ "AND minutes_treated IS NOT NULL")
			.param(appointmentIds.toArray(UUID[]::new))
			.query((rs, n) -> minutes.put(rs.getObject("appointment_id", UUID.class), rs.getInt("minutes_treated")))
			.list();
		return minutes;
	}

}
