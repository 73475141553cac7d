package org.unknot.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The demo's visits that lie in the past: its plans' and its patient's. The desk refuses
 * to book the past, so they are written as the desk would have left them: in a room of
 * the service's kind, in New York time.
 */
@Component
class DemoVisits {

	private final JdbcClient jdbc;

	private final AvailabilitySearch availability;

	DemoVisits(JdbcClient jdbc, AvailabilitySearch availability) {
		this.jdbc = jdbc;
		this.availability = availability;
	}

	/**
	 * The first time from {@code from} (and in the three weeks after) when the
	 * practitioner is free to give the service at the clinic, as the booking pages find
	 * it.
	 */
	Optional<SlotRequest> firstFree(String serviceId, String practitionerId, String clinicId, LocalDate from) {
		return availability
			.search(new AvailabilityQuery(ServiceId.of(serviceId), LocationId.of(clinicId),
					PractitionerId.of(practitionerId), from, from.plusDays(20)))
			.slots()
			.stream()
			.findFirst()
			.map(slot -> new SlotRequest(ServiceId.of(serviceId), PractitionerId.of(practitionerId),
					LocationId.of(clinicId), slot.start().toInstant()));
	}

	/**
	 * The first free time from {@code from} at which a course of {@code visits},
	 * {@code everyWeeks} apart at the same time of day, can be booked whole: every later
	 * visit on a day the clinic is open, with the practitioner working and not away and a
	 * room free, as the booking itself will check. A course starting in the weeks before
	 * a holiday would otherwise book one visit short, depending on the day the demo
	 * loads.
	 */
	Optional<SlotRequest> firstWholeCourse(String serviceId, String practitionerId, String clinicId, LocalDate from,
			int visits, int everyWeeks) {
		LocalDate day = from;
		for (int tries = 0; tries < 30; tries++) {
			Optional<SlotRequest> slot = firstFree(serviceId, practitionerId, clinicId, day);
			if (slot.isEmpty()) {
				return Optional.empty();
			}
			ZonedDateTime start = slot.get().start().atZone(ZoneId.of(DemoClinics.ZONE));
			boolean fits = true;
			for (int n = 1; n < visits && fits; n++) {
				fits = availability
					.check(ServiceId.of(serviceId), LocationId.of(clinicId), PractitionerId.of(practitionerId),
							start.plusWeeks((long) everyWeeks * n).toInstant(), null)
					.free();
			}
			if (fits) {
				return slot;
			}
			day = start.toLocalDate().plusDays(1);
		}
		return Optional.empty();
	}

	/**
	 * Whether the practitioner and room number {@code room} of the service's kind are
	 * free for a visit of this service at this time.
	 */
	boolean free(String serviceId, String practitionerId, String clinicId, int room, LocalDateTime start) {
		DemoCatalog.Service service = service(serviceId);
		OffsetDateTime from = start.atZone(ZoneId.of(DemoClinics.ZONE)).toOffsetDateTime();
		return !jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM appointment WHERE (practitioner_id = ? OR room_id = ?)
				    AND tstzrange(blocked_from, blocked_to) && tstzrange(?, ?))""")
			.params(practitionerId, roomId(clinicId, service, room), from, from.plusMinutes(service.minutes()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * A visit done, missed or cancelled (by the patient) at this clinic, in room number
	 * {@code room} of its kind; or by video, without a room, when the clinic is
	 * {@link DemoClinics#VIDEO}.
	 */
	UUID past(UUID patientId, String serviceId, String practitionerId, String clinicId, int room, LocalDateTime start,
			String status) {
		DemoCatalog.Service service = service(serviceId);
		boolean video = Objects.equals(clinicId, DemoClinics.VIDEO);
		UUID id = UUID.randomUUID();
		OffsetDateTime from = start.atZone(ZoneId.of(DemoClinics.ZONE)).toOffsetDateTime();
		OffsetDateTime to = from.plusMinutes(service.minutes());
		jdbc.sql("""
				INSERT INTO appointment (id, status, service_id, practitioner_id, clinic_id, room_id, room_kind,
				    patient_id, start_at, end_at, blocked_from, blocked_to, cancellation_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, status, serviceId, practitionerId, clinicId, video ? null : roomId(clinicId, service, room),
					video ? null : service.roomKind(), patientId, from, to, from, to,
					status.equals("cancelled") ? "patient" : null)
			.update();
		return id;
	}

	private static String roomId(String clinicId, DemoCatalog.Service service, int room) {
		return DemoClinics.roomId(clinicId, service.roomKind(), room);
	}

	private static DemoCatalog.Service service(String serviceId) {
		return DemoCatalog.SERVICES.stream()
			.filter(candidate -> candidate.id().equals(serviceId))
			.findFirst()
			.orElseThrow();
	}

}
