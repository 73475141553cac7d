package org.unknot.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waitlist's entries, openings and offers. */
@Repository
class WaitlistStore {

	private static final String OFFER = """
			SELECT o.*, p.service_id, p.practitioner_id, p.location, p.start_at
			FROM waitlist_offer o JOIN waitlist_opening p ON p.id = o.opening_id""";

	private final JdbcClient jdbc;

	WaitlistStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	WaitlistEntry add(UUID patientId, WaitlistRequest request, byte[] tokenHash) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO waitlist_entry (id, patient_id, service_id, practitioner_id, location, first_day, last_day,
				    earliest, latest, token_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, request.serviceId(), request.practitionerId(),
					request.location() == null ? null : request.location().value(), request.firstDay(),
					request.lastDay(), request.earliest(), request.latest(), tokenHash)
			.update();
		return entry(id).orElseThrow();
	}

	Optional<WaitlistEntry> entry(UUID id) {
		return jdbc.sql("SELECT * FROM waitlist_entry WHERE id = ?").param(id).query(WaitlistStore::entry).optional();
	}

	/** The entry, locked until the transaction ends: its state changes take turns. */
	Optional<WaitlistEntry> lockEntry(UUID id) {
		return jdbc.sql("SELECT * FROM waitlist_entry WHERE id = ? FOR UPDATE")
			.param(id)
			.query(WaitlistStore::entry)
			.optional();
	}

	Optional<byte[]> entryTokenHash(UUID id) {
		return jdbc.sql("SELECT token_hash FROM waitlist_entry WHERE id = ?").param(id).query(byte[].class).optional();
	}

	List<WaitlistEntry> entries(String serviceId, boolean activeOnly) {
		return jdbc
			.sql("SELECT * FROM waitlist_entry WHERE (CAST(? AS text) IS NULL OR service_id = ?)"
					+ (activeOnly ? " AND status IN ('waiting', 'offered')" : "") + " ORDER BY position")
			.params(serviceId, serviceId)
			.query(WaitlistStore::entry)
			.list();
	}

	/** Keeps the state the entry's verbs gave it. */
	void save(WaitlistEntry entry) {
		jdbc.sql("UPDATE waitlist_entry SET status = ?, appointment_id = ? WHERE id = ?")
			.params(entry.status(), entry.appointmentId(), entry.id())
			.update();
	}

	/**
	 * Opens a freed time to the waitlist, once: a time already open stays one opening.
	 */
	void open(String serviceId, String practitionerId, String location, Instant start) {
		jdbc.sql("""
				INSERT INTO waitlist_opening (id, service_id, practitioner_id, location, start_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (practitioner_id, start_at, service_id, location) WHERE status = 'open' DO NOTHING""")
			.params(UUID.randomUUID(), serviceId, practitionerId, location, utc(start))
			.update();
	}

	List<UUID> openOpenings() {
		return jdbc.sql("SELECT id FROM waitlist_opening WHERE status = 'open' ORDER BY created_at")
			.query(UUID.class)
			.list();
	}

	/**
	 * The opening, locked: offers, accepts and the worker of every instance take turns on
	 * it.
	 */
	Optional<Opening> lockOpening(UUID id, boolean skipLocked) {
		return jdbc.sql("SELECT * FROM waitlist_opening WHERE id = ? FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""))
			.param(id)
			.query((rs, n) -> new Opening(rs.getObject("id", UUID.class), rs.getString("service_id"),
					rs.getString("practitioner_id"), rs.getString("location"), instant(rs, "start_at"),
					rs.getString("status")))
			.optional();
	}

	/** Keeps the state the opening's verbs gave it. */
	void save(Opening opening) {
		jdbc.sql("UPDATE waitlist_opening SET status = ? WHERE id = ?").params(opening.status(), opening.id()).update();
	}

	/**
	 * The first waiting patient in line whose wishes the opening meets and who has not
	 * had it offered yet.
	 */
	Optional<WaitlistEntry> nextInLine(Opening opening, LocalDate day, LocalTime time) {
		return jdbc.sql("""
				SELECT e.* FROM waitlist_entry e
				WHERE e.status = 'waiting' AND e.service_id = ?
				  AND (e.practitioner_id IS NULL OR e.practitioner_id = ?)
				  AND (e.location IS NULL OR e.location = ?)
				  AND ? BETWEEN e.first_day AND e.last_day
				  AND ? BETWEEN e.earliest AND e.latest
				  AND NOT EXISTS (SELECT 1 FROM waitlist_offer o WHERE o.opening_id = ? AND o.entry_id = e.id)
				ORDER BY e.position
				LIMIT 1
				FOR UPDATE SKIP LOCKED""")
			.params(opening.serviceId(), opening.practitionerId(), opening.location(), day, time, opening.id())
			.query(WaitlistStore::entry)
			.optional();
	}

	void addOffer(UUID id, UUID openingId, UUID entryId, UUID holdId, Instant expiresAt, byte[] tokenHash) {
		jdbc.sql("""
				INSERT INTO waitlist_offer (id, opening_id, entry_id, hold_id, expires_at, token_hash)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, openingId, entryId, holdId, utc(expiresAt), tokenHash)
			.update();
	}

	Optional<WaitlistOffer> offer(UUID id) {
		return jdbc.sql(OFFER + " WHERE o.id = ?").param(id).query(WaitlistStore::offer).optional();
	}

	Optional<byte[]> offerTokenHash(UUID id) {
		return jdbc.sql("SELECT token_hash FROM waitlist_offer WHERE id = ?").param(id).query(byte[].class).optional();
	}

	Optional<WaitlistOffer> openOfferOf(UUID openingId) {
		return jdbc.sql(OFFER + " WHERE o.opening_id = ? AND o.status = 'open'")
			.param(openingId)
			.query(WaitlistStore::offer)
			.optional();
	}

	/** Keeps the state the offer's verbs gave it. */
	void save(WaitlistOffer offer) {
		jdbc.sql("UPDATE waitlist_offer SET status = ?, appointment_id = ? WHERE id = ?")
			.params(offer.status(), offer.appointmentId(), offer.id())
			.update();
	}

	/**
	 * A freed time: open while it is offered to the patients in line, then filled (one of
	 * them took it) or exhausted (nobody could or would); those two verbs apply only to
	 * an open opening.
	 */
	record Opening(UUID id, String serviceId, String practitionerId, String location, Instant start, String status) {

		static final String OPEN = "open";

		static final String FILLED = "filled";

		static final String EXHAUSTED = "exhausted";

		boolean isOpen() {
			return status.equals(OPEN);
		}

		boolean isFilled() {
			return status.equals(FILLED);
		}

		/** Whether it can no longer be offered at {@code now}: it has begun. */
		boolean hasBegunAt(Instant now) {
			return !now.isBefore(start);
		}

		Opening fill() {
			return closeAs(FILLED, "be filled");
		}

		Opening exhaust() {
			return closeAs(EXHAUSTED, "be exhausted");
		}

		private Opening closeAs(String newStatus, String verb) {
			if (!isOpen()) {
				throw new WaitlistTransitionNotAllowed("opening", id, verb, status);
			}
			return new Opening(id, serviceId, practitionerId, location, start, newStatus);
		}

	}

	private static WaitlistEntry entry(ResultSet rs, int n) throws SQLException {
		return new WaitlistEntry(rs.getObject("id", UUID.class), rs.getLong("position"),
				rs.getObject("patient_id", UUID.class), rs.getString("service_id"), rs.getString("practitioner_id"),
				rs.getString("location"), rs.getObject("first_day", LocalDate.class),
				rs.getObject("last_day", LocalDate.class), rs.getObject("earliest", LocalTime.class),
				rs.getObject("latest", LocalTime.class), rs.getString("status"),
				rs.getObject("appointment_id", UUID.class), instant(rs, "created_at"));
	}

	private static WaitlistOffer offer(ResultSet rs, int n) throws SQLException {
		return new WaitlistOffer(rs.getObject("id", UUID.class), rs.getObject("opening_id", UUID.class),
				rs.getObject("entry_id", UUID.class), rs.getObject("hold_id", UUID.class), rs.getString("service_id"),
				rs.getString("practitioner_id"), rs.getString("location"), instant(rs, "start_at"),
				instant(rs, "expires_at"), rs.getString("status"), rs.getObject("appointment_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
