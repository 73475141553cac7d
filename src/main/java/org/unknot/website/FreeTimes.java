package org.unknot.website;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.Slot;
import org.unknot.catalog.CareService;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The first free times shown on service and practitioner pages: the next two weeks, from
 * the engine.
 */
@Component
class FreeTimes {

	static final int DAYS_AHEAD = 14;

	private final AvailabilitySearch search;

	private final BookablePractitioners practitioners;

	FreeTimes(AvailabilitySearch search, BookablePractitioners practitioners) {
		this.search = search;
		this.practitioners = practitioners;
	}

	/**
	 * The first free time at each location where the service is offered, earliest first.
	 */
	List<FreeTime> firstAtEachLocation(CareService service, List<Clinic> clinics) {
		List<FreeTime> times = new ArrayList<>();
		for (Location location : locations(service, clinics)) {
			first(service, location, null, 1).forEach(times::add);
		}
		times.sort(Comparator.comparing(FreeTime::start));
		return times;
	}

	/**
	 * A practitioner's next free times for a service, at any of the locations given: the
	 * earliest of each day, for up to {@code count} days.
	 */
	List<FreeTime> nextOf(String practitionerId, CareService service, List<Clinic> clinics, boolean video, int count) {
		List<FreeTime> times = new ArrayList<>();
		for (Location location : locations(service, clinics)) {
			if (location.id().isVirtual() && !video) {
				continue;
			}
			times.addAll(first(service, location, practitionerId, Integer.MAX_VALUE));
		}
		// the first free time of each day: a choice of days says more than six starts a
		// quarter-hour apart
		Map<LocalDate, FreeTime> firstOfDay = new TreeMap<>();
		times.stream()
			.sorted(Comparator.comparing(FreeTime::start))
			.forEach(time -> firstOfDay.putIfAbsent(time.start().toLocalDate(), time));
		return firstOfDay.values().stream().limit(count).toList();
	}

	private List<FreeTime> first(CareService service, Location location, String practitionerId, int count) {
		LocalDate today = practitioners.today();
		var availability = search.search(new AvailabilityQuery(ServiceId.of(service.id()), location.id(),
				practitionerId == null ? null : PractitionerId.of(practitionerId), today,
				today.plusDays(DAYS_AHEAD - 1)));
		return availability.slots()
			.stream()
			.sorted(Comparator.comparing(Slot::start))
			.limit(count)
			.map(slot -> new FreeTime(slot.start(), service.id(), location.id().value(), location.name(),
					slot.practitionerId().value()))
			.toList();
	}

	private static List<Location> locations(CareService service, List<Clinic> clinics) {
		List<Location> locations = new ArrayList<>();
		if (service.inPerson()) {
			for (Clinic clinic : clinics) {
				if (service.roomKind() == null || !clinic.roomsOf(service.roomKind()).isEmpty()) {
					locations.add(new Location(LocationId.ofClinic(clinic.id()), clinic.name()));
				}
			}
		}
		if (service.virtual()) {
			locations.add(new Location(LocationId.VIRTUAL, "Video visit"));
		}
		return locations;
	}

	private record Location(LocationId id, String name) {
	}

}
