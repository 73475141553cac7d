package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.unknot.account.SignedIn;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.Slot;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceCategory;
import org.unknot.frontdesk.StaffAccess;
import org.unknot.care.BodyRegion;
import org.unknot.care.PainDuration;
import org.unknot.care.RedFlag;
import org.unknot.care.Triage;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.RedFlagsFound;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.practitioner.Practitioners;

/**
 * Booking for a caller: find them (or take their details), ask the health questions,
 * choose the service and a free time, book. The same rules as online booking apply, red
 * flags included: the receptionist tells the caller the advice (and ticks that they did)
 * or books a consultation instead; an emergency books nothing.
 */
@Controller
class CallerBookingController {

	private final Clinics clinics;

	private final CareServices services;

	private final AvailabilitySearch availability;

	private final VisitBooking visits;

	private final Patients patients;

	private final AuditLog audit;

	private final Clock clock;

	private final Practitioners practitioners;

	private final FormChange forms;

	CallerBookingController(Clinics clinics, CareServices services, AvailabilitySearch availability,
			VisitBooking visits, Patients patients, AuditLog audit, Clock clock, Practitioners practitioners,
			FormChange forms) {
		this.forms = forms;
		this.practitioners = practitioners;
		this.clinics = clinics;
		this.services = services;
		this.availability = availability;
		this.visits = visits;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/staff/book")
	String form(@AuthenticationPrincipal SignedIn me, @RequestParam String clinic,
			@RequestParam(required = false) String service, @RequestParam(required = false) String date,
			@RequestParam(required = false) String q, @RequestParam(required = false) String time,
			@RequestParam(required = false) String practitioner, @RequestParam(required = false) String caller,
			HttpServletRequest request, Model model) {
		StaffAccess.requireClinic(me, clinic);
		LocalDate day = parse(date, LocalDate.now(clock.withZone(clinics.get("clinic", clinic).zone())));
		String chosenService = service == null || service.isBlank() ? firstServiceOf(clinic, practitioner) : service;
		page(model, clinic, chosenService, day, CallerForm.empty(), Map.of());
		preselect(model, clinics.get("clinic", clinic).zone(), time, practitioner);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("pickFrom",
				UriComponentsBuilder.fromPath("/staff/book")
					.query(request.getQueryString())
					.replaceQueryParam("caller")
					.build()
					.toUriString());
		if (q != null && !q.isBlank()) {
			List<Patient> found = patients.search(q);
			found.forEach(patient -> read(me, patient, "patient-search-result", request));
			model.addAttribute("found", found);
		}
		picked(caller).ifPresent(patient -> {
			read(me, patient, "patient-picked-for-booking", request);
			model.addAttribute("form", ((CallerForm) model.getAttribute("form")).withCaller(patient));
			model.addAttribute("caller", patient.id());
		});
		return "staff/book";
	}

	/**
	 * The found patient the receptionist picked, whose details fill the form; none for an
	 * id that is no patient's.
	 */
	private Optional<Patient> picked(String caller) {
		if (caller == null || caller.isBlank()) {
			return Optional.empty();
		}
		try {
			return patients.find(UUID.fromString(caller.strip()));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	private void read(SignedIn me, Patient patient, String what, HttpServletRequest request) {
		audit.record(new AuditEvent("account:" + me.accountId(), me.role().name(), patient.id(), "READ", what, null,
				request.getRemoteAddr(), AuditEvent.Outcome.SUCCESS));
	}

	@PostMapping("/staff/book")
	String book(@AuthenticationPrincipal SignedIn me, @RequestParam String clinic, @RequestParam String service,
			@ModelAttribute("form") CallerForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		StaffAccess.requireClinic(me, clinic);
		Optional<CallerForm.Chosen> chosen = form.chosen();
		return forms.answer(messages -> book(me, clinic, service, form, chosen, messages, model), redirect, response,
				errors -> {
					page(model, clinic, service, chosen.map(c -> c.start().toLocalDate()).orElse(LocalDate.now(clock)),
							form, errors);
					model.addAttribute("q", "");
					return "staff/book";
				});
	}

	/**
	 * Books the caller, or names every problem beside its field: the free time, the
	 * details, the health questions, then what the booking rules refuse.
	 */
	private FormChange.Made book(SignedIn me, String clinic, String service, CallerForm form,
			Optional<CallerForm.Chosen> chosen, FieldMessages messages, Model model) {
		// the rules name the time and what it is with; the page has one place for them
		messages.showAs("start", "slot").showAs("practitioner", "slot").showAs("service", "slot");
		if (chosen.isEmpty()) {
			messages.add("slot", "Choose one of the free times.");
		}
		PatientDetails
			.problems(form.givenName(), form.familyName(), form.email(), form.phone(), form.birthDate(),
					LocalDate.now(clock))
			.forEach(problem -> messages.add(problem.field(), problem.message()));
		form.intakeProblems().forEach(messages::add);
		if (!messages.isEmpty()) {
			return null;
		}
		try {
			Booked booked = visits.book(
					new SlotRequest(ServiceId.of(service), PractitionerId.of(chosen.get().practitioner()),
							LocationId.of(clinic), chosen.get().start().toInstant()),
					null, answers(form), BookedBy.staff(me.accountId(), me.role().name()));
			return new FormChange.Made(
					"/staff/calendar?clinic=" + clinic + "&date=" + chosen.get().start().toLocalDate() + "#visit-"
							+ booked.appointment().id(),
					"Booked " + form.givenName().strip() + " " + form.familyName().strip() + " at "
							+ chosen.get().start().toLocalTime() + ".");
		}
		catch (RedFlagsFound redFlags) {
			advice(model, clinic, redFlags);
			if (redFlags.triage() == Triage.CONSULTATION_ADVISED) {
				messages.add("told",
						"Tick that you told the caller to see a physician first, " + "or book a consultation instead.");
			}
			else {
				messages.add("emergency", "Nothing is booked: the caller needs emergency care now");
			}
		}
		catch (InvalidRequest invalid) {
			messages.addAll(invalid);
		}
		catch (DomainProblem problem) {
			messages.add("slot", problem.getMessage());
		}
		return null;
	}

	/**
	 * From the calendar's "Book here": with no service chosen yet, the first this clinic
	 * offers that the practitioner gives, so the free times show at once.
	 */
	private String firstServiceOf(String clinic, String practitioner) {
		if (practitioner == null || practitioner.isBlank()) {
			return "";
		}
		return practitioners.find(PractitionerId.of(practitioner))
			.flatMap(who -> services.all()
				.stream()
				.filter(candidate -> candidate.offeredAt(LocationId.of(clinic))
						&& who.offers(ServiceId.of(candidate.id())))
				.map(CareService::id)
				.findFirst())
			.orElse("");
	}

	/**
	 * The free time the calendar's "Book here" pointed at: the first with that
	 * practitioner (anyone, for a room's gap) at or after that time.
	 */
	@SuppressWarnings("unchecked")
	private void preselect(Model model, java.time.ZoneId zone, String time, String practitioner) {
		if (time == null || !(model.getAttribute("slots") instanceof List<?> found)) {
			return;
		}
		LocalTime at;
		try {
			at = LocalTime.parse(time);
		}
		catch (DateTimeParseException e) {
			return;
		}
		((List<Slot>) found).stream()
			.filter(slot -> practitioner == null || practitioner.isBlank()
					|| slot.practitionerId().value().equals(practitioner))
			.filter(slot -> !slot.start().atZoneSameInstant(zone).toLocalTime().isBefore(at))
			.findFirst()
			.ifPresent(slot -> model.addAttribute("form",
					CallerForm.empty().withSlot(slot.start() + "|" + slot.practitionerId().value())));
		model.addAttribute("time", time);
		model.addAttribute("practitioner", practitioner == null ? "" : practitioner);
	}

	private VisitAnswers answers(CallerForm form) {
		PatientDetails patient = PatientDetails.typed(form.givenName(), form.familyName(), form.email(), form.phone(),
				form.birthDate(), LocalDate.now(clock));
		return new VisitAnswers(patient, Payer.SELF_PAY, form.intake().orElse(null),
				form.callerTold() ? Advice.ACKNOWLEDGED : Advice.NOT_GIVEN);
	}

	/** The advice the receptionist reads to the caller, and the consultation to offer. */
	private void advice(Model model, String clinic, RedFlagsFound redFlags) {
		model.addAttribute("triage", redFlags.triage().name());
		model.addAttribute("findings", redFlags.redFlags().stream().map(RedFlag::finding).toList());
		model.addAttribute("consultation",
				services.all()
					.stream()
					.filter(candidate -> candidate.category() == ServiceCategory.CONSULTATION)
					.filter(candidate -> candidate.offeredAt(LocationId.of(clinic)))
					.findFirst()
					.orElse(null));
	}

	private void page(Model model, String clinic, String service, LocalDate day, CallerForm form,
			Map<String, String> errors) {
		model.addAttribute("clinic", clinics.get("clinic", clinic));
		List<CareService> offered = services.all()
			.stream()
			.filter(candidate -> candidate.offeredAt(LocationId.of(clinic)))
			.toList();
		model.addAttribute("services", offered);
		model.addAttribute("service", service);
		model.addAttribute("serviceName",
				offered.stream()
					.filter(candidate -> candidate.id().equals(service))
					.map(CareService::name)
					.findFirst()
					.orElse(service));
		model.addAttribute("date", day);
		model.addAttribute("form", form);
		model.addAttribute("names", practitioners.displayNames());
		model.addAttribute("errors", errors);
		model.addAttribute("regions", BodyRegion.values());
		model.addAttribute("durations", PainDuration.values());
		model.addAttribute("flags", RedFlag.values());
		if (!service.isBlank()) {
			try {
				model.addAttribute("slots",
						availability
							.search(new AvailabilityQuery(ServiceId.of(service), LocationId.of(clinic), null, day, day))
							.slots());
			}
			catch (DomainProblem problem) {
				model.addAttribute("problem", problem.getMessage());
			}
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
