package org.unknot.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.Slot;
import org.unknot.availability.SlotCheck;
import org.unknot.availability.SlotVerdict;
import org.unknot.patient.Patients;
import org.unknot.patient.PatientId;

/**
 * Books a course of care at once. Every occurrence keeps the local time of the first, so
 * a series does not drift by an hour across a daylight saving change, and every
 * occurrence is checked.
 */
@Service
public class SeriesDesk {

	private static final int ALTERNATIVES = 3;

	private static final int SEARCH_DAYS_EITHER_SIDE = 2;

	private final BookingDesk desk;

	private final AvailabilitySearch availability;

	private final Appointments appointments;

	private final Patients patients;

	private final JdbcClient jdbc;

	SeriesDesk(BookingDesk desk, AvailabilitySearch availability, Appointments appointments, Patients patients,
			JdbcClient jdbc) {
		this.desk = desk;
		this.availability = availability;
		this.appointments = appointments;
		this.patients = patients;
		this.jdbc = jdbc;
	}

	/**
	 * @throws SeriesConflicts when nothing was booked: any conflict under all-or-nothing,
	 * or every occurrence in conflict (the transaction is rolled back)
	 */
	@Transactional
	public SeriesOutcome book(SeriesRequest request) {
		ZoneId zone = availability.zoneOf(request.location());
		// the first visit must itself be a valid request, like a single booking
		SlotCheck first = availability.check(request.serviceId(), request.location(), request.practitionerId(),
				request.firstStart(), null);
		if (!first.free() && !first.verdict().taken()) {
			desk.bookableSlot(slotRequest(request, request.firstStart()), null, "firstStart");
		}
		PatientId patientId = PatientId.of(patients.identify(request.patient()));
		// later visits come later still, so what the first needs before it, all of them
		// have
		desk.requirePrerequisite(first.service(), patientId, request.firstStart());
		UUID seriesId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO appointment_series (id, service_id, practitioner_id, clinic_id, patient_id, every_weeks,
				    occurrences, first_start)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seriesId, request.serviceId().value(), request.practitionerId().value(),
					request.location().clinicIdOrNull(), patientId.value(), request.everyWeeks(), request.occurrences(),
					Appointments.utc(request.firstStart()))
			.update();
		LocalDateTime firstLocal = LocalDateTime.ofInstant(request.firstStart(), zone);
		List<Booked> booked = new ArrayList<>();
		List<SeriesOutcome.Conflict> conflicts = new ArrayList<>();
		for (int k = 0; k < request.occurrences(); k++) {
			LocalDateTime local = firstLocal.plusWeeks((long) k * request.everyWeeks());
			Instant start = ZonedDateTime.of(local, zone).toInstant();
			try {
				SlotCheck slot = desk.bookableSlot(slotRequest(request, start), null, "firstStart");
				booked.add(desk.bookOccurrence(slot, patientId, seriesId));
			}
			catch (SlotTaken | SlotNotBookable | PatientAlreadyBooked refused) {
				conflicts.add(conflict(request, patientId, k + 1, start, zone, refused));
			}
		}
		SeriesOutcome outcome = new SeriesOutcome(seriesId, booked, conflicts);
		if (booked.isEmpty() || (request.allOrNothing() && !conflicts.isEmpty())) {
			throw new SeriesConflicts(outcome, request.allOrNothing());
		}
		return outcome;
	}

	private SeriesOutcome.Conflict conflict(SeriesRequest request, PatientId patientId, int occurrence, Instant start,
			ZoneId zone, RuntimeException refused) {
		String reason = "patient-busy";
		if (refused instanceof SlotNotBookable notBookable) {
			reason = slug(notBookable.verdict());
		}
		else if (refused instanceof SlotTaken taken) {
			reason = slug(taken.verdict());
		}
		return new SeriesOutcome.Conflict(occurrence, OffsetDateTime.ofInstant(start, zone), reason,
				refused.getMessage(), alternatives(request, patientId, start, zone));
	}

	/**
	 * The free times nearest to the wanted one: same day first, then by closeness of
	 * local time. Only times the patient could take: none overlapping a visit they
	 * already have.
	 */
	private List<Slot> alternatives(SeriesRequest request, PatientId patientId, Instant wanted, ZoneId zone) {
		LocalDateTime local = LocalDateTime.ofInstant(wanted, zone);
		var day = local.toLocalDate();
		LocalDate first = day.minusDays(SEARCH_DAYS_EITHER_SIDE);
		LocalDate last = day.plusDays(SEARCH_DAYS_EITHER_SIDE);
		List<Slot> slots = availability
			.search(new AvailabilityQuery(request.serviceId(), request.location(), request.practitionerId(), first,
					last))
			.slots();
		List<Appointment> patientsVisits = appointments.liveOfPatient(patientId,
				first.minusDays(1).atStartOfDay(zone).toInstant(), last.plusDays(2).atStartOfDay(zone).toInstant());
		Comparator<Slot> nearest = Comparator
			.comparingLong((Slot slot) -> Math.abs(slot.start().toLocalDate().toEpochDay() - day.toEpochDay()))
			.thenComparingLong(
					slot -> Math.abs(Duration.between(local.toLocalTime(), slot.start().toLocalTime()).toMinutes()))
			.thenComparing(Slot::start);
		return slots.stream()
			.filter(slot -> patientsVisits.stream().noneMatch(visit -> overlaps(visit, slot)))
			.sorted(nearest)
			.limit(ALTERNATIVES)
			.toList();
	}

	private static boolean overlaps(Appointment visit, Slot slot) {
		return visit.start().isBefore(slot.end().toInstant()) && slot.start().toInstant().isBefore(visit.end());
	}

	private static String slug(SlotVerdict verdict) {
		return verdict.name().toLowerCase().replace('_', '-');
	}

	private static SlotRequest slotRequest(SeriesRequest request, Instant start) {
		return new SlotRequest(request.serviceId(), request.practitionerId(), request.location(), start);
	}

}
