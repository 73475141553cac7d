package org.unknot.frontdesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
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
import org.unknot.visit.BookedBy;
import org.unknot.visit.MoveNotCovered;
import org.unknot.visit.MovedVisit;
import org.unknot.visit.VisitMoves;
import org.unknot.booking.SlotNotBookable;
import org.unknot.booking.SlotTaken;
import org.unknot.catalog.CareServices;
import org.unknot.frontdesk.ClinicVisits;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.PractitionerId;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.DomainProblem;
import org.unknot.system.Times;

/**
 * Moving a visit for a caller: the free times of a day (or a time dragged to on the
 * calendar), a confirmation that says from when to when and with whom, then the move
 * under the usual booking rules; a refused target is said plainly and nothing moves.
 */
@Controller
class VisitMoveController {

	private final ClinicVisits visits;

	private final AvailabilitySearch availability;

	private final CareServices services;

	private final Practitioners practitioners;

	private final Patients patients;

	private final VisitMoves moves;

	VisitMoveController(ClinicVisits visits, AvailabilitySearch availability, CareServices services,
			Practitioners practitioners, Patients patients, VisitMoves moves) {
		this.moves = moves;
		this.visits = visits;
		this.availability = availability;
		this.services = services;
		this.practitioners = practitioners;
		this.patients = patients;
	}

	/**
	 * A time chosen, as {@code <start>|<practitioner>}; no practitioner keeps the
	 * visit's.
	 */
	record Target(Instant start, PractitionerId practitioner) {

		static Optional<Target> of(String slot, Appointment visit) {
			String[] chosen = slot == null ? new String[0] : slot.split("\\|", 2);
			try {
				if (chosen.length == 0 || chosen[0].isBlank()) {
					return Optional.empty();
				}
				Instant start = OffsetDateTime.parse(chosen[0]).toInstant();
				boolean named = chosen.length == 2 && !chosen[1].isBlank();
				return Optional.of(new Target(start, named ? PractitionerId.of(chosen[1]) : visit.practitionerId()));
			}
			catch (DateTimeParseException | IllegalArgumentException e) {
				return Optional.empty();
			}
		}

		String slot(ZoneId zone) {
			return start.atZone(zone).toOffsetDateTime() + "|" + practitioner.value();
		}

	}

	@GetMapping("/staff/visits/{id}/move")
	String form(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(required = false) String date, Model model) {
		Appointment visit = visits.of(me, id);
		ZoneId zone = availability.zoneOf(visit.location());
		choices(model, visit, zone, parse(date, LocalDate.ofInstant(visit.start(), zone)));
		return "staff/move";
	}

	/**
	 * The confirmation a dragged block leads to, and the same for a time picked from the
	 * list.
	 */
	@GetMapping("/staff/visits/{id}/move/confirm")
	String confirmDragged(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String slot, Model model, HttpServletResponse response) {
		return confirmOrMove(me, id, slot, false, false, model, null, response);
	}

	@PostMapping("/staff/visits/{id}/move")
	String move(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String slot, @RequestParam(defaultValue = "") String confirm,
			@RequestParam(defaultValue = "") String selfPay, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return confirmOrMove(me, id, slot, "yes".equals(confirm), "yes".equals(selfPay), model, redirect, response);
	}

	private String confirmOrMove(SignedIn me, UUID id, String slot, boolean confirmed, boolean selfPay, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Appointment visit = visits.of(me, id);
		ZoneId zone = availability.zoneOf(visit.location());
		Optional<Target> target = Target.of(slot, visit);
		if (target.isEmpty()) {
			return refused(model, visit, zone, LocalDate.ofInstant(visit.start(), zone),
					"Choose one of the free times.", response);
		}
		if (!confirmed || redirect == null) {
			confirmation(model, visit, zone, target.get());
			return "staff/move-confirm";
		}
		try {
			MovedVisit made = moves.forClinic(id, target.get().start(), target.get().practitioner(), selfPay,
					BookedBy.staff(me.accountId(), me.role().name()));
			Appointment moved = made.visit();
			redirect.addFlashAttribute("message", "Moved to " + Times.shortDateTime(moved.start(), zone) + ", with "
					+ nameOf(moved.practitionerId()) + "." + made.paymentNote().map(note -> " " + note).orElse(""));
			return "redirect:/staff/calendar?clinic=" + moved.location().value() + "&date="
					+ LocalDate.ofInstant(moved.start(), zone) + "#visit-" + moved.id();
		}
		catch (MoveNotCovered uncovered) {
			// the time itself is fine: the desk is asked again, now with the choice of
			// self-pay
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			confirmation(model, visit, zone, target.get());
			model.addAttribute("uncovered", uncovered.byField().get(MoveNotCovered.FIELD));
			return "staff/move-confirm";
		}
		catch (DomainProblem problem) {
			return refused(model, visit, zone, LocalDate.ofInstant(target.get().start(), zone),
					plainly(problem, target.get(), zone), response);
		}
	}

	private String refused(Model model, Appointment visit, ZoneId zone, LocalDate day, String why,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", why);
		choices(model, visit, zone, day);
		return "staff/move";
	}

	/** Why the target was refused, as the receptionist tells the caller. */
	private String plainly(DomainProblem problem, Target target, ZoneId zone) {
		String when = Times.shortDateTime(target.start(), zone) + " with " + nameOf(target.practitioner());
		if (problem instanceof SlotNotBookable) {
			return "The visit cannot move to " + when + ": " + problem.getMessage() + ". Nothing was changed.";
		}
		if (problem instanceof SlotTaken taken) {
			return "The visit cannot move to " + when + ": " + taken.why() + ". Nothing was changed.";
		}
		return "The visit cannot move to " + when + ". " + problem.getMessage() + " Nothing was changed.";
	}

	private void confirmation(Model model, Appointment visit, ZoneId zone, Target target) {
		describe(model, visit, zone);
		model.addAttribute("slot", target.slot(zone));
		model.addAttribute("to", Times.shortDateTime(target.start(), zone));
		model.addAttribute("toPractitioner", nameOf(target.practitioner()));
		model.addAttribute("date", LocalDate.ofInstant(target.start(), zone));
	}

	private void choices(Model model, Appointment visit, ZoneId zone, LocalDate day) {
		describe(model, visit, zone);
		model.addAttribute("date", day);
		model.addAttribute("names", practitioners.displayNames());
		model.addAttribute("slots",
				availability.search(new AvailabilityQuery(visit.serviceId(), visit.location(), null, day, day))
					.slots());
	}

	private void describe(Model model, Appointment visit, ZoneId zone) {
		model.addAttribute("visit", visit);
		model.addAttribute("service", services.get("service", visit.serviceId().value()));
		model.addAttribute("zone", zone);
		model.addAttribute("current", visit.start().atZone(zone));
		model.addAttribute("from", Times.shortDateTime(visit.start(), zone));
		model.addAttribute("fromPractitioner", nameOf(visit.practitionerId()));
		model.addAttribute("patientName",
				visit.patientId() == null ? ""
						: patients.find(visit.patientId().value())
							.map(patient -> patient.givenName() + " " + patient.familyName())
							.orElse(""));
	}

	private String nameOf(PractitionerId practitionerId) {
		return practitioners.find(practitionerId).map(Practitioner::displayName).orElse(practitionerId.value());
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
