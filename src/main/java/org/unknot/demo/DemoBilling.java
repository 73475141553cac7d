package org.unknot.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unknot.care.SessionNotes;

/**
 * What the demo's superbills need: a NUCC taxonomy code for each practitioner, a made-up
 * tax id for each clinic (prefix 00, which the IRS never assigns), and the demo patient's
 * visits of the last two months (massage, manual therapy, a pain consultation and a video
 * follow-up attended; one missed and one cancelled, which no superbill shows). Past
 * visits cannot be booked through the desk, which refuses the past, so they are written
 * as the desk would have left them.
 */
@Component
class DemoBilling {

	static final Map<String, String> TAXONOMY_BY_PROFESSION = Map.of("LMT", "225700000X", "PT", "225100000X", "MD",
			"208VP0014X", "DO", "208VP0014X", "PSYCHOLOGIST", "103T00000X");

	static final Map<String, String> TAX_IDS = Map.of(DemoClinics.MONTCLAIR, "00-4210701", DemoClinics.PRINCETON,
			"00-4210702", DemoClinics.HOBOKEN, "00-4210703", DemoClinics.RED_BANK, "00-4210704");

	static final String PHYSICIAN = "anjali-mehta";

	private static final SessionNotes.Actor DEMO = new SessionNotes.Actor("system:demo", "SYSTEM", null);

	private final JdbcClient jdbc;

	private final SessionNotes notes;

	private final Clock clock;

	DemoBilling(JdbcClient jdbc, SessionNotes notes, Clock clock) {
		this.jdbc = jdbc;
		this.notes = notes;
		this.clock = clock;
	}

	static void writeIdentifiers(JdbcClient jdbc) {
		TAXONOMY_BY_PROFESSION
			.forEach((profession, code) -> jdbc.sql("UPDATE practitioner SET taxonomy_code = ? WHERE profession = ?")
				.params(code, profession)
				.update());
		TAX_IDS.forEach((clinic,
				taxId) -> jdbc.sql("UPDATE clinic SET tax_id = ? WHERE id = ?").params(taxId, clinic).update());
	}

	/** The demo patient's past visits, oldest first. */
	void load(UUID patientId) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DemoClinics.ZONE)));
		UUID first = visit(patientId, "swedish-60", DemoCare.PRACTITIONER, "massage", day(today, 8, DayOfWeek.MONDAY),
				LocalTime.of(10, 0), 60, "fulfilled");
		// Ana noted 52 minutes on the table: three units of 97124, not the four an hour
		// makes; pain 7 before it, where the plan's curve starts
		notes.record(DemoCare.PRACTITIONER, first, 7, 5, 52, null, DEMO);
		visit(patientId, "pain-consultation", PHYSICIAN, "consulting", day(today, 7, DayOfWeek.THURSDAY),
				LocalTime.of(11, 0), 45, "fulfilled");
		visit(patientId, "myofascial-release-60", DemoCare.PRACTITIONER, "massage", day(today, 6, DayOfWeek.MONDAY),
				LocalTime.of(10, 0), 60, "fulfilled");
		visit(patientId, "pain-follow-up", PHYSICIAN, null, day(today, 5, DayOfWeek.WEDNESDAY), LocalTime.of(10, 0), 30,
				"fulfilled");
		visit(patientId, "swedish-60", DemoCare.PRACTITIONER, "massage", day(today, 4, DayOfWeek.MONDAY),
				LocalTime.of(10, 0), 60, "noshow");
		visit(patientId, "swedish-60", DemoCare.PRACTITIONER, "massage", day(today, 3, DayOfWeek.MONDAY),
				LocalTime.of(10, 0), 60, "cancelled");
		visit(patientId, "swedish-60", DemoCare.PRACTITIONER, "massage", day(today, 2, DayOfWeek.MONDAY),
				LocalTime.of(10, 0), 60, "fulfilled");
	}

	private static LocalDate day(LocalDate today, int weeksAgo, DayOfWeek weekday) {
		return today.minusWeeks(weeksAgo).with(TemporalAdjusters.previousOrSame(weekday));
	}

	/**
	 * A visit at Montclair in a room of this kind, or by video when {@code room} is null.
	 */
	private UUID visit(UUID patientId, String service, String practitioner, String room, LocalDate day, LocalTime time,
			int minutes, String status) {
		UUID id = UUID.randomUUID();
		OffsetDateTime start = day.atTime(time).atZone(ZoneId.of(DemoClinics.ZONE)).toOffsetDateTime();
		OffsetDateTime end = start.plusMinutes(minutes);
		String roomKind = room == null ? null : room.equals("massage") ? "MASSAGE_ROOM" : "CONSULTING_ROOM";
		jdbc.sql("""
				INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
				    patient_id, start_at, end_at, blocked_from, blocked_to, cancellation_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, status, service, practitioner, room == null ? null : DemoClinics.MONTCLAIR,
					room == null ? null : DemoClinics.MONTCLAIR + "-" + room + "-1", roomKind, patientId, start, end,
					start, end, status.equals("cancelled") ? "patient" : null)
			.update();
		return id;
	}

}
