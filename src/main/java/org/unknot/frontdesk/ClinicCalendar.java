package org.unknot.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.ClinicClosure;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.Room;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.TimeOff;
import org.unknot.practitioner.WorkingHours;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.LocationId;

/**
 * Builds a clinic's calendar for a day or a week from what is booked, who works there and
 * when, blocked time and closures: every input read once per day shown.
 */
@Service
public class ClinicCalendar {

	private final Clinics clinics;

	private final Practitioners practitioners;

	private final Appointments appointments;

	private final Patients patients;

	private final CareServices services;

	ClinicCalendar(Clinics clinics, Practitioners practitioners, Appointments appointments, Patients patients,
			CareServices services) {
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.appointments = appointments;
		this.patients = patients;
		this.services = services;
	}

	@Transactional(readOnly = true)
	public CalendarDay day(LocationId clinicId, LocalDate date) {
		Clinic clinic = clinics.get("clinic", clinicId.value());
		return day(clinic, date, practitioners.allWorkingHours());
	}

	/** Monday to Sunday of the week containing {@code date}. */
	@Transactional(readOnly = true)
	public List<CalendarDay> week(LocationId clinicId, LocalDate date) {
		Clinic clinic = clinics.get("clinic", clinicId.value());
		List<WorkingHours> hours = practitioners.allWorkingHours();
		LocalDate monday = date.minusDays(date.getDayOfWeek().getValue() - 1L);
		List<CalendarDay> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(day(clinic, monday.plusDays(i), hours));
		}
		return days;
	}

	private CalendarDay day(Clinic clinic, LocalDate date, List<WorkingHours> allHours) {
		ZoneId zone = clinic.zone();
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		List<Appointment> visits = appointments.atLocation(LocationId.of(clinic.id()), from, to);
		Map<UUID, Patient> patientsById = patients.byIds(visits.stream()
			.map(Appointment::patientId)
			.filter(Objects::nonNull)
			.map(PatientId::value)
			.collect(Collectors.toSet()));
		Map<String, CareService> serviceById = services.byId();
		Map<String, String> roomNames = clinic.rooms().stream().collect(Collectors.toMap(Room::id, Room::name));
		List<WorkingHours> hoursToday = allHours.stream()
			.filter(rule -> clinic.id().equals(rule.clinicId()) && rule.appliesOn(date))
			.toList();
		Set<String> ids = new LinkedHashSet<>();
		hoursToday.forEach(rule -> ids.add(rule.practitionerId()));
		visits.forEach(visit -> ids.add(visit.practitionerId().value()));
		List<TimeOff> blocked = practitioners.timeOff(ids.stream().map(PractitionerId::of).toList(), from, to);
		List<CalendarColumn> columns = new ArrayList<>();
		for (String id : ids) {
			Practitioner practitioner = practitioners.get("practitioner", PractitionerId.of(id));
			List<CalendarColumn.Span> hours = hoursToday.stream()
				.filter(rule -> rule.practitionerId().equals(id))
				.map(rule -> new CalendarColumn.Span(rule.start(), rule.end(), "working"))
				.toList();
			List<CalendarColumn.Span> off = blocked.stream()
				.filter(timeOff -> timeOff.practitionerId().equals(id))
				.map(timeOff -> new CalendarColumn.Span(local(timeOff.start(), from, zone, LocalTime.MIN),
						local(timeOff.end(), to, zone, LocalTime.MAX), timeOff.reason()))
				.toList();
			List<CalendarEntry> entries = visits.stream()
				.filter(visit -> visit.practitionerId().value().equals(id))
				.map(visit -> entry(visit, zone, serviceById, patientsById, roomNames))
				.toList();
			columns.add(new CalendarColumn(practitioner, hours, off, entries));
		}
		columns.sort(Comparator.comparing((CalendarColumn column) -> column.practitioner().familyName())
			.thenComparing(column -> column.practitioner().givenName()));
		ClinicClosure closure = clinics.closures(LocationId.of(clinic.id()), date, date)
			.stream()
			.findFirst()
			.orElse(null);
		return new CalendarDay(clinic, date, closure != null, closure == null ? null : closure.reason(), columns,
				clinic.rooms());
	}

	private static CalendarEntry entry(Appointment visit, ZoneId zone, Map<String, CareService> services,
			Map<UUID, Patient> patients, Map<String, String> rooms) {
		Patient patient = visit.patientId() == null ? null : patients.get(visit.patientId().value());
		CareService service = services.get(visit.serviceId().value());
		return new CalendarEntry(visit.id(), ZonedDateTime.ofInstant(visit.start(), zone),
				ZonedDateTime.ofInstant(visit.end(), zone),
				service == null ? visit.serviceId().value() : service.name(), visit.practitionerId().value(),
				visit.patientId() == null ? null : visit.patientId().value(),
				patient == null ? "" : patient.givenName() + " " + patient.familyName(),
				visit.roomId() == null ? null : rooms.getOrDefault(visit.roomId(), visit.roomId()),
				visit.status().code(), service == null ? Duration.ZERO : service.bufferBefore(),
				service == null ? Duration.ZERO : service.bufferAfter());
	}

	private static LocalTime local(Instant instant, Instant clampAt, ZoneId zone, LocalTime clampTo) {
		boolean outside = clampTo == LocalTime.MIN ? instant.isBefore(clampAt) : !instant.isBefore(clampAt);
		return outside ? clampTo : ZonedDateTime.ofInstant(instant, zone).toLocalTime();
	}

}
