package org.unknot.admin.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CatalogAdmin;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.RoomKind;
import org.unknot.system.web.FormChange;
import org.unknot.catalog.LocationId;

/** Each clinic's rooms and closures. */
@Controller
class CatalogAdminController {

	private final Clinics clinics;

	private final CatalogAdmin catalog;

	private final FormChange forms;

	CatalogAdminController(Clinics clinics, CatalogAdmin catalog, FormChange forms) {
		this.forms = forms;
		this.clinics = clinics;
		this.catalog = catalog;
	}

	@GetMapping("/admin/clinics")
	String clinics(Model model) {
		model.addAttribute("clinics", clinics.all());
		return "admin/clinics";
	}

	@GetMapping("/admin/clinics/{id}")
	String clinic(@PathVariable String id, Model model) {
		return clinicPage(clinics.get("clinic", id), Map.of(), Map.of(), model);
	}

	@GetMapping("/admin/clinics/new")
	String newClinic(Model model) {
		return newClinicPage(ClinicForms.Details.fresh().typed(), Map.of(), model);
	}

	@PostMapping("/admin/clinics")
	String createClinic(@ModelAttribute ClinicForms.Details form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return forms.attempt(messages -> "/admin/clinics/" + catalog.createClinic(form.details()),
				"Clinic added. Add its rooms, then give practitioners hours there.", redirect, response,
				errors -> newClinicPage(form.typed(), errors, model));
	}

	@PostMapping("/admin/clinics/{id}")
	String saveClinic(@PathVariable String id, @ModelAttribute ClinicForms.Details form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Clinic clinic = clinics.get("clinic", id);
		return forms.attempt(messages -> {
			catalog.updateClinic(LocationId.of(clinic.id()), form.details());
			return "/admin/clinics/" + id;
		}, "Clinic details saved.", redirect, response, errors -> clinicPage(clinic, form.typed(), errors, model));
	}

	@PostMapping("/admin/clinics/{id}/closures/{closureId}/withdraw")
	String withdrawClosure(@PathVariable String id, @PathVariable long closureId, RedirectAttributes redirect) {
		catalog.withdrawClosure(LocationId.of(id), closureId);
		redirect.addFlashAttribute("message", "Closure withdrawn; those days are offered again.");
		return "redirect:/admin/clinics/" + id;
	}

	@PostMapping("/admin/clinics/{id}/closures")
	String addClosure(@PathVariable String id, @ModelAttribute ClinicForms.Closure form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Clinic clinic = clinics.get("clinic", id);
		return forms.attempt(messages -> {
			catalog.addClosure(LocationId.of(clinic.id()), form.firstDay(messages), form.lastDay(messages),
					form.reason());
			return "/admin/clinics/" + id;
		}, "Closure added; nothing is offered on those days.", redirect, response,
				errors -> clinicPage(clinic, form.typed(), errors, model));
	}

	@PostMapping("/admin/clinics/{id}/rooms")
	String addRoom(@PathVariable String id, @ModelAttribute ClinicForms.Room form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Clinic clinic = clinics.get("clinic", id);
		return forms.attempt(messages -> {
			messages.showAs("name", "roomName");
			catalog.addRoom(LocationId.of(clinic.id()), form.roomName(), form.roomKind());
			return "/admin/clinics/" + id;
		}, "Room added.", redirect, response, errors -> clinicPage(clinic, form.typed(), errors, model));
	}

	private String clinicPage(Clinic clinic, Map<String, String> form, Map<String, String> errors, Model model) {
		Map<String, String> shown = new LinkedHashMap<>();
		shown.put("name", clinic.name());
		shown.put("street", clinic.address().street());
		shown.put("city", clinic.address().city());
		shown.put("state", clinic.address().state());
		shown.put("postalCode", clinic.address().postalCode());
		shown.put("phone", clinic.phone());
		shown.put("taxId", clinic.taxId() == null ? "" : clinic.taxId());
		shown.put("latitude", clinic.latitude() == null ? "" : clinic.latitude().toPlainString());
		shown.put("longitude", clinic.longitude() == null ? "" : clinic.longitude().toPlainString());
		shown.putAll(form);
		model.addAttribute("clinic", clinic);
		model.addAttribute("closures", catalog.closuresFrom(LocationId.of(clinic.id()), LocalDate.now(clinic.zone())));
		model.addAttribute("kinds", RoomKind.values());
		model.addAttribute("form", shown);
		model.addAttribute("errors", errors);
		return "admin/clinic";
	}

	private String newClinicPage(Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("zones", ZONES);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/clinic-new";
	}

	/** The zones of the United States a clinic can be in. */
	static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
			"America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico");

}
