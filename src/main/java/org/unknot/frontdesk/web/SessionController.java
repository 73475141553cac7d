package org.unknot.frontdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.sessions.SessionNote;
import org.unknot.sessions.SessionNotes;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;

/**
 * A practitioner records a session of their own visit: pain before and after, and a note.
 */
@Controller
class SessionController {

	private final Appointments appointments;

	private final SessionNotes notes;

	private final CatalogProperties catalog;

	SessionController(Appointments appointments, SessionNotes notes, CatalogProperties catalog) {
		this.appointments = appointments;
		this.notes = notes;
		this.catalog = catalog;
	}

	@GetMapping("/staff/visits/{id}/session")
	String form(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		Appointment visit = ownVisit(me, id);
		Map<String, String> form = new LinkedHashMap<>();
		notes.of(id, actor(me, request)).ifPresent(note -> {
			form.put("painBefore", note.painBefore() == null ? "" : note.painBefore().toString());
			form.put("painAfter", note.painAfter() == null ? "" : note.painAfter().toString());
			form.put("note", note.note() == null ? "" : note.note());
		});
		model.addAttribute("visit", visit);
		model.addAttribute("form", form);
		model.addAttribute("errors", Map.of());
		return "staff/session";
	}

	@PostMapping("/staff/visits/{id}/session")
	String record(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Appointment visit = ownVisit(me, id);
		Map<String, String> errors = new LinkedHashMap<>();
		Integer before = score(form.get("painBefore"), "painBefore", errors);
		Integer after = score(form.get("painAfter"), "painAfter", errors);
		if (errors.isEmpty()) {
			try {
				SessionNote saved = notes.record(me.practitionerId(), id, before, after, form.get("note"),
						actor(me, request));
				redirect.addFlashAttribute("message", "Session recorded.");
				return "redirect:/staff/my-day?date="
						+ java.time.LocalDate.ofInstant(visit.start(), catalog.virtualZone()) + "#visit-"
						+ saved.appointmentId();
			}
			catch (InvalidRequest invalid) {
				invalid.errors().forEach(error -> errors.put(error.field(), error.message()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("visit", visit);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "staff/session";
	}

	private Appointment ownVisit(SignedIn me, UUID id) {
		if (me.role() != Role.PRACTITIONER) {
			throw new AccessDeniedException("Only the practitioner of a visit records it");
		}
		return appointments.find(id)
			.filter(visit -> visit.practitionerId().equals(me.practitionerId()) && visit.patientId() != null)
			.orElseThrow(() -> new NotFound(null, "visit of yours", id.toString()));
	}

	private static SessionNotes.Actor actor(SignedIn me, HttpServletRequest request) {
		return new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), request.getRemoteAddr());
	}

	private static Integer score(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, "Enter a whole number from 0 to 10, or leave it empty.");
			return null;
		}
	}

}
