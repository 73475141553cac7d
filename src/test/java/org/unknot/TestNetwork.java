package org.unknot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds small, isolated pieces of a clinic network for integration tests: every clinic
 * and practitioner gets a fresh id, so tests sharing one database never see each other's
 * calendars. The test services are created once and shared.
 */
public final class TestNetwork {

	public static final String ZONE = "America/New_York";

	/**
	 * 60 minutes, 15 minutes' buffer after, a massage room, 15-minute grid, 1 hour
	 * notice.
	 */
	public static final String MASSAGE = "t-massage-60";

	/**
	 * 30 minutes, no buffers, in person (consulting room) or by video, physicians only.
	 */
	public static final String CONSULTATION = "t-consultation";

	/** 30 minutes, needs a prior consultation and a procedure room, 30-minute grid. */
	public static final String PROCEDURE = "t-procedure";

	private final JdbcClient jdbc;

	public TestNetwork(JdbcClient jdbc) {
		this.jdbc = jdbc;
		createServices();
	}

	/** A clinic in New Jersey with this many massage, procedure and consulting rooms. */
	public String clinic(int massageRooms, int procedureRooms, int consultingRooms) {
		String id = "clinic-" + shortId();
		jdbc.sql("""
				INSERT INTO clinic (id, name, zone, street, city, state, postal_code, phone)
				VALUES (?, ?, ?, '1 Test Street', 'Testville', 'NJ', '07000', '(973) 555-0100')""")
			.params(id, "Test clinic " + id, ZONE)
			.update();
		rooms(id, "MASSAGE_ROOM", massageRooms);
		rooms(id, "PROCEDURE_ROOM", procedureRooms);
		rooms(id, "CONSULTING_ROOM", consultingRooms);
		return id;
	}

	/**
	 * A practitioner licensed in NJ until {@code licenceExpires}, offering these
	 * services.
	 */
	public String practitioner(String profession, LocalDate licenceExpires, String... serviceIds) {
		String id = profession.toLowerCase() + "-" + shortId();
		jdbc.sql("""
				INSERT INTO practitioner (id, given_name, family_name, profession, credentials)
				VALUES (?, 'Test', ?, ?, ?)""").params(id, id, profession, profession).update();
		jdbc.sql("""
				INSERT INTO practitioner_licence (practitioner_id, type, number, state, issued_on, expires_on)
				VALUES (?, ?, ?, 'NJ', DATE '2020-01-01', ?)""")
			.params(id, profession, "T" + shortId(), licenceExpires)
			.update();
		for (String service : serviceIds) {
			jdbc.sql("INSERT INTO practitioner_service (practitioner_id, service_id) VALUES (?, ?)")
				.params(id, service)
				.update();
		}
		return id;
	}

	/** A massage therapist licensed for years to come. */
	public String therapist() {
		return practitioner("LMT", LocalDate.of(2030, 12, 31), MASSAGE);
	}

	public String physician() {
		return practitioner("MD", LocalDate.of(2030, 12, 31), CONSULTATION, PROCEDURE);
	}

	/**
	 * Weekly hours at a clinic (or on video when {@code clinicId} is null), local New
	 * York time.
	 */
	public TestNetwork hours(String practitionerId, String clinicId, List<DayOfWeek> days, LocalTime start,
			LocalTime end) {
		for (DayOfWeek day : days) {
			jdbc.sql("""
					INSERT INTO working_hours (practitioner_id, clinic_id, weekday, start_time, end_time, zone,
					    effective_from)
					VALUES (?, ?, ?, ?, ?, ?, DATE '2026-01-01')""")
				.params(practitionerId, clinicId, day.getValue(), start, end, ZONE)
				.update();
		}
		return this;
	}

	/** Monday to Friday, 09:00 to 17:00. */
	public TestNetwork weekdays(String practitionerId, String clinicId) {
		return hours(practitionerId, clinicId,
				List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
				LocalTime.of(9, 0), LocalTime.of(17, 0));
	}

	/**
	 * Moves a booked visit to start this minute, as if the calendar had reached its day
	 * (bookings themselves are refused in the past).
	 */
	public TestNetwork startsNow(java.util.UUID appointmentId) {
		jdbc.sql("""
				UPDATE appointment SET start_at = start_at + shift, end_at = end_at + shift,
				       blocked_from = blocked_from + shift, blocked_to = blocked_to + shift
				FROM (SELECT date_trunc('minute', now()) - start_at AS shift FROM appointment WHERE id = :id) s
				WHERE id = :id""").param("id", appointmentId).update();
		return this;
	}

	public TestNetwork timeOff(String practitionerId, Instant start, Instant end) {
		jdbc.sql("INSERT INTO time_off (practitioner_id, start_at, end_at, reason) VALUES (?, ?, ?, 'away')")
			.params(practitionerId, start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC))
			.update();
		return this;
	}

	public TestNetwork closure(String clinicId, LocalDate first, LocalDate last) {
		jdbc.sql("INSERT INTO clinic_closure (clinic_id, first_day, last_day, reason) VALUES (?, ?, ?, 'closed')")
			.params(clinicId, first, last)
			.update();
		return this;
	}

	/**
	 * Rows of live visits or holds of this practitioner that overlap each other: always
	 * zero.
	 */
	public long overlapsOf(String practitionerId) {
		return jdbc.sql("""
				SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id
				 AND a.practitioner_id = b.practitioner_id
				 AND tstzrange(a.blocked_from, a.blocked_to) && tstzrange(b.blocked_from, b.blocked_to)
				WHERE a.practitioner_id = ?
				  AND a.status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')
				  AND b.status IN ('pending', 'booked', 'arrived', 'checked-in', 'fulfilled')""")
			.param(practitionerId)
			.query(Long.class)
			.single();
	}

	/**
	 * Puts a booked visit an hour into the past, as if its time had come (a visit cannot
	 * be booked in the past, and a no-show can be marked only once it has started).
	 */
	public void started(java.util.UUID visit) {
		jdbc.sql("""
				UPDATE appointment SET start_at = start_at - d, end_at = end_at - d,
				       blocked_from = blocked_from - d, blocked_to = blocked_to - d
				  FROM (SELECT start_at - now() + interval '1 hour' AS d FROM appointment WHERE id = ?) shift
				 WHERE id = ?""").params(visit, visit).update();
	}

	public static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private void rooms(String clinicId, String kind, int count) {
		for (int i = 1; i <= count; i++) {
			jdbc.sql("INSERT INTO room (id, clinic_id, name, kind) VALUES (?, ?, ?, ?)")
				.params(clinicId + "-" + kind.toLowerCase() + "-" + i, clinicId, kind + " " + i, kind)
				.update();
		}
	}

	private void createServices() {
		jdbc.sql("""
				INSERT INTO care_service (id, name, category, description, duration_minutes, buffer_before_minutes,
				    buffer_after_minutes, room_kind, in_person, virtual, price_cents, prerequisite_category,
				    min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
				VALUES
				 ('t-massage-60', 'Test massage, 60 minutes', 'MASSAGE', 'test', 60, 0, 15, 'MASSAGE_ROOM', true,
				  false, 10000, NULL, 60, 400, 15, '{LMT}'),
				 ('t-consultation', 'Test consultation', 'CONSULTATION', 'test', 30, 0, 0, 'CONSULTING_ROOM', true,
				  true, 20000, NULL, 60, 400, 15, '{MD,DO}'),
				 ('t-procedure', 'Test procedure', 'PROCEDURE', 'test', 30, 0, 0, 'PROCEDURE_ROOM', true, false,
				  50000, 'CONSULTATION', 60, 400, 30, '{MD,DO}')
				ON CONFLICT (id) DO NOTHING""").update();
	}

}
