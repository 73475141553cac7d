package org.unknot.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;

/**
 * One busy clinic written straight into the database: massage therapists working Monday
 * to Saturday 09:00-17:00 with about 70% of their time over the coming days taken by
 * 60-minute visits (15 minutes' buffer after) at random times, each therapist in a room
 * of their own so rooms never run out.
 */
record BenchClinic(String clinicId, List<String> practitioners, LocalDate firstDay, LocalDate lastDay, int visits) {

	static final String SERVICE = TestNetwork.MASSAGE;
	static final ZoneId ZONE = ZoneId.of(TestNetwork.ZONE);
	static final List<DayOfWeek> OPEN = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
	static final LocalTime OPENS = LocalTime.of(9, 0);
	static final LocalTime CLOSES = LocalTime.of(17, 0);
	static final int VISIT_MINUTES = 60;
	static final int BLOCKED_MINUTES = 75;
	static final double TAKEN = 0.7;

	static BenchClinic seed(JdbcClient jdbc, int practitioners, LocalDate firstDay, int days, long seed) {
		var network = new TestNetwork(jdbc);
		String clinic = network.clinic(practitioners, 0, 0);
		List<String> ids = new ArrayList<>();
		Random random = new Random(seed);
		int visits = 0;
		LocalDate lastDay = firstDay.plusDays(days - 1L);
		for (int p = 0; p < practitioners; p++) {
			String id = network.therapist();
			network.hours(id, clinic, OPEN, OPENS, CLOSES);
			ids.add(id);
			String room = clinic + "-massage_room-" + (p + 1);
			UUID patient = patient(jdbc, id);
			for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
				if (OPEN.contains(day.getDayOfWeek())) {
					for (ZonedDateTime start : visitsOf(day, random)) {
						visit(jdbc, clinic, id, room, patient, start);
						visits++;
					}
				}
			}
		}
		return new BenchClinic(clinic, List.copyOf(ids), firstDay, lastDay, visits);
	}

	/**
	 * As many visits as block {@link #TAKEN} of the day on average, each at a random
	 * quarter hour where it overlaps none placed before: free time is left fragmented, as
	 * in a real diary.
	 */
	private static List<ZonedDateTime> visitsOf(LocalDate day, Random random) {
		int dayMinutes = CLOSES.toSecondOfDay() / 60 - OPENS.toSecondOfDay() / 60;
		double wanted = TAKEN * dayMinutes / BLOCKED_MINUTES;
		int count = (int) wanted + (random.nextDouble() < wanted - (int) wanted ? 1 : 0);
		List<Integer> starts = new ArrayList<>();
		for (int minute = 0; minute + VISIT_MINUTES <= dayMinutes; minute += 15) {
			starts.add(minute);
		}
		Collections.shuffle(starts, random);
		List<Integer> placed = new ArrayList<>();
		for (int i = 0; i < starts.size() && placed.size() < count; i++) {
			int start = starts.get(i);
			if (placed.stream().noneMatch(p -> p < start + BLOCKED_MINUTES && start < p + BLOCKED_MINUTES)) {
				placed.add(start);
			}
		}
		return placed.stream().map(minute -> ZonedDateTime.of(day, OPENS.plusMinutes(minute), ZONE)).toList();
	}

	private static UUID patient(JdbcClient jdbc, String practitionerId) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO patient (id, email, birth_date, given_name, family_name)
				VALUES (?, ?, DATE '1980-01-01', 'Regular', 'Patient')""")
			.params(id, "regular-of-" + practitionerId + "@example.org")
			.update();
		return id;
	}

	private static void visit(JdbcClient jdbc, String clinic, String practitioner, String room, UUID patient,
			ZonedDateTime start) {
		var from = start.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
				    patient_id, start_at, end_at, blocked_from, blocked_to)
				VALUES (?, 'booked', ?, ?, ?, ?, 'MASSAGE_ROOM', ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), SERVICE, practitioner, clinic, room, patient, from,
					from.plusMinutes(VISIT_MINUTES), from, from.plusMinutes(BLOCKED_MINUTES))
			.update();
	}
}
