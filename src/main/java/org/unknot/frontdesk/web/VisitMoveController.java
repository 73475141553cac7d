package org.unknot.frontdesk.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.catalog.CareServices;
import org.unknot.frontdesk.ClinicVisits;
import org.unknot.system.DomainProblem;
import org.unknot.practitioner.PractitionerId;

/**
 * Moving a visit for a caller: the free times of that day, then the move under the usual
 * guarantees.
 */
@Controller
class VisitMoveController {

	private final ClinicVisits visits;

	private final AvailabilitySearch availability;

	private final BookingDesk desk;

	private final CareServices services;

	VisitMoveController(ClinicVisits visits, AvailabilitySearch availability, BookingDesk desk, CareServices services) {
		this.visits = visits;
		this.availability = availability;
		this.desk = desk;
		this.services = services;
	}

	@GetMapping("/staff/visits/{id}/move")
	String form(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(required = false) String date, Model model) {
		Appointment visit = visits.of(me, id);
		ZoneId zone = availability.zoneOf(visit.location());
		LocalDate day = parse(date, LocalDate.ofInstant(visit.start(), zone));
		model.addAttribute("visit", visit);
		model.addAttribute("service", services.get("service", visit.serviceId().value()));
		model.addAttribute("zone", zone);
		model.addAttribute("current", visit.start().atZone(zone));
		model.addAttribute("date", day);
		model.addAttribute("slots",
				availability.search(new AvailabilityQuery(visit.serviceId(), visit.location(), null, day, day))
					.slots());
		return "staff/move";
	}

	@PostMapping("/staff/visits/{id}/move")
	String move(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String slot, RedirectAttributes redirect) {
		Appointment visit = visits.of(me, id);
		String[] chosen = slot.split("\\|", 2);
		try {
			if (chosen.length != 2) {
				throw new DateTimeParseException("no slot chosen", slot, 0);
			}
			Appointment moved = desk.rescheduleForClinic(id, OffsetDateTime.parse(chosen[0]).toInstant(),
					PractitionerId.of(chosen[1]));
			ZoneId zone = availability.zoneOf(moved.location());
			redirect.addFlashAttribute("message", "Moved to " + moved.start().atZone(zone).toLocalDateTime() + ".");
			return "redirect:/staff/calendar?clinic=" + moved.location().value() + "&date="
					+ LocalDate.ofInstant(moved.start(), zone);
		}
		catch (DateTimeParseException e) {
			redirect.addFlashAttribute("problem", "Choose one of the free times.");
		}
		catch (DomainProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
		}
		return "redirect:/staff/visits/" + visit.id() + "/move";
	}

	private LocalDate parse(String date, LocalDate fallback) {
		try {
			return date == null || date.isBlank() ? fallback : LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}

}
