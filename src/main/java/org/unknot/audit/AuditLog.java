package org.unknot.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.audit.AuditEvent.Outcome;
import org.unknot.system.WritesAtCommit;

/**
 * Writes and reads the audit trail. An entry is written in the caller's transaction, so
 * it commits or rolls back with the change it records, and it takes no lock that another
 * writer waits for: it gets an id from a sequence and waits, in {@code audit_unchained},
 * for {@link AuditChainer} to seal it into the keyed chain moments later.
 */
@Service
public class AuditLog {

	private static final String INSERT = """
			WITH entry AS (
			    INSERT INTO audit_entry (at, actor, actor_role, patient_id, action, subject, reason, source_address,
			        outcome)
			    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			    RETURNING id)
			INSERT INTO audit_unchained (entry_id) SELECT id FROM entry RETURNING entry_id""";

	private static final String INSERT_AT_COMMIT = INSERT.replace(" RETURNING entry_id", "");

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	private final ChainKey key;

	private final WritesAtCommit atCommit;

	AuditLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ChainKey key, WritesAtCommit atCommit) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.key = key;
		this.atCommit = atCommit;
	}

	/** Appends in the caller's transaction (or its own, if there is none). */
	@Transactional
	public AuditEntry record(AuditEvent event) {
		Instant at = now();
		long id = jdbc.sql(INSERT).params(columns(at, event)).query(Long.class).single();
		return new AuditEntry(id, at, event);
	}

	/**
	 * Appends in the caller's transaction with its other deferred writes, just before it
	 * commits (one round trip for them all); for a caller that needs no entry back.
	 */
	@Transactional
	public void recordAtCommit(AuditEvent event) {
		atCommit.add(INSERT_AT_COMMIT, columns(now(), event));
	}

	/**
	 * Appends several entries at once, in the given order: a page that shows many
	 * patients (a clinic's day, a waitlist) writes one entry per patient shown.
	 */
	@Transactional
	public void recordAll(Collection<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Instant at = now();
		List<Object[]> rows = new ArrayList<>(events.size());
		for (AuditEvent event : events) {
			rows.add(columns(at, event));
		}
		batch.batchUpdate(INSERT, rows);
	}

	/**
	 * Appends in a transaction of its own, for what must be kept even when the caller's
	 * work is rolled back: a refused access, a failure.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public AuditEntry recordRegardless(AuditEvent event) {
		return record(event);
	}

	/**
	 * Who read this patient's information, newest first: what admins see on a patient's
	 * record.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> readsOf(UUID patientId) {
		atCommit.flush();
		return jdbc.sql("SELECT * FROM audit_entry WHERE patient_id = ? AND action = 'READ' ORDER BY id DESC")
			.param(patientId)
			.query(AuditLog::map)
			.list();
	}

	/** Every entry of this patient, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> entriesOf(UUID patientId) {
		atCommit.flush();
		return jdbc.sql("SELECT * FROM audit_entry WHERE patient_id = ? ORDER BY id DESC")
			.param(patientId)
			.query(AuditLog::map)
			.list();
	}

	/** Break-glass accesses, for admins to review. */
	@Transactional(readOnly = true)
	public List<AuditEntry> breakGlass(Instant since) {
		atCommit.flush();
		return jdbc.sql("SELECT * FROM audit_entry WHERE reason IS NOT NULL AND at >= ? ORDER BY id DESC")
			.param(Timestamp.from(since))
			.query(AuditLog::map)
			.list();
	}

	/**
	 * Walks the whole chain in order and answers whether it is intact, or names the first
	 * entry that is missing, altered, moved, or sealed without the key; and how many
	 * entries still wait to be sealed.
	 */
	@Transactional(readOnly = true)
	public ChainVerdict verify() {
		var walk = new ChainWalk(key);
		jdbc.sql("""
				SELECT l.position, l.key_id, l.previous_mac, l.mac, l.entry_id AS linked_id, e.*
				FROM audit_link l LEFT JOIN audit_entry e ON e.id = l.entry_id
				ORDER BY l.position""").query(rs -> {
			if (walk.intact()) {
				walk.next(rs);
			}
		});
		long waiting = jdbc.sql("SELECT count(*) FROM audit_unchained").query(Long.class).single();
		if (walk.intact()) {
			jdbc.sql("""
					SELECT min(e.id) FROM audit_entry e
					WHERE NOT EXISTS (SELECT 1 FROM audit_link l WHERE l.entry_id = e.id)
					  AND NOT EXISTS (SELECT 1 FROM audit_unchained u WHERE u.entry_id = e.id)""")
				.query(Long.class)
				.optional()
				.ifPresent(walk::outsideTheChain);
		}
		return walk.verdict(waiting);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Object[] columns(Instant at, AuditEvent event) {
		return new Object[] { Timestamp.from(at), event.actor(), event.actorRole(), event.patientId(), event.action(),
				event.subject(), event.reason(), event.sourceAddress(), event.outcome().name() };
	}

	static AuditEntry map(ResultSet rs, int n) throws SQLException {
		String patient = rs.getString("patient_id");
		var event = new AuditEvent(rs.getString("actor"), rs.getString("actor_role"),
				patient == null ? null : UUID.fromString(patient), rs.getString("action"), rs.getString("subject"),
				rs.getString("reason"), rs.getString("source_address"), Outcome.valueOf(rs.getString("outcome")));
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), event);
	}

	/**
	 * The result of a verification: intact, or the first broken entry and why; and how
	 * many entries were sealed and how many still wait.
	 */
	public record ChainVerdict(long entries, Long firstBroken, String why, long waiting) {

		public boolean intact() {
			return firstBroken == null;
		}
	}

}
