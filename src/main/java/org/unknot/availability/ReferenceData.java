package org.unknot.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.ClinicClosure;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.TimeOff;
import org.unknot.practitioner.WorkingHours;
import org.unknot.system.NotFound;

/**
 * Everything availability depends on except bookings, kept in memory. Database triggers
 * move {@code reference_version} on every change to these tables (from any instance, or
 * by hand), and each request reads that one number, in the same statement as the bookings
 * it needs (see {@link Occupancy.Taken}): a changed number reloads the whole snapshot and
 * the request is answered again from it.
 */
@Component
class ReferenceData {

	/** Time off and closures that ended this long ago no longer matter to any search. */
	private static final Duration HISTORY = Duration.ofDays(3);

	private final JdbcClient jdbc;

	private final CareServices services;

	private final Clinics clinics;

	private final Practitioners practitioners;

	private final Clock clock;

	private final TransactionTemplate consistentRead;

	private volatile Snapshot current;

	ReferenceData(JdbcClient jdbc, CareServices services, Clinics clinics, Practitioners practitioners, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.services = services;
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.clock = clock;
		this.consistentRead = new TransactionTemplate(transactions);
		this.consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.consistentRead.setReadOnly(true);
	}

	Snapshot current() {
		long version = version();
		Snapshot snapshot = current;
		if (snapshot != null && snapshot.version() == version && !snapshot.stale(clock.instant())) {
			return snapshot;
		}
		synchronized (this) {
			snapshot = current;
			if (snapshot == null || snapshot.version() != version || snapshot.stale(clock.instant())) {
				snapshot = consistentRead.execute(status -> load());
				current = snapshot;
			}
			return snapshot;
		}
	}

	/**
	 * The snapshot in memory, without asking the database: callers check the version that
	 * comes back with their bookings query and call {@link #at(long)} when it differs.
	 */
	Snapshot cached() {
		Snapshot snapshot = current;
		return snapshot != null && !snapshot.stale(clock.instant()) ? snapshot : current();
	}

	/**
	 * The snapshot of this version (or a later one), reloading if the one in memory is
	 * older.
	 */
	Snapshot at(long version) {
		Snapshot snapshot = current;
		if (snapshot != null && snapshot.version() >= version && !snapshot.stale(clock.instant())) {
			return snapshot;
		}
		synchronized (this) {
			snapshot = current;
			if (snapshot == null || snapshot.version() < version || snapshot.stale(clock.instant())) {
				snapshot = consistentRead.execute(status -> load());
				current = snapshot;
			}
			return snapshot;
		}
	}

	private long version() {
		return jdbc.sql("SELECT version FROM reference_version").query(Long.class).single();
	}

	/**
	 * Reads the version first: a change committed meanwhile can only cause one more
	 * reload.
	 */
	private Snapshot load() {
		long version = version();
		Instant now = clock.instant();
		Instant since = now.minus(HISTORY);
		return new Snapshot(version, now, byId(services.all(), CareService::id), byId(clinics.all(), Clinic::id),
				grouped(clinics.closuresUntilOrAfter(LocalDate.ofInstant(since, ZoneOffset.UTC)),
						ClinicClosure::clinicId),
				byId(practitioners.all(), Practitioner::id),
				grouped(practitioners.allWorkingHours(), WorkingHours::practitionerId),
				grouped(practitioners.timeOffEndingAfter(since), TimeOff::practitionerId));
	}

	private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(id.apply(item), item));
		return map;
	}

	private static <T> Map<String, List<T>> grouped(Collection<T> items, Function<T, String> key) {
		Map<String, List<T>> map = new HashMap<>();
		items.forEach(item -> map.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
		return map;
	}

	/** One consistent reading of the reference tables. */
	record Snapshot(long version, Instant loadedAt, Map<String, CareService> services, Map<String, Clinic> clinics,
			Map<String, List<ClinicClosure>> closures, Map<String, Practitioner> practitioners,
			Map<String, List<WorkingHours>> hours, Map<String, List<TimeOff>> timeOff) {

		/**
		 * Reloaded daily anyway, so that the window of time off and closures moves with
		 * the calendar.
		 */
		boolean stale(Instant now) {
			return loadedAt.plus(Duration.ofDays(1)).isBefore(now);
		}

		CareService service(String field, String id) {
			CareService service = services.get(id);
			if (service == null) {
				throw new NotFound(field, "service", id);
			}
			return service;
		}

		Clinic clinic(String field, String id) {
			Clinic clinic = clinics.get(id);
			if (clinic == null) {
				throw new NotFound(field, "clinic", id);
			}
			return clinic;
		}

		Practitioner practitioner(String field, String id) {
			Practitioner practitioner = practitioners.get(id);
			if (practitioner == null) {
				throw new NotFound(field, "practitioner", id);
			}
			return practitioner;
		}

		List<Practitioner> offering(String serviceId) {
			ServiceId wanted = ServiceId.of(serviceId);
			return practitioners.values().stream().filter(p -> p.offers(wanted)).toList();
		}

		/**
		 * Hours of the practitioner at a clinic, or on video when {@code clinicId} is
		 * null.
		 */
		List<WorkingHours> hoursAt(String practitionerId, String clinicId) {
			return hours.getOrDefault(practitionerId, List.of())
				.stream()
				.filter(h -> java.util.Objects.equals(h.clinicId(), clinicId))
				.toList();
		}

		List<TimeOff> timeOff(String practitionerId) {
			return timeOff.getOrDefault(practitionerId, List.of());
		}

		List<ClinicClosure> closures(String clinicId) {
			return closures.getOrDefault(clinicId, List.of());
		}
	}

}
