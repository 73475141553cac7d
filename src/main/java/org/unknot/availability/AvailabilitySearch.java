package org.unknot.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.unknot.availability.SlotFinder.PractitionerCalendar;
import org.unknot.availability.SlotFinder.RoomCalendar;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.ClinicClosure;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.Room;
import org.unknot.catalog.RoomKind;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.WorkingHours;
import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest;
import org.unknot.system.ReferenceVersions;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Answers availability questions: reads every input once (catalog, practitioners, hours,
 * time off, closures, what is taken) and lets {@link SlotFinder} compute in memory.
 */
@Service
public class AvailabilitySearch {

	/**
	 * How far from today a date may lie before it is refused outright rather than
	 * searched.
	 */
	static final int HORIZON_YEARS = 10;

	private final ReferenceData reference;

	private final Occupancy occupancy;

	private final CatalogProperties catalog;

	private final AvailabilityProperties properties;

	private final Clock clock;

	private final Clinics clinics;

	private final CareServices services;

	AvailabilitySearch(ReferenceData reference, Occupancy occupancy, CatalogProperties catalog,
			AvailabilityProperties properties, Clock clock, Clinics clinics, CareServices services) {
		this.clinics = clinics;
		this.services = services;
		this.reference = reference;
		this.occupancy = occupancy;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	public Availability search(AvailabilityQuery query) {
		if (query.to().isBefore(query.from())) {
			throw new InvalidRequest("to", "'to' (" + query.to() + ") is before 'from' (" + query.from() + ").");
		}
		long days = ChronoUnit.DAYS.between(query.from(), query.to()) + 1;
		if (days > properties.maxDays()) {
			throw new InvalidRequest("to", "The range covers " + days + " days; at most " + properties.maxDays()
					+ " days can be searched at once.");
		}
		Loaded loaded = loaded(query.serviceId().value(), query.location(), raw(query.practitionerId()), scope -> {
			requireWithinHorizon("from", query.from(), scope.zone());
			requireWithinHorizon("to", query.to(), scope.zone());
			// every start lies on a local date from..to; its blocked range reaches out by
			// the buffers
			CareService service = scope.service();
			return new Window(query.from().atStartOfDay(scope.zone()).toInstant().minus(service.bufferBefore()),
					query.to()
						.plusDays(1)
						.atStartOfDay(scope.zone())
						.toInstant()
						.plus(service.duration())
						.plus(service.bufferAfter()));
		}, null);
		Scope scope = loaded.scope();
		List<Slot> slots = new ArrayList<>();
		for (SlotFinder.Found found : SlotFinder.freeSlots(loaded.input(), query.from(), query.to())) {
			slots.add(new Slot(offsetDateTime(found.start(), scope.zone()), offsetDateTime(found.end(), scope.zone()),
					PractitionerId.of(found.practitionerId()), query.location()));
		}
		return new Availability(ServiceId.of(scope.service().id()), query.location().value(), scope.zone(),
				query.from(), query.to(), slots, prerequisites(scope.service()));
	}

	/**
	 * Whether a visit can start at {@code start}; {@code excluding} names an appointment
	 * or hold whose own time should not count as taken (the hold being booked, the visit
	 * being moved).
	 */
	public SlotCheck check(ServiceId serviceId, LocationId location, PractitionerId practitionerId, Instant start,
			UUID excluding) {
		Loaded loaded = loaded(serviceId.value(), location, raw(practitionerId), scope -> {
			requireWithinHorizon("start", start, scope.zone());
			// only what overlaps this visit's blocked range can stand in its way
			CareService service = scope.service();
			return new Window(start.minus(service.bufferBefore()),
					start.plus(service.duration()).plus(service.bufferAfter()));
		}, excluding);
		Scope scope = loaded.scope();
		SlotFinder.Check check = SlotFinder.check(loaded.input(), raw(practitionerId), start.getEpochSecond());
		CareService service = scope.service();
		if (loaded.current()) {
			// a booking's price, policy and rules read the service as checked here, and
			// what else is kept in memory is checked against the same version
			services.readInThisTransaction(service);
			ReferenceVersions.seenInThisTransaction(loaded.version());
		}
		Instant end = start.plus(service.duration());
		return new SlotCheck(check.verdict(), service, location, practitionerId, scope.zone(), start, end,
				start.minus(service.bufferBefore()), end.plus(service.bufferAfter()), check.freeRooms(),
				loaded.expiredHolds());
	}

	/**
	 * Scope and inputs in one round trip in the usual case: the scope comes from the
	 * reference data in memory, and the bookings query brings back the current reference
	 * version with it. Should that version be newer (someone changed hours, a service, a
	 * licence...), or the scope name something the memory does not know yet, the
	 * reference data is reloaded and the request answered again.
	 */
	private Loaded loaded(String serviceId, LocationId location, String practitionerId, Function<Scope, Window> window,
			UUID excluding) {
		ReferenceData.Snapshot data = reference.cached();
		boolean fresh = false;
		for (int attempt = 0;; attempt++) {
			Scope scope;
			Window range;
			try {
				scope = scope(data, serviceId, location, practitionerId);
				range = window.apply(scope);
			}
			catch (DomainProblem problem) {
				if (fresh) {
					throw problem;
				}
				data = reference.current();
				fresh = true;
				continue;
			}
			Input input = load(scope, range, excluding);
			boolean current = input.referenceVersion() <= data.version();
			if (current || attempt >= 2) {
				return new Loaded(scope, input.input(), input.expiredHolds(), current, input.referenceVersion());
			}
			data = reference.at(input.referenceVersion());
			fresh = true;
		}
	}

	private static String raw(PractitionerId practitionerId) {
		return practitionerId == null ? null : practitionerId.value();
	}

	/**
	 * {@code current}: the scope comes from reference data at least as new as the version
	 * the bookings query saw ({@code version}).
	 */
	private record Loaded(Scope scope, SlotFinder.Input input, boolean expiredHolds, boolean current, long version) {
	}

	/** The instants whose bookings matter to a question: [from, to). */
	private record Window(Instant from, Instant to) {
	}

	/**
	 * Dates far outside any booking window (year 1 or 300000, say) are refused before any
	 * arithmetic on them can overflow: nothing can be booked there, and the caller
	 * deserves a plain answer.
	 */
	private LocalDate requireWithinHorizon(String field, LocalDate day, ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		LocalDate earliest = today.minusYears(HORIZON_YEARS);
		LocalDate latest = today.plusYears(HORIZON_YEARS);
		if (day.isBefore(earliest) || day.isAfter(latest)) {
			throw new InvalidRequest(field, "'" + field + "' must lie between " + earliest + " and " + latest + ".");
		}
		return day;
	}

	private void requireWithinHorizon(String field, Instant start, ZoneId zone) {
		Instant now = clock.instant();
		Instant reach = now.plus(HORIZON_YEARS * 366L, ChronoUnit.DAYS);
		Instant back = now.minus(HORIZON_YEARS * 366L, ChronoUnit.DAYS);
		if (start.isBefore(back) || start.isAfter(reach)) {
			LocalDate today = LocalDate.ofInstant(now, zone);
			throw new InvalidRequest(field, "'" + field + "' must lie between " + today.minusYears(HORIZON_YEARS)
					+ " and " + today.plusYears(HORIZON_YEARS) + ".");
		}
	}

	/**
	 * The service as the reference data in memory has it (read only when unknown there),
	 * for what is decided before a booking's own check: that check reads the reference
	 * version with the bookings, so a caller compares with the service it checked.
	 */
	public CareService service(ServiceId serviceId) {
		CareService known = reference.cached().services().get(serviceId.value());
		return known != null ? known : reference.current().service("service", serviceId.value());
	}

	/**
	 * The zone in which dates at this location are read: {@link Clinics#zoneOf} answered
	 * from the reference data already cached for availability, so that a booking or an
	 * availability answer does not pay a query for it (asked once per request on the
	 * API's hot paths).
	 */
	public ZoneId zoneOf(LocationId location) {
		if (location.isVirtual()) {
			return clinics.zoneOf(location);
		}
		Clinic clinic = reference.cached().clinics().get(location.value());
		return clinic != null ? clinic.zone() : clinics.zoneOf(location);
	}

	private Scope scope(ReferenceData.Snapshot data, String serviceId, LocationId location, String practitionerId) {
		CareService service = data.service("service", serviceId);
		Clinic clinic = location.isVirtual() ? null : data.clinic("location", location.value());
		if (!service.offeredAt(location)) {
			throw new InvalidRequest("location", service.name() + (location.isVirtual()
					? " is not offered as a video visit." : " is only offered as a video visit."));
		}
		List<Practitioner> candidates;
		if (practitionerId != null) {
			Practitioner practitioner = data.practitioner("practitioner", practitionerId);
			if (!practitioner.offers(ServiceId.of(service.id()))) {
				throw new InvalidRequest("practitioner",
						practitioner.displayName() + " does not offer " + service.name() + ".");
			}
			candidates = List.of(practitioner);
		}
		else {
			candidates = data.offering(service.id());
		}
		ZoneId zone = clinic == null ? catalog.virtualZone() : clinic.zone();
		String state = clinic == null ? catalog.virtualState() : clinic.address().state();
		RoomKind roomKind = service.roomKindAt(location);
		List<Room> rooms = clinic == null || roomKind == null ? List.of() : clinic.roomsOf(roomKind);
		return new Scope(data, service, location, clinic, zone, state, candidates, roomKind != null, rooms);
	}

	private Input load(Scope scope, Window window, UUID excluding) {
		Instant now = clock.instant();
		String clinicId = scope.location().clinicIdOrNull();
		Map<String, List<WorkingHours>> hours = new HashMap<>();
		for (Practitioner practitioner : scope.practitioners()) {
			List<WorkingHours> at = scope.data().hoursAt(practitioner.id(), clinicId);
			if (!at.isEmpty()) {
				hours.put(practitioner.id(), at);
			}
		}
		List<String> working = scope.practitioners().stream().map(Practitioner::id).filter(hours::containsKey).toList();
		List<String> roomIds = scope.rooms().stream().map(Room::id).toList();
		Map<String, IntervalSet.Builder> busyOfPractitioner = new HashMap<>();
		Map<String, IntervalSet.Builder> busyOfRoom = new HashMap<>();
		Occupancy.Taken taken = occupancy.busy(working, roomIds, window.from(), window.to(), now, excluding);
		for (Occupancy.BusyBlock block : taken.blocks()) {
			long blockFrom = block.from().getEpochSecond();
			long blockTo = block.to().getEpochSecond();
			if (block.practitionerId() != null && hours.containsKey(block.practitionerId())) {
				busyOfPractitioner.computeIfAbsent(block.practitionerId(), k -> new IntervalSet.Builder())
					.add(blockFrom, blockTo);
			}
			if (block.roomId() != null) {
				busyOfRoom.computeIfAbsent(block.roomId(), k -> new IntervalSet.Builder()).add(blockFrom, blockTo);
			}
		}
		List<PractitionerCalendar> calendars = new ArrayList<>();
		for (Practitioner practitioner : scope.practitioners()) {
			if (!hours.containsKey(practitioner.id())) {
				continue;
			}
			var offTimes = new IntervalSet.Builder();
			scope.data()
				.timeOff(practitioner.id())
				.forEach(off -> offTimes.add(off.start().getEpochSecond(), off.end().getEpochSecond()));
			Predicate<LocalDate> licensed = day -> practitioner.licensedOn(day, scope.service().licenceTypes(),
					scope.state());
			calendars.add(new PractitionerCalendar(practitioner.id(), hours.get(practitioner.id()), licensed,
					offTimes.build(), built(busyOfPractitioner.get(practitioner.id()))));
		}
		List<RoomCalendar> rooms = scope.rooms()
			.stream()
			.map(room -> new RoomCalendar(room.id(), built(busyOfRoom.get(room.id()))))
			.toList();
		List<ClinicClosure> closures = scope.clinic() == null ? List.of() : scope.data().closures(scope.clinic().id());
		Predicate<LocalDate> closed = day -> closures.stream().anyMatch(closure -> closure.covers(day));
		CareService service = scope.service();
		LocalDate today = LocalDate.ofInstant(now, scope.zone());
		var rules = new SlotFinder.Rules(service.duration().toSeconds(), service.bufferBefore().toSeconds(),
				service.bufferAfter().toSeconds(), (int) service.slotStep().toSeconds(), now.getEpochSecond(),
				now.plus(service.minimumNotice()).getEpochSecond(), today.plusDays(service.maximumAdvanceDays()),
				scope.zone());
		return new Input(new SlotFinder.Input(rules, closed, calendars, scope.needsRoom(), rooms),
				taken.referenceVersion(), taken.expiredHolds());
	}

	private static List<Availability.Prerequisite> prerequisites(CareService service) {
		if (service.prerequisite() == null) {
			return List.of();
		}
		return List.of(new Availability.Prerequisite(service.prerequisite(),
				service.name() + " needs a prior " + service.prerequisite().name().toLowerCase().replace('_', ' ')
						+ " with a physician; these times can be booked only by a patient who has had one."));
	}

	private static IntervalSet built(IntervalSet.Builder builder) {
		return builder == null ? IntervalSet.EMPTY : builder.build();
	}

	private static OffsetDateTime offsetDateTime(long epochSecond, ZoneId zone) {
		return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
	}

	private record Scope(ReferenceData.Snapshot data, CareService service, LocationId location, Clinic clinic,
			ZoneId zone, String state, List<Practitioner> practitioners, boolean needsRoom, List<Room> rooms) {
	}

	private record Input(SlotFinder.Input input, long referenceVersion, boolean expiredHolds) {
	}

}
