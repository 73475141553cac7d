package org.unknot.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unknot.care.SessionNotes;
import org.unknot.practitioner.PractitionerId;

/**
 * What the demo's superbills need: a NUCC taxonomy code for each practitioner, a made-up
 * tax id for each clinic (prefix 00, which the IRS never assigns), and the demo patient's
 * visits of the last two months (massage, manual therapy, a pain consultation and a video
 * follow-up attended; one missed and one cancelled, which no superbill shows), written as
 * the demo writes every past visit.
 */
@Component
class DemoBilling {

	static final Map<String, String> TAXONOMY_BY_PROFESSION = Map.of("LMT", "225700000X", "PT", "225100000X", "MD",
			"208VP0014X", "DO", "208VP0014X", "PSYCHOLOGIST", "103T00000X");

	static final Map<String, String> TAX_IDS = Map.of(DemoClinics.MONTCLAIR, "00-4210701", DemoClinics.PRINCETON,
			"00-4210702", DemoClinics.HOBOKEN, "00-4210703", DemoClinics.RED_BANK, "00-4210704");

	static final String PHYSICIAN = "anjali-mehta";

	private final DemoVisits visits;

	private final SessionNotes notes;

	private final Clock clock;

	DemoBilling(DemoVisits visits, SessionNotes notes, Clock clock) {
		this.visits = visits;
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
		LocalDate today = DemoClinics.today(clock);
		UUID first = visits.past(patientId, "swedish-60", DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, 1,
				at(today, 8, DayOfWeek.MONDAY, 10, DayOfWeek.WEDNESDAY), "fulfilled");
		// Ana noted 52 minutes on the table: three units of 97124, not the four an hour
		// makes; pain 7 before it, where the plan's curve starts
		notes.record(PractitionerId.of(DemoCare.PRACTITIONER), first, 7, 5, 52, null, DemoCare.DEMO);
		visits.past(patientId, "pain-consultation", PHYSICIAN, DemoClinics.MONTCLAIR, 1,
				at(today, 7, DayOfWeek.THURSDAY, 11, DayOfWeek.TUESDAY), "fulfilled");
		visits.past(patientId, "myofascial-release-60", DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, 1,
				at(today, 6, DayOfWeek.MONDAY, 10, DayOfWeek.WEDNESDAY), "fulfilled");
		visits.past(patientId, "pain-follow-up", PHYSICIAN, DemoClinics.VIDEO, 0, at(today, 5, DayOfWeek.WEDNESDAY, 10),
				"fulfilled");
		visits.past(patientId, "swedish-60", DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, 1,
				at(today, 4, DayOfWeek.MONDAY, 10, DayOfWeek.WEDNESDAY), "noshow");
		visits.past(patientId, "swedish-60", DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, 1,
				at(today, 3, DayOfWeek.MONDAY, 10, DayOfWeek.WEDNESDAY), "cancelled");
		visits.past(patientId, "swedish-60", DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, 1,
				at(today, 2, DayOfWeek.MONDAY, 10, DayOfWeek.WEDNESDAY), "fulfilled");
	}

	/** The hour on this weekday so many weeks ago (or in this week when it is today). */
	private static LocalDateTime at(LocalDate today, int weeksAgo, DayOfWeek weekday, int hour) {
		return today.minusWeeks(weeksAgo).with(TemporalAdjusters.previousOrSame(weekday)).atTime(hour, 0);
	}

	/**
	 * The same at a clinic, or when the clinics were closed that day (Memorial Day,
	 * Thanksgiving), at that hour on another day of that week when the practitioner was
	 * there.
	 */
	private static LocalDateTime at(LocalDate today, int weeksAgo, DayOfWeek weekday, int hour, DayOfWeek ifClosed) {
		LocalDateTime at = at(today, weeksAgo, weekday, hour);
		return DemoClinics.closedOn(at.toLocalDate()) ? at.with(ifClosed) : at;
	}

}
