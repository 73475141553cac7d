package org.unknot.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Booking requests that should almost all succeed: free starts as the availability API
 * lists them, at most one per practitioner in any 75 minutes (a visit and its buffer),
 * each for a patient never seen before, shuffled so that concurrent requests spread over
 * practitioners and days. Rooms are shared, so now and then two bookings race for the
 * last free room at a time and one rightly gets 409.
 */
final class BookingStock {

	private static final Duration BLOCKED = Duration.ofMinutes(BenchClinic.BLOCKED_MINUTES);

	private final List<String> bodies;

	private int taken;

	private BookingStock(List<String> bodies) {
		this.bodies = bodies;
	}

	/**
	 * Reads whole-clinic availability in chunks of 31 days (the API's limit) from
	 * {@code from} on.
	 */
	static BookingStock collect(ObjectMapper json, Fetch availability, String clinicId, LocalDate from, int days,
			long seed) throws Exception {
		List<Free> free = new ArrayList<>();
		for (LocalDate chunk = from; chunk.isBefore(from.plusDays(days)); chunk = chunk.plusDays(31)) {
			JsonNode answer = json.readTree(availability.get(chunk, chunk.plusDays(30)));
			for (JsonNode slot : answer.path("slots")) {
				free.add(new Free(slot.path("practitioner").asString(), slot.path("start").asString(),
						OffsetDateTime.parse(slot.path("start").asString())));
			}
		}
		List<Free> chosen = apart(free);
		Collections.shuffle(chosen, new Random(seed));
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			bodies.add(body(chosen.get(i), clinicId, i));
		}
		return new BookingStock(bodies);
	}

	int remaining() {
		return bodies.size() - taken;
	}

	/** The next {@code count} requests, never handed out twice. */
	List<String> take(int count) {
		int end = Math.min(bodies.size(), taken + count);
		List<String> next = bodies.subList(taken, end);
		taken = end;
		return next;
	}

	private static List<Free> apart(List<Free> free) {
		List<Free> sorted = new ArrayList<>(free);
		sorted.sort(Comparator.comparing(Free::practitioner).thenComparing(Free::at));
		Map<String, OffsetDateTime> freeFrom = new HashMap<>();
		List<Free> chosen = new ArrayList<>();
		for (Free slot : sorted) {
			OffsetDateTime after = freeFrom.get(slot.practitioner());
			if (after == null || !slot.at().isBefore(after)) {
				chosen.add(slot);
				freeFrom.put(slot.practitioner(), slot.at().plus(BLOCKED));
			}
		}
		return chosen;
	}

	private static String body(Free slot, String clinicId, int patient) {
		return """
				{"service":"%s","practitioner":"%s","location":"%s","start":"%s",\
				"patient":{"givenName":"Bench","familyName":"Patient %d","email":"bench-%d@example.org",\
				"phone":"+1 973 555 0199","birthDate":"%s"}}""".formatted(BenchClinic.SERVICE, slot.practitioner(),
				clinicId, slot.start(), patient, patient, LocalDate.of(1960, 1, 1).plusDays(patient % 15_000));
	}

	/** The body of a whole-clinic availability answer for these dates. */
	@FunctionalInterface
	interface Fetch {

		String get(LocalDate from, LocalDate to) throws Exception;

	}

	private record Free(String practitioner, String start, OffsetDateTime at) {
	}

}
