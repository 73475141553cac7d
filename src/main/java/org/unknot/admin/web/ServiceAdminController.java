package org.unknot.admin.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogAdmin;
import org.unknot.catalog.RoomKind;
import org.unknot.catalog.ServiceCategory;
import org.unknot.system.web.FormChange;

/** Services: every term of an existing one, and new ones. */
@Controller
class ServiceAdminController {

	private final CareServices services;

	private final CatalogAdmin catalog;

	private final FormChange forms;

	ServiceAdminController(CareServices services, CatalogAdmin catalog, FormChange forms) {
		this.forms = forms;
		this.services = services;
		this.catalog = catalog;
	}

	@GetMapping("/admin/services")
	String services(Model model) {
		model.addAttribute("services", services.all());
		return "admin/services";
	}

	@GetMapping("/admin/services/new")
	String newForm(Model model) {
		return page(null, ServiceForm.fresh().typed(), Map.of(), model);
	}

	@PostMapping("/admin/services")
	String create(@ModelAttribute ServiceForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return forms.attempt(
				messages -> "/admin/services/"
						+ catalog.createService(form.chosenCategory(), form.terms(messages)).id(),
				"Service added. Give it to practitioners on their pages so that it can be booked.", redirect, response,
				shown -> page(null, form.typed(), shown, model));
	}

	@GetMapping("/admin/services/{id}")
	String service(@PathVariable String id, Model model) {
		CareService service = services.get("service", id);
		return page(service, ServiceForm.of(service).typed(), Map.of(), model);
	}

	@PostMapping("/admin/services/{id}")
	String saveService(@PathVariable String id, @ModelAttribute ServiceForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CareService service = services.get("service", id);
		return forms.attempt(messages -> {
			catalog.updateService(id, form.terms(messages));
			return "/admin/services/" + id;
		}, "Saved; availability uses the new terms from now on.", redirect, response,
				shown -> page(service, form.typed(), shown, model));
	}

	private String page(CareService service, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("service", service);
		model.addAttribute("categories", ServiceCategory.values());
		model.addAttribute("roomKinds", RoomKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/service";
	}

}
