package org.unknot.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * The appointments and holds. Writes that would overlap another live visit of the same
 * practitioner, room or patient are refused by PostgreSQL and surface as
 * {@link Clash.Refused}.
 */
@Repository
public class Appointments {

	private static final String LIVE = "('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')";

	private static final String INSERT = """
			INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
			    patient_id, series_id, start_at, end_at, blocked_from, blocked_to, hold_expires_at,
			    manage_token_hash, cancellation_reason, sequence)
			VALUES (:id, :status, :service, :practitioner, :clinic, :room, :roomKind, :patient, :series, :start,
			    :end, :blockedFrom, :blockedTo, :holdExpiresAt, :token, :reason, :sequence)""";

	private final JdbcClient jdbc;

	Appointments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Appointment> find(UUID id) {
		return jdbc.sql("SELECT * FROM appointment WHERE id = ?").param(id).query(Appointments::map).optional();
	}

	/**
	 * The appointment, share-locked until the caller's transaction ends: meanwhile nobody
	 * can move or cancel it (e.g. while a message about it goes out).
	 */
	public Optional<Appointment> findShareLocked(UUID id) {
		return jdbc.sql("SELECT * FROM appointment WHERE id = ? FOR SHARE")
			.param(id)
			.query(Appointments::map)
			.optional();
	}

	/**
	 * The practitioner's booked, arrived, checked-in and fulfilled visits starting in
	 * [from, to), earliest first.
	 */
	public List<Appointment> visitsOfPractitioner(PractitionerId practitionerId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT * FROM appointment WHERE practitioner_id = ? AND status IN ('booked', 'arrived', 'checked-in',
				    'fulfilled') AND start_at >= ? AND start_at < ? ORDER BY start_at""")
			.params(practitionerId.value(), utc(from), utc(to))
			.query(Appointments::map)
			.list();
	}

	Optional<Appointment> lock(UUID id) {
		return jdbc.sql("SELECT * FROM appointment WHERE id = ? FOR UPDATE")
			.param(id)
			.query(Appointments::map)
			.optional();
	}

	/**
	 * The visits (not holds) at a location that start in [from, to), cancelled ones
	 * included, by start: what a clinic's calendar shows (or, for
	 * {@link LocationId#VIRTUAL}, the video visits).
	 */
	public List<Appointment> atLocation(LocationId location, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT * FROM appointment WHERE clinic_id IS NOT DISTINCT FROM ? AND status <> 'pending'
				    AND start_at >= ? AND start_at < ? ORDER BY start_at, practitioner_id""")
			.params(location.clinicIdOrNull(), utc(from), utc(to))
			.query(Appointments::map)
			.list();
	}

	/** A practitioner's visits (not holds) starting in [from, to), by start. */
	public List<Appointment> ofPractitioner(PractitionerId practitionerId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT * FROM appointment WHERE practitioner_id = ? AND status <> 'pending'
				    AND start_at >= ? AND start_at < ? ORDER BY start_at""")
			.params(practitionerId.value(), utc(from), utc(to))
			.query(Appointments::map)
			.list();
	}

	/** Every visit of a patient, newest first. */
	public List<Appointment> ofPatient(PatientId patientId) {
		return jdbc.sql("SELECT * FROM appointment WHERE patient_id = ? AND status <> 'pending' ORDER BY start_at DESC")
			.param(patientId.value())
			.query(Appointments::map)
			.list();
	}

	public List<Appointment> ofSeries(UUID seriesId) {
		return jdbc.sql("SELECT * FROM appointment WHERE series_id = ? ORDER BY start_at")
			.param(seriesId)
			.query(Appointments::map)
			.list();
	}

	void insert(Appointment a) {
		refusingClashes(() -> jdbc.sql(INSERT).paramSource(parameters(a)).update());
	}

	/**
	 * Inserts unless a live visit already overlaps it (same practitioner, room or
	 * patient): then writes nothing and answers false, leaving the transaction usable
	 * without a savepoint.
	 */
	boolean insertUnlessTaken(Appointment a) {
		return jdbc.sql(INSERT + " ON CONFLICT DO NOTHING").paramSource(parameters(a)).update() == 1;
	}

	void update(Appointment a) {
		refusingClashes(() -> jdbc.sql("""
				UPDATE appointment SET status = :status, practitioner_id = :practitioner, room_id = :room,
				    patient_id = :patient, start_at = :start, end_at = :end, blocked_from = :blockedFrom,
				    blocked_to = :blockedTo, hold_expires_at = :holdExpiresAt, manage_token_hash = :token,
				    cancellation_reason = :reason, sequence = :sequence, updated_at = now()
				WHERE id = :id""").paramSource(parameters(a)).update());
	}

	/**
	 * Deletes expired holds that stand in the way of [from, to) for this practitioner or
	 * these rooms.
	 */
	void clearExpiredHolds(String practitionerId, Collection<String> roomIds, Instant from, Instant to, Instant now) {
		jdbc.sql("""
				DELETE FROM appointment
				WHERE status = 'pending' AND hold_expires_at <= ?
				  AND tstzrange(blocked_from, blocked_to) && tstzrange(?, ?)
				  AND (practitioner_id = ? OR room_id = ANY(?))""")
			.params(utc(now), utc(from), utc(to), practitionerId, roomIds.toArray(String[]::new))
			.update();
	}

	int deleteExpiredHolds(Instant now) {
		return jdbc.sql("DELETE FROM appointment WHERE status = 'pending' AND hold_expires_at <= ?")
			.param(utc(now))
			.update();
	}

	/** Releases a live hold; a booked visit is never removed this way. */
	boolean deleteHold(UUID id) {
		return jdbc.sql("DELETE FROM appointment WHERE id = ? AND status = 'pending'").param(id).update() == 1;
	}

	/**
	 * The patient's booked visits of these services that start after {@code after},
	 * earliest first.
	 */
	List<Appointment> upcomingOfPatient(PatientId patientId, Collection<String> serviceIds, Instant after) {
		return jdbc.sql("""
				SELECT * FROM appointment WHERE patient_id = ? AND service_id = ANY(?)
				    AND status IN ('booked', 'arrived', 'checked-in') AND start_at > ?
				ORDER BY start_at""")
			.params(patientId.value(), serviceIds.toArray(String[]::new), utc(after))
			.query(Appointments::map)
			.list();
	}

	/** The live visits of this patient that share some time with [from, to). */
	List<Appointment> liveOfPatient(PatientId patientId, Instant from, Instant to) {
		return jdbc
			.sql("SELECT * FROM appointment WHERE patient_id = ? AND status IN " + LIVE
					+ " AND tstzrange(start_at, end_at) && tstzrange(?, ?)")
			.params(patientId.value(), utc(from), utc(to))
			.query(Appointments::map)
			.list();
	}

	/**
	 * Whether the patient has a live visit of one of these services that ends by
	 * {@code by}.
	 */
	boolean hadVisit(PatientId patientId, Collection<String> serviceIds, Instant by) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM appointment WHERE patient_id = ? AND service_id = ANY(?)
				    AND status IN ('booked', 'arrived', 'checked-in', 'fulfilled') AND end_at <= ?)""")
			.params(patientId.value(), serviceIds.toArray(String[]::new), utc(by))
			.query(Boolean.class)
			.single();
	}

	private static void refusingClashes(Runnable write) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException e) {
			throw Clash.of(e).map(clash -> new Clash.Refused(clash, e)).orElseThrow(() -> e);
		}
	}

	private static MapSqlParameterSource parameters(Appointment a) {
		return new MapSqlParameterSource().addValue("id", a.id())
			.addValue("status", a.status().code())
			.addValue("service", a.serviceId().value())
			.addValue("practitioner", a.practitionerId().value())
			.addValue("clinic", a.location().clinicIdOrNull())
			.addValue("room", a.roomId())
			.addValue("roomKind", a.roomId() == null ? null : a.roomKind())
			.addValue("patient", a.patientId() == null ? null : a.patientId().value())
			.addValue("series", a.seriesId())
			.addValue("start", utc(a.start()))
			.addValue("end", utc(a.end()))
			.addValue("blockedFrom", utc(a.blockedFrom()))
			.addValue("blockedTo", utc(a.blockedTo()))
			.addValue("holdExpiresAt", utc(a.holdExpiresAt()))
			.addValue("token", a.manageTokenHash())
			.addValue("reason", a.cancellationReason())
			.addValue("sequence", a.sequence());
	}

	private static Appointment map(ResultSet rs, int n) throws SQLException {
		return new Appointment(rs.getObject("id", UUID.class), AppointmentStatus.ofCode(rs.getString("status")),
				ServiceId.of(rs.getString("service_id")), PractitionerId.of(rs.getString("practitioner_id")),
				LocationId.ofClinic(rs.getString("clinic_id")), rs.getString("room_id"), rs.getString("room_kind"),
				PatientId.ofNullable(rs.getObject("patient_id", UUID.class)), rs.getObject("series_id", UUID.class),
				instant(rs, "start_at"), instant(rs, "end_at"), instant(rs, "blocked_from"), instant(rs, "blocked_to"),
				instant(rs, "hold_expires_at"), rs.getBytes("manage_token_hash"), rs.getString("cancellation_reason"),
				rs.getInt("sequence"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
