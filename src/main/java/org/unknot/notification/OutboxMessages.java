package org.unknot.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox. Rows are planned with their unique key (subject, kind, occurrence, channel), so planning
 * twice plans once; claimed with {@code FOR UPDATE SKIP LOCKED}, so two dispatchers never take the same
 * row; and marked 'sending' with a lease before anything leaves, so a send that a crash interrupted is
 * found again and recognised as a possible resend.
 */
@Repository
public class OutboxMessages {

	private final JdbcClient jdbc;

	OutboxMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Plans a message; false if one with the same key was planned before. */
	boolean plan(UUID subjectId, UUID patientId, MessageKind kind, String occurrence, Channel channel, Instant dueAt,
			Instant expiresAt, Prepared prepared) {
		return insert(subjectId, patientId, null, kind, occurrence, channel, dueAt, expiresAt, prepared);
	}

	/** Plans an email to an address that is no patient's (yet); false if one with the same key was planned before. */
	boolean planTo(String address, UUID subjectId, MessageKind kind, String occurrence, Instant dueAt,
			Instant expiresAt, Prepared prepared) {
		return insert(subjectId, null, address, kind, occurrence, Channel.EMAIL, dueAt, expiresAt, prepared);
	}

	private boolean insert(UUID subjectId, UUID patientId, String recipient, MessageKind kind, String occurrence,
			Channel channel, Instant dueAt, Instant expiresAt, Prepared prepared) {
		UUID id = UUID.randomUUID();
		return jdbc.sql("""
				INSERT INTO outbox_message (id, subject_id, patient_id, recipient, kind, occurrence, channel, due_at,
				    expires_at, message_id, subject, body_text, body_html)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (subject_id, kind, occurrence, channel) DO NOTHING""")
			.params(id, subjectId, patientId, recipient, kind.name(), occurrence, channel.name(), utc(dueAt),
					utc(expiresAt), "<" + id + "@unknot>", prepared == null ? null : prepared.subject(),
					prepared == null ? null : prepared.text(), prepared == null ? null : prepared.html())
			.update() == 1;
	}

	/** Drops what is still to be sent about the subject, of these kinds; what is being sent right now stops too. */
	int dropUnsent(UUID subjectId, Collection<MessageKind> kinds, String why) {
		return jdbc.sql("""
				UPDATE outbox_message SET status = 'dropped', dropped_why = ?, lease_owner = NULL, lease_until = NULL
				WHERE subject_id = ? AND kind = ANY(?) AND status IN ('pending', 'sending')""")
			.params(why, subjectId, kinds.stream().map(Enum::name).toArray(String[]::new))
			.update();
	}

	/**
	 * Claims up to {@code limit} due rows for this dispatcher: pending ones that are due, and 'sending'
	 * ones whose lease ran out (their dispatcher died mid-send; they are marked as possible resends).
	 */
	List<UUID> claim(String owner, Instant now, Instant leaseUntil, int limit, int maxAttempts) {
		// a message whose dispatchers keep dying while sending it is given up, not tried forever
		jdbc.sql("""
				UPDATE outbox_message SET status = 'failed', lease_owner = NULL, lease_until = NULL,
				    last_error = 'its dispatcher stopped while sending it, ' || attempts || ' times'
				WHERE status = 'sending' AND lease_until <= ? AND attempts >= ?""")
			.params(utc(now), maxAttempts)
			.update();
		return jdbc.sql("""
				UPDATE outbox_message SET resend = (status = 'sending'), status = 'sending', lease_owner = ?,
				    lease_until = ?, attempts = attempts + 1
				WHERE id IN (SELECT id FROM outbox_message
				             WHERE (status = 'pending' AND due_at <= ?) OR (status = 'sending' AND lease_until <= ?)
				             ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id""")
			.params(owner, utc(leaseUntil), utc(now), utc(now), limit)
			.query(UUID.class)
			.list();
	}

	Optional<OutboxMessage> find(UUID id) {
		return jdbc.sql("SELECT * FROM outbox_message WHERE id = ?").param(id).query(OutboxMessages::map).optional();
	}

	/** The row, locked, if this dispatcher still holds it. */
	Optional<OutboxMessage> lockClaimed(UUID id, String owner) {
		return jdbc.sql("SELECT * FROM outbox_message WHERE id = ? AND status = 'sending' AND lease_owner = ? FOR UPDATE")
			.params(id, owner)
			.query(OutboxMessages::map)
			.optional();
	}

	void markSent(UUID id, String transport, String recipient, String subject, String text, String html, Instant now) {
		jdbc.sql("""
				UPDATE outbox_message SET status = 'sent', transport = ?, recipient = ?, subject = ?, body_text = ?,
				    body_html = ?, sent_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL
				WHERE id = ?""")
			.params(transport, recipient, subject, text, html, utc(now), id)
			.update();
	}

	void drop(UUID id, String why) {
		jdbc.sql("""
				UPDATE outbox_message SET status = 'dropped', dropped_why = ?, lease_owner = NULL, lease_until = NULL
				WHERE id = ?""").params(why, id).update();
	}

	/** After a failed attempt: back to pending at {@code retryAt}, or failed for good. */
	void failed(UUID id, String owner, String error, Instant retryAt, boolean giveUp) {
		jdbc.sql("""
				UPDATE outbox_message SET status = ?, due_at = COALESCE(?, due_at), last_error = ?, lease_owner = NULL,
				    lease_until = NULL
				WHERE id = ? AND status = 'sending' AND lease_owner = ?""")
			.params(giveUp ? "failed" : "pending", giveUp ? null : utc(retryAt), error, id, owner)
			.update();
	}

	public List<OutboxMessage> recent(int limit) {
		return jdbc.sql("SELECT * FROM outbox_message ORDER BY COALESCE(sent_at, due_at) DESC, id LIMIT ?")
			.param(limit)
			.query(OutboxMessages::map)
			.list();
	}

	public List<OutboxMessage> about(UUID subjectId) {
		return jdbc.sql("SELECT * FROM outbox_message WHERE subject_id = ? ORDER BY due_at, kind, occurrence, channel")
			.param(subjectId)
			.query(OutboxMessages::map)
			.list();
	}

	/** Content decided when the message is planned (for messages not about an appointment's current state). */
	public record Prepared(String subject, String text, String html) {
	}

	private static OutboxMessage map(ResultSet rs, int n) throws SQLException {
		return new OutboxMessage(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
				rs.getObject("patient_id", UUID.class), MessageKind.valueOf(rs.getString("kind")),
				rs.getString("occurrence"), Channel.valueOf(rs.getString("channel")), instant(rs, "due_at"),
				instant(rs, "expires_at"), rs.getString("status"), rs.getInt("attempts"), rs.getString("lease_owner"),
				instant(rs, "lease_until"), rs.getBoolean("resend"), rs.getString("message_id"),
				rs.getString("transport"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), rs.getString("last_error"),
				rs.getString("dropped_why"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
