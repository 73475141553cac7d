package org.unknot.demo;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static java.time.temporal.TemporalAdjusters.nextOrSame;
import static org.unknot.demo.DemoClinics.HOBOKEN;
import static org.unknot.demo.DemoClinics.MONTCLAIR;
import static org.unknot.demo.DemoClinics.PRINCETON;
import static org.unknot.demo.DemoClinics.RED_BANK;
import static org.unknot.demo.DemoClinics.VIDEO;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When the demo practitioners work, and when they are away. Hours differ by clinic and
 * weekday, some people work at two clinics, physicians and psychologists keep video
 * hours, and there are evenings and Saturdays. Every date is relative to the load date:
 * the hours took effect two years before it, Marisol Vega's week changes about three
 * months after it, and the time off lies in the weeks ahead.
 */
final class DemoSchedules {

	private static final ZoneId ZONE = ZoneId.of(DemoClinics.ZONE);

	private final LocalDate since;

	private final LocalDate marisolsNewWeek;

	private final List<Shift> shifts = new ArrayList<>();

	private final List<Away> timeOff = new ArrayList<>();

	DemoSchedules(LocalDate today) {
		this.since = today.minusYears(2);
		this.marisolsNewWeek = today.plusMonths(3).with(nextOrSame(MONDAY));
		massageTherapists();
		physicalTherapists();
		physicians();
		psychologists();
		away(today);
	}

	/**
	 * Weekly hours at a clinic (or on video), local New York time, effective from one
	 * date to another.
	 */
	record Shift(String practitionerId, String clinicId, DayOfWeek day, LocalTime start, LocalTime end, LocalDate from,
			LocalDate to) {
	}

	record Away(String practitionerId, LocalDateTime start, LocalDateTime end, String reason) {
	}

	void write(JdbcClient jdbc) {
		for (Shift s : shifts) {
			jdbc.sql("""
					INSERT INTO working_hours (practitioner_id, clinic_id, weekday, start_time, end_time, zone,
					    effective_from, effective_to)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(s.practitionerId(), s.clinicId(), s.day().getValue(), s.start(), s.end(), ZONE.getId(),
						s.from(), s.to())
				.update();
		}
		for (Away a : timeOff) {
			jdbc.sql("INSERT INTO time_off (practitioner_id, start_at, end_at, reason) VALUES (?, ?, ?, ?)")
				.params(a.practitionerId(), ZonedDateTime.of(a.start(), ZONE).toOffsetDateTime(),
						ZonedDateTime.of(a.end(), ZONE).toOffsetDateTime(), a.reason())
				.update();
		}
	}

	private void massageTherapists() {
		hours("ana-ribeiro", MONTCLAIR, "09:00", "17:00", MONDAY, WEDNESDAY, FRIDAY);
		hours("ana-ribeiro", MONTCLAIR, "09:00", "14:00", SATURDAY);
		hours("daniel-kowalski", MONTCLAIR, "12:00", "20:00", TUESDAY, THURSDAY);
		hours("daniel-kowalski", HOBOKEN, "10:00", "16:00", SATURDAY);
		hours(DemoPractitioners.GRACE_MIN, HOBOKEN, "10:00", "18:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
		// Marisol moves a day from Princeton to Red Bank, and starts later there
		hoursUntil(marisolsNewWeek, "marisol-vega", PRINCETON, "09:00", "17:00", MONDAY, TUESDAY, WEDNESDAY);
		hoursUntil(marisolsNewWeek, "marisol-vega", RED_BANK, "09:00", "17:00", THURSDAY, FRIDAY);
		hoursFrom(marisolsNewWeek, "marisol-vega", PRINCETON, "09:00", "17:00", MONDAY, TUESDAY);
		hoursFrom(marisolsNewWeek, "marisol-vega", RED_BANK, "10:00", "18:00", WEDNESDAY, THURSDAY, FRIDAY);
		hours(DemoPractitioners.OWEN_HART, RED_BANK, "09:00", "17:00", TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY);
		hours("naomi-sato", MONTCLAIR, "13:00", "21:00", MONDAY, TUESDAY);
		hours("naomi-sato", PRINCETON, "10:00", "18:00", THURSDAY, FRIDAY);
		hours("naomi-sato", PRINCETON, "09:00", "15:00", SATURDAY);
		hours("ravi-sharma", RED_BANK, "10:00", "18:00", MONDAY, TUESDAY, WEDNESDAY);
		hours("ravi-sharma", HOBOKEN, "14:00", "21:00", THURSDAY, FRIDAY);
	}

	private void physicalTherapists() {
		hours("james-okafor", MONTCLAIR, "07:00", "15:00", MONDAY, WEDNESDAY, FRIDAY);
		hours("james-okafor", PRINCETON, "11:00", "19:00", TUESDAY, THURSDAY);
		hours("lucia-fernandes", HOBOKEN, "08:00", "16:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
		hours("lucia-fernandes", RED_BANK, "08:00", "16:00", FRIDAY);
		hours("lucia-fernandes", RED_BANK, "08:00", "13:00", SATURDAY);
		hours("samuel-whitaker", PRINCETON, "09:00", "17:00", MONDAY, WEDNESDAY, FRIDAY);
		hours("samuel-whitaker", MONTCLAIR, "14:00", "20:00", TUESDAY, THURSDAY);
	}

	private void physicians() {
		hours("anjali-mehta", MONTCLAIR, "08:00", "16:00", MONDAY, TUESDAY, THURSDAY);
		hours("anjali-mehta", VIDEO, "09:00", "13:00", WEDNESDAY);
		hours("anjali-mehta", VIDEO, "12:00", "17:00", FRIDAY);
		hours("robert-castillo", PRINCETON, "08:30", "16:30", MONDAY, WEDNESDAY, FRIDAY);
		hours("robert-castillo", RED_BANK, "09:00", "17:00", TUESDAY);
		hours("robert-castillo", VIDEO, "15:00", "19:00", THURSDAY);
		hours("hyun-woo-park", HOBOKEN, "10:00", "18:00", TUESDAY, THURSDAY);
		hours("hyun-woo-park", RED_BANK, "08:00", "16:00", MONDAY, WEDNESDAY);
		hours("hyun-woo-park", VIDEO, "08:00", "12:00", FRIDAY);
		hours("miriam-adler", PRINCETON, "08:00", "16:00", TUESDAY, THURSDAY);
		hours("miriam-adler", MONTCLAIR, "08:00", "14:00", FRIDAY);
		hours("miriam-adler", VIDEO, "16:00", "20:00", MONDAY);
	}

	private void psychologists() {
		hours("tomas-reyes", MONTCLAIR, "09:00", "17:00", TUESDAY);
		hours("tomas-reyes", PRINCETON, "09:00", "17:00", THURSDAY);
		hours("tomas-reyes", VIDEO, "12:00", "20:00", MONDAY, WEDNESDAY);
		hours("tomas-reyes", VIDEO, "09:00", "13:00", SATURDAY);
		hours("leah-goldberg", HOBOKEN, "10:00", "18:00", WEDNESDAY);
		hours("leah-goldberg", RED_BANK, "09:00", "15:00", FRIDAY);
		hours("leah-goldberg", VIDEO, "09:00", "17:00", TUESDAY, THURSDAY);
	}

	private void away(LocalDate today) {
		LocalDate vacation = today.plusWeeks(5).with(nextOrSame(MONDAY));
		timeOff.add(
				new Away("daniel-kowalski", vacation.atStartOfDay(), vacation.plusWeeks(1).atStartOfDay(), "Vacation"));
		LocalDate appointment = today.plusWeeks(2).with(nextOrSame(WEDNESDAY));
		timeOff.add(new Away("james-okafor", appointment.atTime(11, 0), appointment.atTime(15, 0), "Half day off"));
		LocalDate conference = today.plusWeeks(7).with(nextOrSame(THURSDAY));
		timeOff.add(new Away("hyun-woo-park", conference.atStartOfDay(), conference.plusDays(2).atStartOfDay(),
				"Pain medicine conference"));
	}

	private void hours(String practitionerId, String clinicId, String start, String end, DayOfWeek... days) {
		add(practitionerId, clinicId, start, end, since, null, days);
	}

	private void hoursUntil(LocalDate change, String practitionerId, String clinicId, String start, String end,
			DayOfWeek... days) {
		add(practitionerId, clinicId, start, end, since, change.minusDays(1), days);
	}

	private void hoursFrom(LocalDate change, String practitionerId, String clinicId, String start, String end,
			DayOfWeek... days) {
		add(practitionerId, clinicId, start, end, change, null, days);
	}

	private void add(String practitionerId, String clinicId, String start, String end, LocalDate from, LocalDate to,
			DayOfWeek... days) {
		for (DayOfWeek day : days) {
			shifts
				.add(new Shift(practitionerId, clinicId, day, LocalTime.parse(start), LocalTime.parse(end), from, to));
		}
	}

}
