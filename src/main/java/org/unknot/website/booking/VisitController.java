package org.unknot.website.booking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.booking.Appointment;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.PatientAlreadyBooked;
import org.unknot.booking.PrerequisiteMissing;
import org.unknot.booking.SlotNotBookable;
import org.unknot.booking.SlotTaken;
import org.unknot.booking.TransitionNotAllowed;
import org.unknot.visit.MoveNotCovered;
import org.unknot.visit.MovedVisit;
import org.unknot.visit.VisitMoves;
import org.unknot.packages.CreditLedger;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.calendar.CalendarInvitations;
import org.unknot.system.SiteAddress;
import org.unknot.system.Times;
import org.unknot.system.web.FormChange;
import org.unknot.website.Pages;

/**
 * The manage page a patient reaches from the confirmation: see the visit, move it, cancel
 * it, add it to a calendar. The manage token in the address is the only key.
 */
@Controller
class VisitController {

	private final BookingDesk desk;

	private final VisitViews visits;

	private final WeekOfSlots weeks;

	private final FlowCatalog catalog;

	private final AppointmentCalendar calendar;

	private final Pages pages;

	private final FormChange forms;

	private final SiteAddress site;

	private final VisitMoves moves;

	private final CreditLedger credits;

	VisitController(BookingDesk desk, VisitViews visits, WeekOfSlots weeks, FlowCatalog catalog,
			AppointmentCalendar calendar, Pages pages, FormChange forms, SiteAddress site, VisitMoves moves,
			CreditLedger credits) {
		this.moves = moves;
		this.credits = credits;
		this.site = site;
		this.forms = forms;
		this.desk = desk;
		this.visits = visits;
		this.weeks = weeks;
		this.catalog = catalog;
		this.calendar = calendar;
		this.pages = pages;
	}

	@GetMapping("/visits/{id}")
	String visit(@PathVariable String id, @RequestParam(required = false) String token,
			@RequestParam(required = false) String done, Model model) {
		VisitViews.Visit visit = visits.visit(uuid(id), token);
		page(model, "Your visit", "/visits/" + id);
		model.addAttribute("visit", visit);
		model.addAttribute("done", "moved".equals(done) || "cancelled".equals(done) ? done : null);
		if ("moved-credit".equals(done)) {
			model.addAttribute("done", "moved");
			credits.spentOn(uuid(id))
				.ifPresent(credit -> model.addAttribute("paymentNote", MovedVisit.noteFor(credit)));
		}
		return "visit/show";
	}

	@GetMapping("/visits/{id}/cancel")
	String confirmCancel(@PathVariable String id, @RequestParam(required = false) String token, Model model) {
		return cancelPage(model, visits.visit(uuid(id), token), Map.of());
	}

	@PostMapping("/visits/{id}/cancel")
	String cancel(@PathVariable String id, @RequestParam(required = false) String token, Model model,
			HttpServletResponse response) {
		UUID appointment = uuid(id);
		return forms.render(messages -> {
			try {
				desk.cancel(appointment, token, "patient");
			}
			catch (TransitionNotAllowed refused) {
				messages.add("cancel",
						"This visit can no longer be cancelled here: it has started or is already cancelled.");
			}
			return "redirect:/visits/" + id + "?token=" + encode(token) + "&done=cancelled";
		}, response, errors -> cancelPage(model, visits.visit(appointment, token), errors));
	}

	@GetMapping("/visits/{id}/reschedule")
	String reschedule(@PathVariable String id, @RequestParam(required = false) String token,
			@RequestParam(required = false) String week, Model model) {
		return reschedulePage(model, visits.visit(uuid(id), token), week, Map.of());
	}

	/**
	 * Choosing a time shows it and asks to confirm; only the confirmation (a second plain
	 * form, {@code confirm=yes}) moves the visit.
	 */
	@PostMapping("/visits/{id}/reschedule")
	String move(@PathVariable String id, @RequestParam(required = false) String token, @ModelAttribute TimeChoice form,
			@RequestParam(required = false) String confirm, @RequestParam(required = false) String selfPay, Model model,
			HttpServletResponse response) {
		UUID appointmentId = uuid(id);
		Appointment appointment = desk.find(appointmentId, token);
		return forms.render(messages -> {
			Optional<SlotValue> chosen = form.chosen()
				.filter(value -> value.practitioner().equals(appointment.practitionerId().value()));
			if (chosen.isEmpty()) {
				messages.add("times", TimeChoice.CHOOSE);
				return null;
			}
			if (!"yes".equals(confirm)) {
				return confirmPage(model, visits.view(appointment, token), chosen.get(), form.week());
			}
			try {
				if (moves.withToken(appointmentId, token, chosen.get().start().toInstant(), null, "yes".equals(selfPay))
					.paymentNote()
					.isPresent()) {
					return "redirect:/visits/" + id + "?token=" + encode(token) + "&done=moved-credit";
				}
			}
			catch (MoveNotCovered uncovered) {
				messages.addAll(uncovered);
			}
			catch (SlotTaken | SlotNotBookable | PatientAlreadyBooked | PrerequisiteMissing refused) {
				messages.add("times", TimeController.TAKEN);
			}
			catch (TransitionNotAllowed refused) {
				messages.add("times", "This visit can no longer be moved: it has started or has been cancelled.");
			}
			return "redirect:/visits/" + id + "?token=" + encode(token) + "&done=moved";
		}, response,
				errors -> errors.containsKey(MoveNotCovered.FIELD) && form.chosen().isPresent() ? uncoveredPage(model,
						visits.view(appointment, token), form.chosen().get(), form.week(), errors)
						: reschedulePage(model, visits.view(appointment, token), form.week(), errors));
	}

	@GetMapping("/visits/{id}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String id, @RequestParam(required = false) String token) {
		VisitViews.Visit visit = visits.visit(uuid(id), token);
		byte[] entry = calendar.download(UUID.fromString(visit.id()), visit.service(), site.link(visit.manageUrl()))
			.orElseThrow(VisitNotFound::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(CalendarInvitations.PUBLISH_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"unknot-visit.ics\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(entry);
	}

	private String cancelPage(Model model, VisitViews.Visit visit, Map<String, String> errors) {
		page(model, "Cancel your visit", "/visits/" + visit.id() + "/cancel");
		model.addAttribute("visit", visit);
		model.addAttribute("errors", errors);
		return "visit/cancel";
	}

	private String confirmPage(Model model, VisitViews.Visit visit, SlotValue chosen, String week) {
		page(model, "Move your visit?", "/visits/" + visit.id() + "/reschedule");
		ZoneId zone = catalog.zone(desk.find(UUID.fromString(visit.id()), visit.token()).location());
		model.addAttribute("visit", visit);
		model.addAttribute("slot", chosen.value());
		model.addAttribute("week", week);
		model.addAttribute("newTime", Times.dateTime(chosen.start().toInstant(), zone));
		return "visit/reschedule-confirm";
	}

	/** The same question again, with why it was refused and the choice to pay instead. */
	private String uncoveredPage(Model model, VisitViews.Visit visit, SlotValue chosen, String week,
			Map<String, String> errors) {
		model.addAttribute("errors", errors);
		return confirmPage(model, visit, chosen, week);
	}

	private String reschedulePage(Model model, VisitViews.Visit visit, String week, Map<String, String> errors) {
		Appointment appointment = desk.find(UUID.fromString(visit.id()), visit.token());
		page(model, "Change the time of your visit", "/visits/" + visit.id() + "/reschedule");
		model.addAttribute("visit", visit);
		model.addAttribute("errors", errors);
		model.addAttribute("week", weeks.opening(appointment.serviceId().value(), appointment.location(),
				appointment.practitionerId().value(), week, catalog.zone(appointment.location())));
		return "visit/reschedule";
	}

	private void page(Model model, String title, String path) {
		model.addAttribute("meta", pages.meta(title, title, path));
		model.addAttribute("section", "book");
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new VisitNotFound();
		}
	}

	private static String encode(String token) {
		return URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
	}

}
