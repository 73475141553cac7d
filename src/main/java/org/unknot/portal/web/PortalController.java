package org.unknot.portal.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.AccountDesk;
import org.unknot.account.SignedIn;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Appointment;
import org.unknot.booking.Appointments;
import org.unknot.booking.BookingDesk;
import org.unknot.visit.MoveNotCovered;
import org.unknot.visit.MovedVisit;
import org.unknot.visit.VisitMoves;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.portal.PatientPortal;
import org.unknot.system.Times;
import org.unknot.system.DomainProblem;
import org.unknot.system.NotFound;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.patient.PatientId;

/**
 * The patient's own pages. Every visit is looked up as "this patient's visit", never by
 * id alone.
 */
@Controller
class PortalController {

	private final PatientPortal portal;

	private final BookingDesk desk;

	private final Appointments appointments;

	private final AvailabilitySearch availability;

	private final AccountDesk accounts;

	private final Patients patients;

	private final FormChange forms;

	private final VisitMoves moves;

	PortalController(PatientPortal portal, BookingDesk desk, Appointments appointments, AvailabilitySearch availability,
			AccountDesk accounts, Patients patients, FormChange forms, VisitMoves moves) {
		this.moves = moves;
		this.forms = forms;
		this.patients = patients;
		this.portal = portal;
		this.desk = desk;
		this.appointments = appointments;
		this.availability = availability;
		this.accounts = accounts;
	}

	@GetMapping("/account")
	String home(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("overview", portal.shownTo(me, request.getRemoteAddr()));
		return "portal/home";
	}

	/**
	 * Asks before cancelling, and says whether cancelling now is free or a late
	 * cancellation, as the link in the confirmation email does.
	 */
	@GetMapping("/account/visits/{id}/cancel")
	String cancelForm(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Model model,
			RedirectAttributes redirect) {
		Appointment appointment = mine(me, id);
		PatientPortal.Visit visit = portal.toCome(me, id).filter(PatientPortal.Visit::changeable).orElse(null);
		if (visit == null) {
			redirect.addFlashAttribute("problem", "That visit is no longer one you can cancel here.");
			return "redirect:/account";
		}
		model.addAttribute("visit", visit);
		model.addAttribute("late", desk.lateToCancel(appointment));
		model.addAttribute("freeUntil",
				Times.shortDateTime(appointment.start().minus(desk.lateCancellationWindow()), visit.start().getZone()));
		return "portal/cancel";
	}

	@PostMapping("/account/visits/{id}/cancel")
	String cancel(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, RedirectAttributes redirect) {
		mine(me, id);
		try {
			desk.cancelForPatient(id, PatientId.ofNullable(me.patientId()), "patient");
			redirect.addFlashAttribute("message", "Your visit is cancelled.");
		}
		catch (DomainProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
		}
		return "redirect:/account";
	}

	@GetMapping("/account/visits/{id}/move")
	String moveForm(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(required = false) String date, Model model) {
		Appointment visit = mine(me, id);
		var zone = availability.zoneOf(visit.location());
		LocalDate day;
		try {
			day = date == null || date.isBlank() ? LocalDate.ofInstant(visit.start(), zone) : LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			day = LocalDate.ofInstant(visit.start(), zone);
		}
		model.addAttribute("visit", visit);
		model.addAttribute("current", visit.start().atZone(zone));
		model.addAttribute("date", day);
		model.addAttribute("slots", availability
			.search(new AvailabilityQuery(visit.serviceId(), visit.location(), visit.practitionerId(), day, day))
			.slots());
		return "portal/move";
	}

	@PostMapping("/account/visits/{id}/move")
	String move(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String selfPay,
			RedirectAttributes redirect) {
		Appointment visit = mine(me, id);
		try {
			MovedVisit moved = moves.forPatient(id, PatientId.ofNullable(me.patientId()),
					OffsetDateTime.parse(start).toInstant(), visit.practitionerId(), "yes".equals(selfPay));
			redirect.addFlashAttribute("message",
					moved.paymentNote().map(note -> "Your visit is moved. " + note).orElse("Your visit is moved."));
			return "redirect:/account";
		}
		catch (DateTimeParseException e) {
			redirect.addFlashAttribute("problem", "Choose one of the free times.");
		}
		catch (MoveNotCovered uncovered) {
			redirect.addFlashAttribute("problem", uncovered.getMessage());
			redirect.addFlashAttribute("offerSelfPay", true);
		}
		catch (DomainProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
		}
		return "redirect:/account/visits/" + id + "/move";
	}

	@GetMapping("/account/details")
	String detailsForm(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		var patient = portal.shownTo(me, request.getRemoteAddr()).patient();
		return detailsPage(new ContactForm(patient.givenName(), patient.familyName(),
				patient.phone() == null ? "" : patient.phone()), Map.of(), model);
	}

	@PostMapping("/account/details")
	String details(@AuthenticationPrincipal SignedIn me, @ModelAttribute ContactForm form, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return forms.attempt(messages -> {
			portal.updateContact(me, form.contact(), request.getRemoteAddr());
			return "/account";
		}, "Your details are saved.", redirect, response, errors -> detailsPage(form, errors, model));
	}

	private static String detailsPage(ContactForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		return "portal/details";
	}

	@GetMapping("/account/messages")
	String messagesForm(@AuthenticationPrincipal SignedIn me, Model model) {
		var preference = patients.notificationPreference(portal.overview(me).patient().id());
		return messagesPage(new MessagesForm(preference.channels().code(), Boolean.toString(preference.optedOut())),
				Map.of(), model);
	}

	/**
	 * Email, text messages or both, or none at all; honoured by every message not yet
	 * sent.
	 */
	@PostMapping("/account/messages")
	String messages(@AuthenticationPrincipal SignedIn me, @ModelAttribute MessagesForm form, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		return forms.attempt(messages -> {
			NotificationPreference preference = form.preference(messages);
			if (preference != null) {
				patients.setNotificationPreference(portal.overview(me).patient().id(), preference);
			}
			return "/account";
		}, "Your choice of messages is saved.", redirect, response, errors -> messagesPage(form, errors, model));
	}

	private static String messagesPage(MessagesForm form, Map<String, String> errors, Model model) {
		model.addAttribute("channelOptions", MessagesForm.CHANNELS);
		model.addAttribute("channels", form.channels());
		model.addAttribute("optedOut", form.optedOut());
		model.addAttribute("errors", errors);
		return "portal/messages";
	}

	/** Everything held about the patient, as a JSON file. */
	@GetMapping("/account/export")
	ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("unknot-my-data.json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(portal.export(me, request.getRemoteAddr()));
	}

	@PostMapping("/account/close")
	String close(@AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		accounts.requestClosure(me.accountId());
		redirect.addFlashAttribute("message",
				"We have your request to close your account. The practice will confirm by email; records of care "
						+ "are kept for as long as the law requires.");
		return "redirect:/account";
	}

	private Appointment mine(SignedIn me, UUID id) {
		return appointments.find(id)
			.filter(visit -> me.patientId() != null && PatientId.of(me.patientId()).equals(visit.patientId()))
			.orElseThrow(() -> new NotFound(null, "visit", id.toString()));
	}

	/**
	 * The names and phone a patient may change themselves, as typed;
	 * {@link PatientDetails.Contact} says what is wrong with them.
	 */
	record ContactForm(String givenName, String familyName, String phone) implements PageForm {

		PatientDetails.Contact contact() {
			return new PatientDetails.Contact(givenName, familyName, phone);
		}

	}

	/**
	 * How messages are sent ({@code email}, {@code sms} or {@code both}), or none at all.
	 */
	record MessagesForm(String channels, String optedOut) implements PageForm {

		static final List<Channel> CHANNELS = List.of(new Channel("email", "Email"), new Channel("sms", "Text message"),
				new Channel("both", "Both"));

		boolean none() {
			return Boolean.parseBoolean(optedOut);
		}

		NotificationPreference preference(FieldMessages messages) {
			if (channels == null || !channels.matches("email|sms|both")) {
				messages.add("channels", "Choose email, text messages or both.");
				return null;
			}
			return new NotificationPreference(NotificationPreference.Channels.ofCode(channels), none());
		}

	}

	/** One way of sending messages, as the form offers it. */
	record Channel(String value, String label) {
	}

}
