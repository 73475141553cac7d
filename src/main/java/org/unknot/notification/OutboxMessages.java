package org.unknot.notification;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.WritesAtCommit;

/**
 * The outbox. Rows are planned with their unique key (subject, kind, occurrence,
 * channel), so planning twice plans once; claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * two dispatchers never take the same row; and marked 'sending' with a lease before
 * anything leaves, so a send that a crash interrupted is found again and recognised as a
 * possible resend.
 */
@Repository
public class OutboxMessages {

	private final JdbcClient jdbc;

	private final WritesAtCommit atCommit;

	OutboxMessages(JdbcClient jdbc, WritesAtCommit atCommit) {
		this.jdbc = jdbc;
		this.atCommit = atCommit;
	}

	/** Plans a message; false if one with the same key was planned before. */
	boolean plan(UUID subjectId, UUID patientId, MessageKind kind, String occurrence, Channel channel, Instant dueAt,
			Instant expiresAt, Prepared prepared) {
		return insert(subjectId, patientId, null, kind, occurrence, channel, dueAt, expiresAt, prepared);
	}

	/**
	 * Plans an email to an address that is no patient's (yet); false if one with the same
	 * key was planned before.
	 */
	boolean planTo(String address, UUID subjectId, MessageKind kind, String occurrence, Instant dueAt,
			Instant expiresAt, Prepared prepared) {
		return insert(subjectId, null, address, kind, occurrence, Channel.EMAIL, dueAt, expiresAt, prepared);
	}

	private boolean insert(UUID subjectId, UUID patientId, String recipient, MessageKind kind, String occurrence,
			Channel channel, Instant dueAt, Instant expiresAt, Prepared prepared) {
		return planAll(List.of(new Planned(subjectId, patientId, recipient, kind, occurrence, channel, dueAt, expiresAt,
				prepared))) == 1;
	}

	/**
	 * Plans these messages in one statement (a booking's confirmation and reminders: one
	 * round trip instead of three); one planned before under the same key is left as it
	 * is. Answers how many were new.
	 */
	int planAll(List<Planned> messages) {
		if (messages.isEmpty()) {
			return 0;
		}
		List<Object> params = new ArrayList<>(messages.size() * 13);
		return sql(insertOf(messages, params)).params(params).update();
	}

	/**
	 * Plans these messages with the transaction's other deferred writes, just before it
	 * commits, for a caller that needs no answer (a booking's confirmation and
	 * reminders): they still commit or roll back with it, one planned before under the
	 * same key is still left as it is, and every other statement here sends them first.
	 */
	void planAtCommit(List<Planned> messages) {
		if (messages.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>(messages.size() * 13);
		atCommit.add(insertOf(messages, params), params.toArray());
	}

	/**
	 * Every statement of the outbox: what this transaction deferred goes first, so that
	 * it reads, updates and de-duplicates against its own plans.
	 */
	private JdbcClient.StatementSpec sql(String sql) {
		atCommit.flush();
		return jdbc.sql(sql);
	}

	private static String insertOf(List<Planned> messages, List<Object> params) {
		StringBuilder sql = new StringBuilder("""
				INSERT INTO outbox_message (id, subject_id, patient_id, recipient, kind, occurrence, channel, due_at,
				    expires_at, message_id, subject, body_text, body_html)
				VALUES\s""");
		for (Planned message : messages) {
			Prepared prepared = message.prepared();
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			params.addAll(Arrays.asList(UUID.randomUUID(), message.subjectId(), message.patientId(),
					message.recipient(), message.kind().name(), message.occurrence(), message.channel().name(),
					utc(message.dueAt()), utc(message.expiresAt()),
					messageId(message.subjectId(), message.kind(), message.occurrence(), message.channel()),
					prepared == null ? null : prepared.subject(), prepared == null ? null : prepared.text(),
					prepared == null ? null : prepared.html()));
		}
		return sql.append(" ON CONFLICT (subject_id, kind, occurrence, channel) DO NOTHING").toString();
	}

	/**
	 * The Message-ID of the message with this key: derived from the key alone, so every
	 * attempt, by any dispatcher, before or after a crash, carries the same one.
	 */
	static String messageId(UUID subjectId, MessageKind kind, String occurrence, Channel channel) {
		String key = subjectId + "/" + kind + "/" + occurrence + "/" + channel;
		return "<" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + "@unknot>";
	}

	/**
	 * Drops what is still to be sent about the subject, of these kinds; what is being
	 * sent right now stops too.
	 */
	int dropUnsent(UUID subjectId, Collection<MessageKind> kinds, String why) {
		return sql("""
				UPDATE outbox_message SET status = 'dropped', dropped_why = ?, lease_owner = NULL, lease_until = NULL
				WHERE subject_id = ? AND kind = ANY(?) AND status IN ('pending', 'sending')""")
			.params(why, subjectId, names(kinds))
			.update();
	}

	/**
	 * Claims up to {@code limit} due rows for this dispatcher: pending ones that are due,
	 * and 'sending' ones whose lease ran out (their dispatcher died mid-send). A row that
	 * was handed over before is marked as a possible resend. Answers the rows as claimed,
	 * in the order they were due.
	 */
	List<OutboxMessage> claim(String owner, Instant now, Instant leaseUntil, int limit, int maxAttempts) {
		// a message whose dispatchers keep dying while sending it is given up, not tried
		// forever
		sql("""
				UPDATE outbox_message SET status = 'failed', lease_owner = NULL, lease_until = NULL,
				    last_error = 'its dispatcher stopped while sending it, ' || attempts || ' times'
				WHERE status = 'sending' AND lease_until <= ? AND attempts >= ?""").params(utc(now), maxAttempts)
			.update();
		// in the order they were due, so one dispatcher tells a patient of a booking
		// before of its move. A
		// row is 'sending' only once it was due, so both kinds lie within due_at <= now:
		// the due index then
		// reads just what is due, not every reminder planned for the weeks ahead
		return sql("""
				WITH claimed AS (
				    UPDATE outbox_message m SET status = 'sending', lease_owner = ?, lease_until = ?,
				        attempts = attempts + 1,
				        resend = EXISTS (SELECT 1 FROM outbox_handover h WHERE h.message_id = m.id)
				    WHERE id IN (SELECT id FROM outbox_message
				                 WHERE status IN ('pending', 'sending') AND due_at <= ?
				                   AND (status = 'pending' OR lease_until <= ?)
				                 ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
				    RETURNING m.*)
				SELECT * FROM claimed ORDER BY due_at, created_at, id""")
			.params(owner, utc(leaseUntil), utc(now), utc(now), limit)
			.query(OutboxMessages::map)
			.list();
	}

	Optional<OutboxMessage> find(UUID id) {
		return sql("SELECT * FROM outbox_message WHERE id = ?").param(id).query(OutboxMessages::map).optional();
	}

	/** The row, locked, if this dispatcher still holds it. */
	Optional<OutboxMessage> lockClaimed(UUID id, String owner) {
		return sql("SELECT * FROM outbox_message WHERE id = ? AND status = 'sending' AND lease_owner = ? FOR UPDATE")
			.params(id, owner)
			.query(OutboxMessages::map)
			.optional();
	}

	/**
	 * Records, in a transaction of its own that commits before the hand-over, that this
	 * attempt is about to hand the message over, and exactly what: from now on it may
	 * have reached the patient.
	 */
	void handingOver(UUID id, int attempt, String dispatcher, Instant now, HandedOver message) {
		sql("""
				INSERT INTO outbox_handover (message_id, attempt, dispatcher, handed_at, recipient, subject, body_text,
				    body_html, calendar, calendar_type)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(id, attempt, dispatcher, utc(now), message.recipient(), message.subject(), message.text(),
					message.html(), message.calendar(), message.calendarType())
			.update();
	}

	/** What the latest attempt that may have reached the patient handed over. */
	Optional<HandedOver> lastHandedOver(UUID id) {
		return sql("""
				SELECT * FROM outbox_handover WHERE message_id = ? ORDER BY attempt DESC LIMIT 1""").param(id)
			.query((rs, n) -> new HandedOver(rs.getString("recipient"), rs.getString("subject"),
					rs.getString("body_text"), rs.getString("body_html"), rs.getBytes("calendar"),
					rs.getString("calendar_type")))
			.optional();
	}

	/** The transport refused this attempt: it did not reach the patient. */
	void notHandedOver(UUID id, int attempt) {
		sql("DELETE FROM outbox_handover WHERE message_id = ? AND attempt = ?").params(id, attempt).update();
	}

	/**
	 * Whether any message of these kinds about the subject has been, or may have been,
	 * handed over.
	 */
	boolean mayHaveGoneOut(UUID subjectId, Collection<MessageKind> kinds) {
		return sql("""
				SELECT EXISTS (SELECT 1 FROM outbox_message m WHERE m.subject_id = ? AND m.kind = ANY(?)
				    AND (m.status = 'sent' OR EXISTS (SELECT 1 FROM outbox_handover h WHERE h.message_id = m.id)))""")
			.params(subjectId, names(kinds))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The messages of this kind about the subject on this channel that are still to go
	 * out and have certainly never been handed over (so the patient has not seen them,
	 * and they can still be replaced).
	 */
	List<OutboxMessage> neverHandedOver(UUID subjectId, MessageKind kind, Channel channel) {
		return sql("""
				SELECT * FROM outbox_message m WHERE m.subject_id = ? AND m.kind = ? AND m.channel = ?
				    AND m.status IN ('pending', 'sending')
				    AND NOT EXISTS (SELECT 1 FROM outbox_handover h WHERE h.message_id = m.id)""")
			.params(subjectId, kind.name(), channel.name())
			.query(OutboxMessages::map)
			.list();
	}

	/**
	 * Drops one row still to go out (a dispatcher that claimed it will find it gone and
	 * send nothing).
	 */
	boolean dropUnsent(UUID id, String why) {
		return sql("""
				UPDATE outbox_message SET status = 'dropped', dropped_why = ?, lease_owner = NULL, lease_until = NULL
				WHERE id = ? AND status IN ('pending', 'sending')""").params(why, id).update() == 1;
	}

	void markSent(UUID id, String transport, String recipient, String subject, String text, String html, Instant now) {
		sql("""
				UPDATE outbox_message SET status = 'sent', transport = ?, recipient = ?, subject = ?, body_text = ?,
				    body_html = ?, sent_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL
				WHERE id = ?""").params(transport, recipient, subject, text, html, utc(now), id).update();
	}

	void drop(UUID id, String why) {
		sql("""
				UPDATE outbox_message SET status = 'dropped', dropped_why = ?, lease_owner = NULL, lease_until = NULL
				WHERE id = ?""").params(why, id).update();
	}

	/** After a failed attempt: back to pending at {@code retryAt}, or failed for good. */
	void failed(UUID id, String owner, String error, Instant retryAt, boolean giveUp) {
		sql("""
				UPDATE outbox_message SET status = ?, due_at = COALESCE(?, due_at), last_error = ?, lease_owner = NULL,
				    lease_until = NULL
				WHERE id = ? AND status = 'sending' AND lease_owner = ?""")
			.params(giveUp ? "failed" : "pending", giveUp ? null : utc(retryAt), error, id, owner)
			.update();
	}

	/** Messages handed over, the last sent first. */
	public List<OutboxMessage> sentLately(int limit) {
		return sql("SELECT * FROM outbox_message WHERE sent_at IS NOT NULL ORDER BY sent_at DESC, id LIMIT ?")
			.param(limit)
			.query(OutboxMessages::map)
			.list();
	}

	/**
	 * Messages not handed over (waiting, being retried, given up or not to be sent), the
	 * soonest due first: a reminder planned for next spring must not hide what went out
	 * today.
	 */
	public List<OutboxMessage> notSent(int limit) {
		return sql("SELECT * FROM outbox_message WHERE sent_at IS NULL ORDER BY due_at, id LIMIT ?").param(limit)
			.query(OutboxMessages::map)
			.list();
	}

	public List<OutboxMessage> about(UUID subjectId) {
		return sql("SELECT * FROM outbox_message WHERE subject_id = ? ORDER BY due_at, kind, occurrence, channel")
			.param(subjectId)
			.query(OutboxMessages::map)
			.list();
	}

	/**
	 * Of these messages, those handed over with a calendar file attached (an invitation,
	 * its update or its cancellation).
	 */
	public Set<UUID> withCalendar(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(sql("""
				SELECT DISTINCT message_id FROM outbox_handover
				WHERE message_id = ANY(CAST(? AS uuid[])) AND calendar IS NOT NULL""")
			.param(ids.stream().map(UUID::toString).toArray(String[]::new))
			.query(UUID.class)
			.list());
	}

	/**
	 * The calendar file the message was last handed over with, and its media type (its
	 * iTIP method named), as the patient's mail program received it.
	 */
	public Optional<CalendarFile> calendarOf(UUID id) {
		return lastHandedOver(id).filter(message -> message.calendar() != null)
			.map(message -> new CalendarFile(message.calendar(), message.calendarType()));
	}

	/** A calendar file attached to an email: its bytes and media type. */
	public record CalendarFile(byte[] content, String type) {
	}

	/** A message as handed over: to whom, and every part of it. */
	record HandedOver(String recipient, String subject, String text, String html, byte[] calendar,
			String calendarType) {
	}

	/**
	 * Content decided when the message is planned (for messages not about an
	 * appointment's current state).
	 */
	public record Prepared(String subject, String text, String html) {
	}

	/**
	 * One message to plan, under its key (subject, kind, occurrence, channel), to a
	 * patient or an address.
	 */
	record Planned(UUID subjectId, UUID patientId, String recipient, MessageKind kind, String occurrence,
			Channel channel, Instant dueAt, Instant expiresAt, Prepared prepared) {

		Planned(UUID subjectId, UUID patientId, MessageKind kind, String occurrence, Channel channel, Instant dueAt,
				Instant expiresAt, Prepared prepared) {
			this(subjectId, patientId, null, kind, occurrence, channel, dueAt, expiresAt, prepared);
		}
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

	private static String[] names(Collection<MessageKind> kinds) {
		return kinds.stream().map(Enum::name).toArray(String[]::new);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
