package org.unknot.admin.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.PractitionerRegistry;
import org.unknot.practitioner.PractitionerSchedule;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.Profession;
import org.unknot.system.InvalidRequest;

/**
 * Practitioners: adding one with a licence and services; then their profile, licences
 * (renewals and more), working hours and time off, all on one page.
 */
@Controller
class PractitionerAdminController {

	private final Practitioners practitioners;

	private final PractitionerRegistry registry;

	private final CareServices services;

	private final Clinics clinics;

	private final CatalogProperties catalog;

	private final PractitionerSchedule schedule;

	private final Appointments appointments;

	private final Clock clock;

	private final FormChange forms;

	PractitionerAdminController(Practitioners practitioners, PractitionerRegistry registry, CareServices services,
			Clinics clinics, CatalogProperties catalog, PractitionerSchedule schedule, Appointments appointments,
			Clock clock, FormChange forms) {
		this.forms = forms;
		this.practitioners = practitioners;
		this.registry = registry;
		this.services = services;
		this.clinics = clinics;
		this.catalog = catalog;
		this.schedule = schedule;
		this.appointments = appointments;
		this.clock = clock;
	}

	private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
		.ofPattern("EEE d MMM yyyy, h:mm a z", java.util.Locale.US);

	@GetMapping("/admin/practitioners")
	String list(Model model) {
		model.addAttribute("practitioners", practitioners.all());
		return "admin/practitioners";
	}

	@GetMapping("/admin/practitioners/new")
	String newForm(Model model) {
		return form(model, new LinkedHashMap<>(), List.of(), Map.of());
	}

	@PostMapping("/admin/practitioners")
	String create(@RequestParam Map<String, String> form, @RequestParam(required = false) List<String> serviceIds,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Profession profession = parse(() -> Profession.valueOf(form.getOrDefault("profession", "")), "profession",
				"Choose the profession.", errors);
		LocalDate issued = parse(() -> LocalDate.parse(form.getOrDefault("licenceIssued", "")), "licenceIssued",
				"Enter a date like 2024-01-31.", errors);
		LocalDate expires = parse(() -> LocalDate.parse(form.getOrDefault("licenceExpires", "")), "licenceExpires",
				"Enter a date like 2027-01-31.", errors);
		List<String> chosen = serviceIds == null ? List.of() : serviceIds;
		return forms.attempt(errors, () -> "/admin/practitioners/"
				+ registry.create(new PractitionerRegistry.NewPractitioner(form.get("givenName"),
						form.get("familyName"), profession, form.get("credentials"), form.get("npi"), form.get("bio"),
						words(form.get("specialties")), words(form.get("languages")), chosen, form.get("licenceType"),
						form.get("licenceNumber"), form.get("licenceState"), issued, expires)),
				"Added. Now give them working hours.", redirect, response, shown -> form(model, form, chosen, shown));
	}

	@GetMapping("/admin/practitioners/{id}")
	String show(@PathVariable String id, Model model) {
		Practitioner practitioner = practitioners.get("practitioner", id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("credentials", practitioner.credentials());
		form.put("npi", practitioner.npi() == null ? "" : practitioner.npi());
		form.put("bio", practitioner.bio());
		form.put("specialties", String.join(", ", practitioner.specialties()));
		form.put("languages", String.join(", ", practitioner.languages()));
		form.put("active", Boolean.toString(practitioner.active()));
		return practitionerPage(id, model, form, List.copyOf(practitioner.serviceIds()), Map.of());
	}

	@PostMapping("/admin/practitioners/{id}/profile")
	String saveProfile(@PathVariable String id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> serviceIds, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		List<String> chosen = serviceIds == null ? List.of() : serviceIds;
		return attempt(id, form, chosen, model, redirect, response, "Profile saved; availability follows at once.",
				errors -> registry.updateProfile(id,
						new PractitionerRegistry.Profile(form.get("credentials"), form.get("npi"), form.get("bio"),
								words(form.get("specialties")), words(form.get("languages")), chosen,
								"true".equals(form.get("active")))));
	}

	@PostMapping("/admin/practitioners/{id}/licences")
	String addLicence(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(id, form, null, model, redirect, response, "Licence added.", errors -> {
			LocalDate issued = date(form, "licenceIssued", errors);
			LocalDate expires = date(form, "licenceExpires", errors);
			registry.addLicence(id, form.get("licenceType"), form.get("licenceNumber"), form.get("licenceState"),
					issued, expires);
		});
	}

	@PostMapping("/admin/practitioners/{id}/licences/{licenceId}/renewal")
	String renewLicence(@PathVariable String id, @PathVariable long licenceId, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		form.put("licence", Long.toString(licenceId));
		return attempt(id, form, null, model, redirect, response, "Renewal recorded.", errors -> {
			LocalDate issued = date(form, "renewIssued", errors);
			LocalDate expires = date(form, "renewExpires", errors);
			registry.renewLicence(id, licenceId, issued, expires);
		});
	}

	@PostMapping("/admin/practitioners/{id}/hours")
	String addHours(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return attempt(id, form, null, model, redirect, response, "Working hours added.", errors -> {
			String location = form.getOrDefault("location", "");
			String clinicId = "virtual".equals(location) ? null : location;
			ZoneId zone = clinicId == null ? catalog.virtualZone()
					: clinics.find(clinicId).map(Clinic::zone).orElse(null);
			if (zone == null) {
				errors.put("location", "Choose a clinic or video visits.");
			}
			DayOfWeek weekday = parse(() -> DayOfWeek.valueOf(form.getOrDefault("weekday", "")), "weekday",
					"Choose the weekday.", errors);
			LocalTime start = parse(() -> LocalTime.parse(form.getOrDefault("start", "")), "start",
					"Enter a time like 09:00.", errors);
			LocalTime end = parse(() -> LocalTime.parse(form.getOrDefault("end", "")), "end",
					"Enter a time like 17:00.", errors);
			LocalDate from = date(form, "from", errors);
			LocalDate to = form.getOrDefault("to", "").isBlank() ? null : date(form, "to", errors);
			if (errors.isEmpty()) {
				schedule.addHours(id, clinicId, weekday, start, end, zone, from, to);
			}
		});
	}

	@PostMapping("/admin/practitioners/{id}/hours/{ruleId}/stop")
	String stopHours(@PathVariable String id, @PathVariable long ruleId, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		form.put("rule", Long.toString(ruleId));
		return attempt(id, form, null, model, redirect, response, "Working hours changed.", errors -> {
			LocalDate lastDay = date(form, "lastDay", errors);
			if (errors.isEmpty()) {
				schedule.stopHours(id, ruleId, lastDay);
			}
		});
	}

	/**
	 * Blocks time; visits already booked in it stay booked, and the message says which
	 * need moving.
	 */
	@PostMapping("/admin/practitioners/{id}/time-off")
	String addTimeOff(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ZoneId zone = catalog.virtualZone();
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDateTime from = parse(() -> LocalDateTime.parse(form.getOrDefault("offFrom", "")), "offFrom",
				"Enter the first moment off, like 2027-03-15T09:00.", errors);
		LocalDateTime to = parse(() -> LocalDateTime.parse(form.getOrDefault("offTo", "")), "offTo",
				"Enter the moment work resumes, like 2027-03-19T17:00.", errors);
		if (errors.isEmpty()) {
			Instant start = from.atZone(zone).toInstant();
			Instant end = to.atZone(zone).toInstant();
			try {
				practitioners.blockTime(id, start, end, form.get("offReason"));
				long clashes = appointments.visitsOfPractitioner(id, start.minus(Duration.ofDays(1)), end)
					.stream()
					.filter(visit -> visit.status() == AppointmentStatus.BOOKED)
					.filter(visit -> visit.end().isAfter(start))
					.count();
				redirect.addFlashAttribute("message",
						clashes == 0 ? "Time off added; nothing is offered then."
								: "Time off added; nothing more is offered then. " + clashes
										+ (clashes == 1 ? " visit is" : " visits are")
										+ " still booked in it: move or cancel them from the clinic calendar.");
				return "redirect:/admin/practitioners/" + id;
			}
			catch (InvalidRequest invalid) {
				invalid.errors()
					.forEach(error -> errors.putIfAbsent("to".equals(error.field()) ? "offTo" : error.field(),
							error.message()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return practitionerPage(id, model, form, null, errors);
	}

	@PostMapping("/admin/practitioners/{id}/time-off/{timeOffId}/withdraw")
	String withdrawTimeOff(@PathVariable String id, @PathVariable long timeOffId, RedirectAttributes redirect) {
		schedule.withdrawTimeOff(id, timeOffId);
		redirect.addFlashAttribute("message", "Time off withdrawn; those hours are offered again.");
		return "redirect:/admin/practitioners/" + id;
	}

	/**
	 * One change from the page: done and back to the page, or the page again with what
	 * was typed and why not.
	 */
	private String attempt(String id, Map<String, String> form, List<String> chosen, Model model,
			RedirectAttributes redirect, HttpServletResponse response, String done,
			java.util.function.Consumer<Map<String, String>> change) {
		practitioners.get("practitioner", id);
		Map<String, String> errors = new LinkedHashMap<>();
		return forms.attempt(errors, () -> {
			change.accept(errors);
			return "/admin/practitioners/" + id;
		}, done, redirect, response, shown -> practitionerPage(id, model, form, chosen, shown));
	}

	private String practitionerPage(String id, Model model, Map<String, String> form, List<String> chosen,
			Map<String, String> errors) {
		Practitioner practitioner = practitioners.get("practitioner", id);
		Map<String, String> shown = new LinkedHashMap<>();
		if (!form.containsKey("credentials")) {
			shown.put("credentials", practitioner.credentials());
			shown.put("npi", practitioner.npi() == null ? "" : practitioner.npi());
			shown.put("bio", practitioner.bio());
			shown.put("specialties", String.join(", ", practitioner.specialties()));
			shown.put("languages", String.join(", ", practitioner.languages()));
			shown.put("active", Boolean.toString(practitioner.active()));
		}
		shown.putAll(form);
		ZoneId zone = catalog.virtualZone();
		model.addAttribute("practitioner", practitioner);
		model.addAttribute("licences", registry.licences(id));
		model.addAttribute("hours", schedule.hoursRules(id));
		model.addAttribute("timeOff",
				schedule.timeOffAfter(id, clock.instant())
					.stream()
					.map(entry -> new TimeOffView(entry.id(), SHOWN.format(entry.timeOff().start().atZone(zone)),
							SHOWN.format(entry.timeOff().end().atZone(zone)), entry.timeOff().reason()))
					.toList());
		model.addAttribute("zone", zone.getId());
		List<Clinic> all = clinics.all();
		model.addAttribute("clinics", all);
		model.addAttribute("clinicNames",
				all.stream().collect(java.util.stream.Collectors.toMap(Clinic::id, Clinic::name)));
		model.addAttribute("services", services.all());
		model.addAttribute("chosen", chosen == null ? List.copyOf(practitioner.serviceIds()) : chosen);
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("form", shown);
		model.addAttribute("errors", errors);
		return "admin/practitioner";
	}

	record TimeOffView(long id, String from, String to, String reason) {
	}

	private static LocalDate date(Map<String, String> form, String field, Map<String, String> errors) {
		return parse(() -> LocalDate.parse(form.getOrDefault(field, "").strip()), field,
				"Enter a date like 2027-01-31.", errors);
	}

	private String form(Model model, Map<String, String> form, List<String> chosen, Map<String, String> errors) {
		model.addAttribute("professions", Profession.values());
		model.addAttribute("services", services.all());
		model.addAttribute("chosen", chosen);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/practitioner-new";
	}

	private static List<String> words(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter(word -> !word.isEmpty()).toList();
	}

	private static <T> T parse(java.util.function.Supplier<T> parser, String field, String message,
			Map<String, String> errors) {
		try {
			return parser.get();
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			errors.put(field, message);
			return null;
		}
	}

}
