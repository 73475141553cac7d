package org.unknot.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the demo promises whatever the day it loads, read back from the database as lists
 * of what breaks a promise (empty when all is well), each line naming the visit or plan
 * and its times, so that a failure says where the story went wrong.
 */
final class DemoPromises {

	/** The demo's visits: those at its clinics, or by video with its practitioners. */
	private static final String DEMO_VISITS = """
			SELECT v.* FROM appointment v
			WHERE v.practitioner_id IN (SELECT DISTINCT practitioner_id FROM working_hours
			    WHERE clinic_id IN ('montclair', 'princeton', 'hoboken', 'red-bank'))""";

	private static final String LOCAL = "(%s AT TIME ZONE 'America/New_York')";

	private DemoPromises() {
	}

	/**
	 * Plans whose story does not read in order: assessed, then drawn up and signed,
	 * before the first visit; every score taken after the signing; ended no earlier than
	 * the last visit held; each report signed after the signing and the first visit, a
	 * discharge report at or after the end.
	 */
	static List<String> plansOutOfOrder(JdbcClient jdbc) {
		return jdbc.sql("""
				WITH visits AS (
				    SELECT pv.plan_id, min(v.start_at) AS first_visit,
				        max(v.start_at) FILTER (WHERE v.status IN ('fulfilled', 'noshow')) AS last_held
				    FROM plan_visit pv JOIN appointment v ON v.id = pv.appointment_id GROUP BY pv.plan_id),
				scores AS (SELECT plan_id, min(answered_at) AS first_score FROM measure_response GROUP BY plan_id),
				reports AS (
				    SELECT plan_id, min(signed_at) AS first_report,
				        min(signed_at) FILTER (WHERE kind = 'DISCHARGE') AS first_discharge
				    FROM care_report GROUP BY plan_id)
				SELECT concat_ws(' ', pt.given_name, pt.family_name, 'with', p.practitioner_id, ': assessed',
				    a.recorded_at, 'drawn up', p.created_at, 'signed', p.signed_at, 'first visit', v.first_visit,
				    'first score', s.first_score, 'last held', v.last_held, 'ended', p.ended_at,
				    'first report', r.first_report, 'discharge', r.first_discharge)
				FROM treatment_plan p
				JOIN assessment a ON a.id = p.assessment_id
				JOIN patient pt ON pt.id = p.patient_id
				LEFT JOIN visits v ON v.plan_id = p.id
				LEFT JOIN scores s ON s.plan_id = p.id
				LEFT JOIN reports r ON r.plan_id = p.id
				WHERE p.practitioner_id IN (SELECT DISTINCT practitioner_id FROM working_hours
				    WHERE clinic_id IN ('montclair', 'princeton', 'hoboken', 'red-bank'))
				  AND NOT (p.signed_at IS NOT NULL AND a.recorded_at <= p.signed_at AND p.created_at <= p.signed_at
				    AND v.first_visit IS NOT NULL AND p.signed_at < v.first_visit
				    AND (s.first_score IS NULL OR s.first_score >= p.signed_at)
				    AND (p.ended_at IS NULL OR v.last_held IS NULL OR p.ended_at >= v.last_held)
				    AND (r.first_report IS NULL OR (r.first_report > p.signed_at AND r.first_report >= v.first_visit))
				    AND (r.first_discharge IS NULL OR r.first_discharge >= p.ended_at))""").query(String.class).list();
	}

	/** Visits held, missed or booked on a day their clinic is closed or in time off. */
	static List<String> visitsOnClosedDays(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT concat_ws(' ', v.service_id, v.practitioner_id, v.clinic_id, v.status, %s)
				FROM (%s) v
				WHERE v.status <> 'cancelled' AND (EXISTS (SELECT 1 FROM clinic_closure c
				    WHERE c.clinic_id = v.clinic_id AND CAST(%s AS date) BETWEEN c.first_day AND c.last_day)
				  OR EXISTS (SELECT 1 FROM time_off t WHERE t.practitioner_id = v.practitioner_id
				    AND tstzrange(t.start_at, t.end_at) && tstzrange(v.start_at, v.end_at)))
				ORDER BY v.start_at""".formatted(local("v.start_at"), DEMO_VISITS, local("v.start_at")))
			.query(String.class)
			.list();
	}

	/**
	 * Visits that do not lie within their practitioner's hours at their clinic (or on
	 * video) on their day, as the hours stood on that day.
	 */
	static List<String> visitsOutsideHours(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT concat_ws(' ', v.service_id, v.practitioner_id, coalesce(v.clinic_id, 'video'), v.status,
				    to_char(%s, 'Dy YYYY-MM-DD HH24:MI'), 'to', to_char(%s, 'HH24:MI'))
				FROM (%s) v
				WHERE NOT EXISTS (SELECT 1 FROM working_hours h
				    WHERE h.practitioner_id = v.practitioner_id AND h.clinic_id IS NOT DISTINCT FROM v.clinic_id
				      AND h.weekday = extract(isodow FROM (v.start_at AT TIME ZONE h.zone))
				      AND CAST(v.start_at AT TIME ZONE h.zone AS date) >= h.effective_from
				      AND (h.effective_to IS NULL OR CAST(v.start_at AT TIME ZONE h.zone AS date) <= h.effective_to)
				      AND CAST(v.start_at AT TIME ZONE h.zone AS time) >= h.start_time
				      AND CAST(v.end_at AT TIME ZONE h.zone AS time) <= h.end_time
				      AND CAST(v.end_at AT TIME ZONE h.zone AS date) = CAST(v.start_at AT TIME ZONE h.zone AS date))
				ORDER BY v.start_at""".formatted(local("v.start_at"), local("v.end_at"), DEMO_VISITS))
			.query(String.class)
			.list();
	}

	/** Pairs of visits not cancelled that take the same practitioner or room at once. */
	static List<String> overlaps(JdbcClient jdbc) {
		return jdbc
			.sql("""
					SELECT concat_ws(' ', a.practitioner_id, a.room_id, to_char(%s, 'YYYY-MM-DD HH24:MI'), 'and',
					    b.practitioner_id, b.room_id, to_char(%s, 'YYYY-MM-DD HH24:MI'))
					FROM (%s) a JOIN (%s) b ON a.id < b.id
					    AND (a.practitioner_id = b.practitioner_id OR a.room_id = b.room_id)
					    AND tstzrange(a.blocked_from, a.blocked_to) && tstzrange(b.blocked_from, b.blocked_to)
					WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'""".formatted(local("a.start_at"),
					local("b.start_at"), DEMO_VISITS, DEMO_VISITS))
			.query(String.class)
			.list();
	}

	/**
	 * Visits whose status does not match their time: held in the future, booked in the
	 * past.
	 */
	static List<String> visitsAtOddsWithNow(JdbcClient jdbc, Instant now) {
		return jdbc.sql("""
				SELECT concat_ws(' ', v.service_id, v.practitioner_id, v.status, %s) FROM (%s) v
				WHERE (v.status IN ('fulfilled', 'noshow') AND v.end_at > ?)
				   OR (v.status = 'booked' AND v.start_at < ?)""".formatted(local("v.start_at"), DEMO_VISITS))
			.params(Timestamp.from(now), Timestamp.from(now))
			.query(String.class)
			.list();
	}

	/**
	 * Visits held for a plan without the pain score and the activities score the plan
	 * takes at every visit.
	 */
	static List<String> heldVisitsWithoutScores(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT concat_ws(' ', v.service_id, v.practitioner_id, %s) FROM plan_visit pv
				JOIN appointment v ON v.id = pv.appointment_id
				WHERE v.status = 'fulfilled' AND (SELECT count(DISTINCT r.measure) FROM measure_response r
				    WHERE r.appointment_id = v.id AND r.plan_id = pv.plan_id AND r.measure IN ('pain-nrs', 'psfs')) < 2
				ORDER BY v.start_at""".formatted(local("v.start_at"))).query(String.class).list();
	}

	private static String local(String column) {
		return LOCAL.formatted(column);
	}

}
