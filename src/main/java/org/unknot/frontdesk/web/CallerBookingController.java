package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.frontdesk.StaffAccess;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.system.DomainProblem;
import org.unknot.system.EmailAddress;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Text;

/**
 * Booking for a caller: find them (or take their details), choose the service and a free
 * time, book. The same rules and database guarantees as online booking apply.
 */
@Controller
class CallerBookingController {

	private final Clinics clinics;

	private final CareServices services;

	private final AvailabilitySearch availability;

	private final BookingDesk desk;

	private final Patients patients;

	private final AuditLog audit;

	private final Clock clock;

	CallerBookingController(Clinics clinics, CareServices services, AvailabilitySearch availability, BookingDesk desk,
			Patients patients, AuditLog audit, Clock clock) {
		this.clinics = clinics;
		this.services = services;
		this.availability = availability;
		this.desk = desk;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/staff/book")
	String form(@AuthenticationPrincipal SignedIn me, @RequestParam String clinic,
			@RequestParam(required = false) String service, @RequestParam(required = false) String date,
			@RequestParam(required = false) String q, HttpServletRequest request, Model model) {
		StaffAccess.requireClinic(me, clinic);
		Clinic shown = clinics.get("clinic", clinic);
		LocalDate day = parse(date, LocalDate.now(clock.withZone(shown.zone())));
		List<CareService> offered = services.all()
			.stream()
			.filter(candidate -> candidate.offeredAt(LocationId.of(clinic)))
			.toList();
		model.addAttribute("clinic", shown);
		model.addAttribute("services", offered);
		model.addAttribute("service", service == null ? "" : service);
		model.addAttribute("date", day);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("form", new LinkedHashMap<String, String>());
		model.addAttribute("errors", Map.of());
		if (q != null && !q.isBlank()) {
			List<Patient> found = patients.search(q);
			found.forEach(patient -> audit
				.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patient.id(), "READ",
						"patient-search-result", null, request.getRemoteAddr(), AuditEvent.Outcome.SUCCESS)));
			model.addAttribute("found", found);
		}
		if (service != null && !service.isBlank()) {
			try {
				model.addAttribute("slots",
						availability.search(new AvailabilityQuery(service, LocationId.of(clinic), null, day, day))
							.slots());
			}
			catch (DomainProblem problem) {
				model.addAttribute("problem", problem.getMessage());
			}
		}
		return "staff/book";
	}

	@PostMapping("/staff/book")
	String book(@AuthenticationPrincipal SignedIn me, @RequestParam String clinic, @RequestParam String service,
			@RequestParam(defaultValue = "") String slot, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		StaffAccess.requireClinic(me, clinic);
		Map<String, String> errors = new LinkedHashMap<>();
		String[] chosen = slot.split("\\|", 2);
		OffsetDateTime start = null;
		if (chosen.length == 2) {
			try {
				start = OffsetDateTime.parse(chosen[0]);
			}
			catch (DateTimeParseException e) {
				errors.put("slot", "Choose one of the free times.");
			}
		}
		else {
			errors.put("slot", "Choose one of the free times.");
		}
		LocalDate birthDate = null;
		try {
			birthDate = LocalDate.parse(form.getOrDefault("birthDate", ""));
		}
		catch (DateTimeParseException e) {
			errors.put("birthDate", "Enter the birth date like 1980-04-21.");
		}
		requireText(form, "givenName", "Enter the caller's first name.", errors);
		requireText(form, "familyName", "Enter the caller's last name.", errors);
		if (!EmailAddress.looksValid(form.getOrDefault("email", ""))) {
			errors.put("email", "Enter an email address like name@example.org for the confirmation.");
		}
		if (errors.isEmpty()) {
			try {
				PatientDetails details = new PatientDetails(form.get("givenName").strip(),
						form.get("familyName").strip(), form.get("email").strip(), Text.blankToNull(form.get("phone")),
						birthDate);
				Booked booked = desk.book(new SlotRequest(service, chosen[1], LocationId.of(clinic), start.toInstant()),
						null, details);
				redirect.addFlashAttribute("message", "Booked " + details.givenName() + " " + details.familyName()
						+ " at " + start.toLocalTime() + ".");
				return "redirect:/staff/calendar?clinic=" + clinic + "&date=" + start.toLocalDate() + "#visit-"
						+ booked.appointment().id();
			}
			catch (InvalidRequest invalid) {
				invalid.errors().forEach(error -> errors.put(fieldOf(error.field()), error.message()));
			}
			catch (DomainProblem problem) {
				errors.put("slot", problem.getMessage());
			}
		}
		// refused: the same page again, what was typed kept, each message beside its
		// field
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("clinic", clinics.get("clinic", clinic));
		model.addAttribute("services",
				services.all().stream().filter(candidate -> candidate.offeredAt(LocationId.of(clinic))).toList());
		model.addAttribute("service", service);
		LocalDate day = start == null ? LocalDate.now(clock) : start.toLocalDate();
		model.addAttribute("date", day);
		model.addAttribute("q", "");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		try {
			model.addAttribute("slots",
					availability.search(new AvailabilityQuery(service, LocationId.of(clinic), null, day, day)).slots());
		}
		catch (DomainProblem problem) {
			model.addAttribute("problem", problem.getMessage());
		}
		return "staff/book";
	}

	private static String fieldOf(String field) {
		return field.startsWith("patient.") ? field.substring("patient.".length())
				: field.equals("start") ? "slot" : field;
	}

	private static void requireText(Map<String, String> form, String field, String message,
			Map<String, String> errors) {
		if (form.getOrDefault(field, "").isBlank()) {
			errors.put(field, message);
		}
	}

	private static LocalDate parse(String date, LocalDate fallback) {
		try {
			return date == null || date.isBlank() ? fallback : LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}

}
