package org.unknot.admin.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
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
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.practitioner.PractitionerRegistry;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.Profession;
import org.unknot.system.InvalidRequest;

/** Practitioners: adding one with a licence and services, and giving them working hours. */
@Controller
class PractitionerAdminController {

	private final Practitioners practitioners;
	private final PractitionerRegistry registry;
	private final CareServices services;
	private final Clinics clinics;
	private final CatalogProperties catalog;

	PractitionerAdminController(Practitioners practitioners, PractitionerRegistry registry, CareServices services,
			Clinics clinics, CatalogProperties catalog) {
		this.practitioners = practitioners;
		this.registry = registry;
		this.services = services;
		this.clinics = clinics;
		this.catalog = catalog;
	}

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
		try {
			String id = registry.create(new PractitionerRegistry.NewPractitioner(form.get("givenName"),
					form.get("familyName"), profession, form.get("credentials"), form.get("npi"), form.get("bio"),
					words(form.get("specialties")), words(form.get("languages")), chosen, form.get("licenceType"),
					form.get("licenceNumber"), form.get("licenceState"), issued, expires));
			if (errors.isEmpty()) {
				redirect.addFlashAttribute("message", "Added. Now give them working hours.");
				return "redirect:/admin/practitioners/" + id;
			}
		}
		catch (InvalidRequest invalid) {
			invalid.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, chosen, errors);
	}

	@GetMapping("/admin/practitioners/{id}")
	String show(@PathVariable String id, Model model) {
		return practitionerPage(id, model, new LinkedHashMap<>(), Map.of());
	}

	@PostMapping("/admin/practitioners/{id}/hours")
	String addHours(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
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
		LocalTime end = parse(() -> LocalTime.parse(form.getOrDefault("end", "")), "end", "Enter a time like 17:00.",
				errors);
		LocalDate from = parse(() -> LocalDate.parse(form.getOrDefault("from", "")), "from",
				"Enter a date like 2027-01-04.", errors);
		LocalDate to = form.getOrDefault("to", "").isBlank() ? null
				: parse(() -> LocalDate.parse(form.get("to")), "to", "Enter a date or leave it empty.", errors);
		if (errors.isEmpty()) {
			try {
				registry.addHours(id, clinicId, weekday, start, end, zone, from, to);
				redirect.addFlashAttribute("message", "Working hours added.");
				return "redirect:/admin/practitioners/" + id;
			}
			catch (InvalidRequest invalid) {
				invalid.errors().forEach(error -> errors.put(error.field(), error.message()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return practitionerPage(id, model, form, errors);
	}

	private String practitionerPage(String id, Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("practitioner", practitioners.get("practitioner", id));
		model.addAttribute("hours", practitioners.workingHoursOf(id));
		model.addAttribute("clinics", clinics.all());
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/practitioner";
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
