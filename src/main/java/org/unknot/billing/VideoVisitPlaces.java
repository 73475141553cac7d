package org.unknot.billing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where patients were during their video visits, as the front desk recorded it: at home
 * (place of service 10) or elsewhere (02). A video visit with nothing recorded is taken
 * to be from home, where nearly all of them are.
 */
@Repository
public class VideoVisitPlaces {

	private final JdbcClient jdbc;

	private final Clock clock;

	VideoVisitPlaces(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether the patient was at home, by visit, for the visits something was recorded
	 * for.
	 */
	Map<UUID, Boolean> atHome(Collection<UUID> visitIds) {
		Map<UUID, Boolean> atHome = new HashMap<>();
		if (visitIds.isEmpty()) {
			return atHome;
		}
		jdbc.sql("SELECT appointment_id, patient_at_home FROM video_visit_place WHERE appointment_id = ANY(?)")
			.param(visitIds.toArray(UUID[]::new))
			.query((rs, n) -> atHome.put(rs.getObject("appointment_id", UUID.class), rs.getBoolean("patient_at_home")))
			.list();
		return atHome;
	}

	void record(UUID visitId, boolean patientAtHome, String recordedBy) {
		jdbc.sql("""
				INSERT INTO video_visit_place (appointment_id, patient_at_home, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO UPDATE SET patient_at_home = EXCLUDED.patient_at_home,
				    recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at""")
			.params(visitId, patientAtHome, recordedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

}
