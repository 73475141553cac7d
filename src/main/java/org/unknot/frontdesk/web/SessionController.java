package org.unknot.frontdesk.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CatalogProperties;
import org.unknot.care.SessionNote;
import org.unknot.care.SessionNotes;
import org.unknot.system.NotFound;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.practitioner.PractitionerId;

/**
 * A practitioner records a session of their own visit: pain before and after, and a note.
 */
@Controller
class SessionController {

	private final Appointments appointments;

	private final SessionNotes notes;

	private final CatalogProperties catalog;

	private final FormChange forms;

	SessionController(Appointments appointments, SessionNotes notes, CatalogProperties catalog, FormChange forms) {
		this.appointments = appointments;
		this.notes = notes;
		this.catalog = catalog;
		this.forms = forms;
	}

	@GetMapping("/staff/visits/{id}/session")
	String form(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		Appointment visit = ownVisit(me, id);
		SessionForm form = notes.of(id, actor(me, request)).map(SessionForm::of).orElse(SessionForm.BLANK);
		return page(visit, form, Map.of(), model);
	}

	@PostMapping("/staff/visits/{id}/session")
	String record(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute SessionForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Appointment visit = ownVisit(me, id);
		return forms.attempt(messages -> {
			Integer before = form.before(messages);
			Integer after = form.after(messages);
			Integer minutes = form.minutes(messages);
			if (!messages.isEmpty()) {
				return null;
			}
			SessionNote saved = notes.record(PractitionerId.of(me.practitionerId()), id, before, after, minutes,
					form.note(), actor(me, request));
			return "/staff/my-day?date=" + LocalDate.ofInstant(visit.start(), catalog.virtualZone()) + "#visit-"
					+ saved.appointmentId();
		}, "Session recorded.", redirect, response, errors -> page(visit, form, errors, model));
	}

	private static String page(Appointment visit, SessionForm form, Map<String, String> errors, Model model) {
		model.addAttribute("visit", visit);
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		return "staff/session";
	}

	private Appointment ownVisit(SignedIn me, UUID id) {
		if (me.role() != Role.PRACTITIONER) {
			throw new AccessDeniedException("Only the practitioner of a visit records it");
		}
		return appointments.find(id)
			.filter(visit -> visit.practitionerId().value().equals(me.practitionerId()) && visit.patientId() != null)
			.orElseThrow(() -> new NotFound(null, "visit of yours", id.toString()));
	}

	private static SessionNotes.Actor actor(SignedIn me, HttpServletRequest request) {
		return new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), request.getRemoteAddr());
	}

	/**
	 * Pain before and after (0 to 10, or nothing), the minutes treated and the note, as
	 * typed.
	 */
	record SessionForm(String painBefore, String painAfter, String minutesTreated, String note) implements PageForm {

		static final SessionForm BLANK = new SessionForm(null, null, null, null);

		private static final String SCORE = "Enter a whole number from 0 to 10, or leave it empty.";

		static SessionForm of(SessionNote note) {
			return new SessionForm(note.painBefore() == null ? "" : note.painBefore().toString(),
					note.painAfter() == null ? "" : note.painAfter().toString(),
					note.minutesTreated() == null ? "" : note.minutesTreated().toString(),
					note.note() == null ? "" : note.note());
		}

		Integer before(FieldMessages messages) {
			return messages.parseUnlessBlank("painBefore", painBefore, Integer::valueOf, SCORE);
		}

		Integer after(FieldMessages messages) {
			return messages.parseUnlessBlank("painAfter", painAfter, Integer::valueOf, SCORE);
		}

		Integer minutes(FieldMessages messages) {
			return messages.parseUnlessBlank("minutesTreated", minutesTreated, Integer::valueOf,
					"Enter the minutes as a whole number, or leave it empty.");
		}

	}

}
