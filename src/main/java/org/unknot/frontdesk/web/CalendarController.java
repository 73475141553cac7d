package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.frontdesk.CalendarDay;
import org.unknot.frontdesk.ClinicCalendar;
import org.unknot.frontdesk.ClinicVisits;
import org.unknot.frontdesk.DayGrid;
import org.unknot.frontdesk.PatientsShown;
import org.unknot.frontdesk.StaffAccess;
import org.unknot.frontdesk.WeekTable;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.DomainProblem;
import org.unknot.system.NotFound;
import org.unknot.system.Times;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.LocationId;

/** A clinic's day and week, and the front desk's verbs on the visits in it. */
@Controller
class CalendarController {

	private final ClinicCalendar calendar;

	private final Clinics clinics;

	private final ClinicVisits visits;

	private final BookingDesk desk;

	private final Practitioners practitioners;

	private final CatalogProperties catalog;

	private final Clock clock;

	private final PatientsShown patientsShown;

	CalendarController(ClinicCalendar calendar, Clinics clinics, ClinicVisits visits, BookingDesk desk,
			Practitioners practitioners, CatalogProperties catalog, Clock clock, PatientsShown shown) {
		this.patientsShown = shown;
		this.catalog = catalog;
		this.calendar = calendar;
		this.clinics = clinics;
		this.visits = visits;
		this.desk = desk;
		this.practitioners = practitioners;
		this.clock = clock;
	}

	@GetMapping("/staff/calendar")
	String calendar(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String clinic,
			@RequestParam(required = false) String date, @RequestParam(defaultValue = "day") String view,
			@RequestParam(defaultValue = "practitioner") String by, HttpServletRequest request, Model model) {
		List<Clinic> mine = StaffAccess.clinicsOf(me, clinics.all());
		if (mine.isEmpty()) {
			throw new AccessDeniedException("No clinic calendars for this account");
		}
		String clinicId = clinic == null || clinic.isBlank() ? mine.get(0).id() : clinic;
		StaffAccess.requireClinic(me, clinicId);
		Clinic shown = clinics.find(clinicId).orElseThrow(() -> new NotFound("clinic", "clinic", clinicId));
		LocalDate day = parseDate(date, shown.zone());
		model.addAttribute("clinics", mine);
		model.addAttribute("clinic", shown);
		model.addAttribute("date", day);
		model.addAttribute("today", LocalDate.now(clock.withZone(shown.zone())));
		model.addAttribute("by", "room".equals(by) ? "room" : "practitioner");
		model.addAttribute("dayShort", Times.shortDay(day));
		model.addAttribute("dayLong", Times.day(day));
		if ("week".equals(view)) {
			List<CalendarDay> week = calendar.week(LocationId.of(shown.id()), day);
			patientsShown.record(me, week.stream().flatMap(CalendarDay::patientIds).toList(), "schedule",
					request.getRemoteAddr());
			model.addAttribute("week", week);
			model.addAttribute("table", "room".equals(by) ? WeekTable.byRoom(week) : WeekTable.byPractitioner(week));
			model.addAttribute("weekOf", Times.day(week.get(0).date()));
			return "staff/calendar-week";
		}
		CalendarDay calendarDay = calendar.day(LocationId.of(shown.id()), day);
		patientsShown.record(me, calendarDay.patientIds().toList(), "schedule", request.getRemoteAddr());
		model.addAttribute("day", calendarDay);
		model.addAttribute("grid",
				"room".equals(by) ? DayGrid.byRoom(calendarDay) : DayGrid.byPractitioner(calendarDay));
		return "staff/calendar-day";
	}

	@PostMapping("/staff/visits/{id}/{verb}")
	String act(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String verb,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Appointment visit = visits.of(me, id);
		try {
			switch (verb) {
				case "arrive" -> desk.arrive(id);
				case "check-in" -> desk.checkIn(id);
				case "fulfil" -> desk.fulfil(id);
				case "no-show" -> desk.markNoShow(id);
				case "cancel" -> desk.cancelForClinic(id, reason);
				default -> throw new NotFound(null, "action", verb);
			}
			redirect.addFlashAttribute("message", switch (verb) {
				case "arrive" -> "Marked as arrived at ";
				case "check-in" -> "Checked in at ";
				case "fulfil" -> "Marked as done at ";
				case "no-show" -> "Marked as a no-show at ";
				default -> "Cancelled the visit at ";
			} + Times.shortDateTime(visit.start(), zoneOf(visit)) + ".");
		}
		catch (DomainProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
		}
		return backTo(visit);
	}

	@PostMapping("/staff/block")
	String block(@AuthenticationPrincipal SignedIn me, @RequestParam String clinic, @RequestParam String date,
			@RequestParam String practitioner, @RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		StaffAccess.requireClinic(me, clinic);
		Clinic shown = clinics.get("clinic", clinic);
		LocalDate day = parseDate(date, shown.zone());
		try {
			LocalTime start = LocalTime.parse(from);
			LocalTime end = LocalTime.parse(to);
			practitioners.blockTime(PractitionerId.of(practitioner), day.atTime(start).atZone(shown.zone()).toInstant(),
					day.atTime(end).atZone(shown.zone()).toInstant(), reason);
			redirect.addFlashAttribute("message", "Time blocked from " + start + " to " + end + ".");
		}
		catch (DateTimeParseException e) {
			redirect.addFlashAttribute("problem", "Enter the times like 13:00.");
		}
		catch (DomainProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
		}
		return "redirect:/staff/calendar?clinic=" + clinic + "&date=" + day;
	}

	private ZoneId zoneOf(Appointment visit) {
		String clinicId = visit.location().clinicIdOrNull();
		return clinicId == null ? catalog.virtualZone() : clinics.get("clinic", clinicId).zone();
	}

	private String backTo(Appointment visit) {
		String clinicId = visit.location().clinicIdOrNull();
		ZoneId zone = clinicId == null ? catalog.virtualZone() : clinics.get("clinic", clinicId).zone();
		LocalDate day = LocalDate.ofInstant(visit.start(), zone);
		return clinicId == null ? "redirect:/staff" : "redirect:/staff/calendar?clinic=" + clinicId + "&date=" + day;
	}

	private LocalDate parseDate(String date, ZoneId zone) {
		if (date == null || date.isBlank()) {
			return LocalDate.now(clock.withZone(zone));
		}
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			return LocalDate.now(clock.withZone(zone));
		}
	}

}
