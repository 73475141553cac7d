package org.unknot.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Four clinics in New Jersey towns, each with its own mix of rooms: Hoboken has no
 * procedure room, so its physicians see patients there for consultations only. Addresses
 * are invented; the phone numbers are in the 555-0100 to 555-0199 range set aside for
 * fiction.
 */
final class DemoClinics {

	static final String ZONE = "America/New_York";

	/** Whether every demo clinic is closed for a holiday on {@code day}. */
	static boolean closedOn(LocalDate day) {
		return HOLIDAYS.stream().anyMatch(holiday -> holiday.covers(day));
	}

	/** Whether the clinic is closed on {@code day}, for a holiday or work of its own. */
	static boolean closedOn(String clinicId, LocalDate day) {
		return closedOn(day) || (HOBOKEN.equals(clinicId) && HOBOKEN_RENOVATION.covers(day));
	}

	/**
	 * The last {@code count} of this weekday, on or before {@code until}, on which the
	 * clinic was open, oldest first, at this time: a weekly course held in the past went
	 * on the week after a holiday rather than on the holiday.
	 */
	static List<LocalDateTime> openWeekdaysUntil(String clinicId, LocalDate until, DayOfWeek weekday, LocalTime time,
			int count) {
		List<LocalDateTime> days = new ArrayList<>();
		for (LocalDate day = until.with(TemporalAdjusters.previousOrSame(weekday)); days.size() < count; day = day
			.minusWeeks(1)) {
			if (!closedOn(clinicId, day)) {
				days.add(0, day.atTime(time));
			}
		}
		return days;
	}

	/** Today in the clinics' town: every date of the demo is counted from it. */
	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
	}

	static final String MONTCLAIR = "montclair";
	static final String PRINCETON = "princeton";
	static final String HOBOKEN = "hoboken";
	static final String RED_BANK = "red-bank";

	/** Hours for video visits have no clinic. */
	static final String VIDEO = null;

	static final List<Clinic> CLINICS = List.of(
			new Clinic(MONTCLAIR, "Unknot Montclair", "48 Orchard Crest Avenue", "Montclair", "07042", "(973) 555-0142",
					"40.815620", "-74.211480", new Rooms(4, 1, 3, 2)),
			new Clinic(PRINCETON, "Unknot Princeton", "17 Lantern Hill Road", "Princeton", "08540", "(609) 555-0117",
					"40.352090", "-74.659960", new Rooms(3, 2, 4, 2)),
			new Clinic(HOBOKEN, "Unknot Hoboken", "305 Harbor Light Street", "Hoboken", "07030", "(201) 555-0163",
					"40.742310", "-74.029140", new Rooms(3, 0, 2, 1)),
			new Clinic(RED_BANK, "Unknot Red Bank", "92 Riverbend Place", "Red Bank", "07701", "(732) 555-0128",
					"40.349870", "-74.071230", new Rooms(2, 1, 2, 1)));

	/**
	 * US holidays on which every clinic closes (Independence Day and Christmas observed
	 * on weekdays).
	 */
	static final List<Closure> HOLIDAYS = List.of(new Closure("2026-12-25", "2026-12-25", "Christmas Day"),
			new Closure("2027-01-01", "2027-01-01", "New Year's Day"),
			new Closure("2027-05-31", "2027-05-31", "Memorial Day"),
			new Closure("2027-07-05", "2027-07-05", "Independence Day (observed)"),
			new Closure("2027-09-06", "2027-09-06", "Labor Day"),
			new Closure("2027-11-25", "2027-11-25", "Thanksgiving Day"),
			new Closure("2027-12-24", "2027-12-25", "Christmas Eve and Christmas Day"));

	static final Closure HOBOKEN_RENOVATION = new Closure("2027-02-16", "2027-02-16", "Gym floor being refinished");

	private DemoClinics() {
	}

	/**
	 * The kinds of room, in the order they are written: each with the word its rooms' ids
	 * are made of and the name its rooms are shown by.
	 */
	static final List<RoomKind> ROOM_KINDS = List.of(new RoomKind("MASSAGE_ROOM", "massage", "Massage room"),
			new RoomKind("PROCEDURE_ROOM", "procedure", "Procedure room"), new RoomKind("GYM", "gym", "Gym station"),
			new RoomKind("CONSULTING_ROOM", "consulting", "Consulting room"));

	record RoomKind(String kind, String slug, String name) {
	}

	/** Massage rooms, procedure rooms, gym stations and consulting rooms. */
	record Rooms(int massage, int procedure, int gym, int consulting) {

		int of(String kind) {
			return switch (kind) {
				case "MASSAGE_ROOM" -> massage;
				case "PROCEDURE_ROOM" -> procedure;
				case "GYM" -> gym;
				case "CONSULTING_ROOM" -> consulting;
				default -> throw new IllegalArgumentException("No such kind of room: " + kind);
			};
		}

	}

	record Clinic(String id, String name, String street, String city, String postalCode, String phone, String latitude,
			String longitude, Rooms rooms) {
	}

	record Closure(String firstDay, String lastDay, String reason) {

		boolean covers(LocalDate day) {
			return !day.isBefore(LocalDate.parse(firstDay)) && !day.isAfter(LocalDate.parse(lastDay));
		}

	}

	static void write(JdbcClient jdbc) {
		for (Clinic clinic : CLINICS) {
			jdbc.sql("""
					INSERT INTO clinic (id, name, zone, street, city, state, postal_code, phone, latitude, longitude)
					VALUES (?, ?, ?, ?, ?, 'NJ', ?, ?, ?, ?)""")
				.params(clinic.id(), clinic.name(), ZONE, clinic.street(), clinic.city(), clinic.postalCode(),
						clinic.phone(), new BigDecimal(clinic.latitude()), new BigDecimal(clinic.longitude()))
				.update();
			for (RoomKind kind : ROOM_KINDS) {
				rooms(jdbc, clinic.id(), kind, clinic.rooms().of(kind.kind()));
			}
			HOLIDAYS.forEach(holiday -> closure(jdbc, clinic.id(), holiday));
		}
		closure(jdbc, HOBOKEN, HOBOKEN_RENOVATION);
	}

	/** The id of room number {@code number} of this kind at the clinic. */
	static String roomId(String clinicId, String kind, int number) {
		String slug = ROOM_KINDS.stream()
			.filter(candidate -> candidate.kind().equals(kind))
			.map(RoomKind::slug)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No such kind of room: " + kind));
		return clinicId + "-" + slug + "-" + number;
	}

	private static void rooms(JdbcClient jdbc, String clinicId, RoomKind kind, int count) {
		for (int i = 1; i <= count; i++) {
			jdbc.sql("INSERT INTO room (id, clinic_id, name, kind) VALUES (?, ?, ?, ?)")
				.params(roomId(clinicId, kind.kind(), i), clinicId, kind.name() + " " + i, kind.kind())
				.update();
		}
	}

	private static void closure(JdbcClient jdbc, String clinicId, Closure closure) {
		jdbc.sql("INSERT INTO clinic_closure (clinic_id, first_day, last_day, reason) VALUES (?, ?, ?, ?)")
			.params(clinicId, LocalDate.parse(closure.firstDay()), LocalDate.parse(closure.lastDay()), closure.reason())
			.update();
	}

}
