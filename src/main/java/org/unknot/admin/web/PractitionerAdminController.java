package org.unknot.admin.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.PractitionerPhotos;
import org.unknot.practitioner.PractitionerRegistry;
import org.unknot.practitioner.PractitionerSchedule;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.Profession;
import org.unknot.system.Times;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.practitioner.PractitionerId;

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

	private final PractitionerPhotos photos;

	private final DataSize uploadLimit;

	PractitionerAdminController(Practitioners practitioners, PractitionerRegistry registry, CareServices services,
			Clinics clinics, CatalogProperties catalog, PractitionerSchedule schedule, Appointments appointments,
			Clock clock, FormChange forms, PractitionerPhotos photos,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize uploadLimit) {
		this.forms = forms;
		this.uploadLimit = uploadLimit;
		this.photos = photos;
		this.practitioners = practitioners;
		this.registry = registry;
		this.services = services;
		this.clinics = clinics;
		this.catalog = catalog;
		this.schedule = schedule;
		this.appointments = appointments;
		this.clock = clock;
	}

	@GetMapping("/admin/practitioners")
	String list(Model model) {
		model.addAttribute("practitioners", practitioners.all());
		return "admin/practitioners";
	}

	@GetMapping("/admin/practitioners/new")
	String newForm(Model model) {
		return form(model, PractitionerForms.NewPractitioner.blank(), Map.of());
	}

	@PostMapping("/admin/practitioners")
	String create(@ModelAttribute PractitionerForms.NewPractitioner form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return forms.attempt(messages -> "/admin/practitioners/" + registry.create(form.practitioner(messages)),
				"Added. Now give them working hours.", redirect, response, shown -> form(model, form, shown));
	}

	@GetMapping("/admin/practitioners/{id}")
	String show(@PathVariable("id") String given, Model model) {
		PractitionerId id = PractitionerId.of(given);
		Practitioner practitioner = practitioners.get("practitioner", id);
		PractitionerForms.Profile profile = PractitionerForms.Profile.of(practitioner);
		return practitionerPage(id, model, profile.typed(), profile.chosen(), Map.of());
	}

	@PostMapping("/admin/practitioners/{id}/profile")
	String saveProfile(@PathVariable("id") String given, @ModelAttribute PractitionerForms.Profile form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		return attempt(id, form.typed(), form.chosen(), model, redirect, response,
				"Profile saved; availability follows at once.", messages -> registry.updateProfile(id, form.profile()));
	}

	/**
	 * A new photo, resized and stripped of its metadata; a refused file is named beside
	 * the field.
	 */
	@PostMapping("/admin/practitioners/{id}/photo")
	String uploadPhoto(@PathVariable("id") String given, @RequestParam(required = false) MultipartFile photo,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		return attempt(id, Map.of(), null, model, redirect, response, "Photo saved; every page shows it at once.",
				messages -> photos.replace(id, bytesOf(photo)));
	}

	@PostMapping("/admin/practitioners/{id}/photo/remove")
	String removePhoto(@PathVariable("id") String given, RedirectAttributes redirect) {
		PractitionerId id = PractitionerId.of(given);
		practitioners.get("practitioner", id);
		redirect.addFlashAttribute("message",
				photos.remove(id) ? "Photo removed; patients see the placeholder." : "There was no photo to remove.");
		return "redirect:/admin/practitioners/" + id;
	}

	/**
	 * A file over the upload limit ({@code spring.servlet.multipart.max-file-size}) is
	 * never read into {@link #uploadPhoto}: its parts resolve lazily, so the refusal
	 * arrives here, where the page is known, and the admin gets the page again with the
	 * size named beside the field. Tomcat reads and drops the rest of the upload
	 * ({@code server.tomcat.max-swallow-size}) so that the browser receives this answer
	 * instead of a reset connection.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String photoOverTheLimit(HttpServletRequest request, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(pathVariables(request).get("id"));
		long bytes = Math.max(request.getContentLengthLong(), uploadLimit.toBytes() + 1);
		return attempt(id, Map.of(), null, model, redirect, response, "Photo saved; every page shows it at once.",
				messages -> {
					photos.checkSize(bytes);
					messages.add("photo", "This file is larger than any upload may be (" + uploadLimit.toMegabytes()
							+ " MB). Export a smaller copy and try again.");
				});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> pathVariables(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
	}

	private byte[] bytesOf(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return new byte[0];
		}
		photos.checkSize(file.getSize());
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping("/admin/practitioners/{id}/licences")
	String addLicence(@PathVariable("id") String given, @ModelAttribute PractitionerForms.Licence form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		return attempt(id, form.typed(), null, model, redirect, response, "Licence added.",
				messages -> registry.addLicence(id, form.licenceType(), form.licenceNumber(), form.licenceState(),
						form.issued(messages), form.expires(messages)));
	}

	@PostMapping("/admin/practitioners/{id}/licences/{licenceId}/renewal")
	String renewLicence(@PathVariable("id") String given, @PathVariable long licenceId,
			@ModelAttribute PractitionerForms.Renewal form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		return attempt(id, form.typedFor(licenceId), null, model, redirect, response, "Renewal recorded.",
				messages -> registry.renewLicence(id, licenceId, form.issued(messages), form.expires(messages)));
	}

	@PostMapping("/admin/practitioners/{id}/hours")
	String addHours(@PathVariable("id") String given, @ModelAttribute PractitionerForms.Hours form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		return attempt(id, form.typed(), null, model, redirect, response, "Working hours added.", messages -> {
			String clinicId = form.clinicId();
			ZoneId zone = clinicId == null || clinics.find(clinicId).isPresent()
					? clinics.zoneOf(LocationId.ofClinic(clinicId)) : null;
			if (zone == null) {
				messages.add("location", "Choose a clinic or video visits.");
			}
			DayOfWeek weekday = form.day(messages);
			LocalTime start = form.startTime(messages);
			LocalTime end = form.endTime(messages);
			LocalDate from = form.firstDay(messages);
			LocalDate to = form.lastDay(messages);
			if (messages.isEmpty()) {
				schedule.addHours(id, LocationId.ofClinic(clinicId), weekday, start, end, zone, from, to);
			}
		});
	}

	@PostMapping("/admin/practitioners/{id}/hours/{ruleId}/stop")
	String stopHours(@PathVariable("id") String given, @PathVariable long ruleId,
			@ModelAttribute PractitionerForms.StopHours form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		return attempt(id, form.typedFor(ruleId), null, model, redirect, response, "Working hours changed.",
				messages -> {
					LocalDate lastDay = form.day(messages);
					if (messages.isEmpty()) {
						schedule.stopHours(id, ruleId, lastDay);
					}
				});
	}

	/**
	 * Blocks time; visits already booked in it stay booked, and the message says which
	 * need moving.
	 */
	@PostMapping("/admin/practitioners/{id}/time-off")
	String addTimeOff(@PathVariable("id") String given, @ModelAttribute PractitionerForms.TimeOff form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PractitionerId id = PractitionerId.of(given);
		ZoneId zone = catalog.virtualZone();
		return forms.answer(messages -> {
			LocalDateTime from = form.from(messages);
			LocalDateTime to = form.to(messages);
			if (!messages.isEmpty()) {
				return null;
			}
			Instant start = from.atZone(zone).toInstant();
			Instant end = to.atZone(zone).toInstant();
			messages.showAs("to", "offTo");
			practitioners.blockTime(id, start, end, form.offReason());
			long clashes = appointments.visitsOfPractitioner(id, start.minus(Duration.ofDays(1)), end)
				.stream()
				.filter(visit -> visit.status() == AppointmentStatus.BOOKED)
				.filter(visit -> visit.end().isAfter(start))
				.count();
			return new FormChange.Made("/admin/practitioners/" + id,
					clashes == 0 ? "Time off added; nothing is offered then."
							: "Time off added; nothing more is offered then. " + clashes
									+ (clashes == 1 ? " visit is" : " visits are")
									+ " still booked in it: move or cancel them from the clinic calendar.");
		}, redirect, response, shown -> practitionerPage(id, model, form.typed(), null, shown));
	}

	@PostMapping("/admin/practitioners/{id}/time-off/{timeOffId}/withdraw")
	String withdrawTimeOff(@PathVariable("id") String given, @PathVariable long timeOffId,
			RedirectAttributes redirect) {
		PractitionerId id = PractitionerId.of(given);
		schedule.withdrawTimeOff(id, timeOffId);
		redirect.addFlashAttribute("message", "Time off withdrawn; those hours are offered again.");
		return "redirect:/admin/practitioners/" + id;
	}

	/**
	 * One change from the page: done and back to the page, or the page again with what
	 * was typed and why not.
	 */
	private String attempt(PractitionerId id, Map<String, String> typed, List<String> chosen, Model model,
			RedirectAttributes redirect, HttpServletResponse response, String done,
			java.util.function.Consumer<FieldMessages> change) {
		practitioners.get("practitioner", id);
		return forms.attempt(messages -> {
			change.accept(messages);
			return "/admin/practitioners/" + id;
		}, done, redirect, response, shown -> practitionerPage(id, model, typed, chosen, shown));
	}

	private String practitionerPage(PractitionerId id, Model model, Map<String, String> form, List<String> chosen,
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
		model.addAttribute("hasPhoto", photos.version(id).isPresent());
		model.addAttribute("photoAlt", practitioner.nameAndRole());
		model.addAttribute("licences", registry.licences(id));
		model.addAttribute("hours", schedule.hoursRules(id));
		model.addAttribute("timeOff",
				schedule.timeOffAfter(id, clock.instant())
					.stream()
					.map(entry -> new TimeOffView(entry.id(), Times.dateAndTime(entry.timeOff().start().atZone(zone)),
							Times.dateAndTime(entry.timeOff().end().atZone(zone)), entry.timeOff().reason()))
					.toList());
		model.addAttribute("zone", zone);
		List<Clinic> all = clinics.all();
		model.addAttribute("clinics", all);
		model.addAttribute("clinicNames",
				all.stream().collect(java.util.stream.Collectors.toMap(Clinic::id, Clinic::name)));
		model.addAttribute("services", services.all());
		model.addAttribute("chosen", chosen == null ? List.copyOf(practitioner.serviceIds()) : chosen);
		model.addAttribute("weekdays", org.unknot.system.web.Choice.of(DayOfWeek.class,
				day -> day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US)));
		model.addAttribute("form", shown);
		model.addAttribute("errors", errors);
		return "admin/practitioner";
	}

	record TimeOffView(long id, String from, String to, String reason) {
	}

	private String form(Model model, PractitionerForms.NewPractitioner form, Map<String, String> errors) {
		model.addAttribute("professions", Profession.values());
		model.addAttribute("services", services.all());
		model.addAttribute("chosen", form.chosen());
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		return "admin/practitioner-new";
	}

}
