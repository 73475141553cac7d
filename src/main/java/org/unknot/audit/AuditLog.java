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

/**
 * Writes and reads the audit trail. Appending takes a transaction-scoped advisory lock,
 * so entries get consecutive ids and each links to the one before, however many writers
 * there are; an entry written with a change commits or rolls back with it.
 */
@Service
public class AuditLog {

	/** Any fixed number; it names the lock that orders audit entries. */
	private static final long CHAIN_LOCK = 0x756e6b6e6f74L;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/** Appends in the caller's transaction (or its own, if there is none). */
	@Transactional
	public AuditEntry record(AuditEvent event) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
		Last last = jdbc.sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> new Last(rs.getLong("id"), rs.getBytes("hash")))
			.optional()
			.orElse(new Last(0, AuditEntry.GENESIS));
		long id = last.id() + 1;
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		byte[] hash = AuditEntry.hashOf(id, at, event, last.hash());
		jdbc.sql("""
				INSERT INTO audit_entry (id, at, actor, actor_role, patient_id, action, subject, reason, source_address,
				    outcome, previous_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(at), event.actor(), event.actorRole(), event.patientId(), event.action(),
					event.subject(), event.reason(), event.sourceAddress(), event.outcome().name(), last.hash(), hash)
			.update();
		return new AuditEntry(id, at, event, last.hash(), hash);
	}

	/**
	 * Appends several entries at once, in the given order, under one lock: a page that
	 * shows many patients (a clinic's day, a waitlist) writes one entry per patient
	 * shown.
	 */
	@Transactional
	public void recordAll(Collection<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
		Last last = jdbc.sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> new Last(rs.getLong("id"), rs.getBytes("hash")))
			.optional()
			.orElse(new Last(0, AuditEntry.GENESIS));
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Object[]> rows = new ArrayList<>();
		long id = last.id();
		byte[] previous = last.hash();
		for (AuditEvent event : events) {
			id++;
			byte[] hash = AuditEntry.hashOf(id, at, event, previous);
			rows.add(new Object[] { id, Timestamp.from(at), event.actor(), event.actorRole(), event.patientId(),
					event.action(), event.subject(), event.reason(), event.sourceAddress(), event.outcome().name(),
					previous, hash });
			previous = hash;
		}
		batch.batchUpdate("""
				INSERT INTO audit_entry (id, at, actor, actor_role, patient_id, action, subject, reason, source_address,
				    outcome, previous_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
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
		return jdbc.sql("SELECT * FROM audit_entry WHERE patient_id = ? AND action = 'READ' ORDER BY id DESC")
			.param(patientId)
			.query(AuditLog::map)
			.list();
	}

	/** Every entry of this patient, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> entriesOf(UUID patientId) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE patient_id = ? ORDER BY id DESC")
			.param(patientId)
			.query(AuditLog::map)
			.list();
	}

	/** Break-glass accesses, for admins to review. */
	@Transactional(readOnly = true)
	public List<AuditEntry> breakGlass(Instant since) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE reason IS NOT NULL AND at >= ? ORDER BY id DESC")
			.param(Timestamp.from(since))
			.query(AuditLog::map)
			.list();
	}

	/**
	 * Walks the whole chain in id order and answers whether it is intact, or names the
	 * first entry whose hash does not match its content or whose link does not match the
	 * entry before it.
	 */
	@Transactional(readOnly = true)
	public ChainVerdict verify() {
		var walk = new ChainWalk();
		jdbc.sql("SELECT * FROM audit_entry ORDER BY id").query(rs -> {
			if (walk.broken == null) {
				walk.next(map(rs, 0));
			}
		});
		return walk.verdict();
	}

	static AuditEntry map(ResultSet rs, int n) throws SQLException {
		String patient = rs.getString("patient_id");
		var event = new AuditEvent(rs.getString("actor"), rs.getString("actor_role"),
				patient == null ? null : UUID.fromString(patient), rs.getString("action"), rs.getString("subject"),
				rs.getString("reason"), rs.getString("source_address"), Outcome.valueOf(rs.getString("outcome")));
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), event, rs.getBytes("previous_hash"),
				rs.getBytes("hash"));
	}

	private record Last(long id, byte[] hash) {
	}

	/** The result of a verification: intact, or the first broken entry and why. */
	public record ChainVerdict(long entries, Long firstBroken, String why) {

		public boolean intact() {
			return firstBroken == null;
		}
	}

	private static final class ChainWalk {

		private long count;

		private long expectedId = 1;

		private byte[] previous = AuditEntry.GENESIS;

		private Long broken;

		private String why;

		void next(AuditEntry entry) {
			count++;
			if (entry.id() != expectedId) {
				fail(entry.id(), "entry " + expectedId + " is missing before it");
			}
			else if (!java.security.MessageDigest.isEqual(entry.previousHash(), previous)) {
				fail(entry.id(), "its link does not match the entry before it");
			}
			else if (!entry.hashMatches()) {
				fail(entry.id(), "its content does not match its hash");
			}
			previous = entry.hash();
			expectedId = entry.id() + 1;
		}

		private void fail(long id, String reason) {
			broken = id;
			why = reason;
		}

		ChainVerdict verdict() {
			return new ChainVerdict(count, broken, why);
		}

	}

}
