package org.unknot.admin.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogAdmin;
import org.unknot.catalog.RoomKind;
import org.unknot.catalog.ServiceCategory;

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
		Map<String, String> form = new LinkedHashMap<>();
		form.put("bufferBeforeMinutes", "0");
		form.put("bufferAfterMinutes", "0");
		form.put("minNoticeMinutes", "120");
		form.put("maxAdvanceDays", "400");
		form.put("slotStepMinutes", "15");
		form.put("inPerson", "true");
		return page(null, form, Map.of(), model);
	}

	@PostMapping("/admin/services")
	String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		ServiceCategory category = choice(ServiceCategory.class, form.get("category"));
		var terms = terms(form, errors);
		return forms.attempt(errors, () -> "/admin/services/" + catalog.createService(category, terms).id(),
				"Service added. Give it to practitioners on their pages so that it can be booked.", redirect, response,
				shown -> page(null, form, shown, model));
	}

	@GetMapping("/admin/services/{id}")
	String service(@PathVariable String id, Model model) {
		CareService service = services.get("service", id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", service.name());
		form.put("description", service.description());
		form.put("durationMinutes", Long.toString(service.duration().toMinutes()));
		form.put("bufferBeforeMinutes", Long.toString(service.bufferBefore().toMinutes()));
		form.put("bufferAfterMinutes", Long.toString(service.bufferAfter().toMinutes()));
		form.put("priceCents", Integer.toString(service.priceCents()));
		form.put("billingCodes", String.join(", ", service.billingCodes()));
		form.put("minNoticeMinutes", Long.toString(service.minimumNotice().toMinutes()));
		form.put("maxAdvanceDays", Integer.toString(service.maximumAdvanceDays()));
		form.put("slotStepMinutes", Long.toString(service.slotStep().toMinutes()));
		form.put("inPerson", Boolean.toString(service.inPerson()));
		form.put("virtual", Boolean.toString(service.virtual()));
		form.put("roomKind", service.roomKind() == null ? "" : service.roomKind().name());
		form.put("prerequisite", service.prerequisite() == null ? "" : service.prerequisite().name());
		form.put("licenceTypes", String.join(", ", service.licenceTypes().stream().sorted().toList()));
		return page(service, form, Map.of(), model);
	}

	@PostMapping("/admin/services/{id}")
	String saveService(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CareService service = services.get("service", id);
		Map<String, String> errors = new LinkedHashMap<>();
		var terms = terms(form, errors);
		return forms.attempt(errors, () -> {
			catalog.updateService(id, terms);
			return "/admin/services/" + id;
		}, "Saved; availability uses the new terms from now on.", redirect, response,
				shown -> page(service, form, shown, model));
	}

	private static CatalogAdmin.ServiceTerms terms(Map<String, String> form, Map<String, String> errors) {
		return new CatalogAdmin.ServiceTerms(form.get("name"), form.get("description"),
				number(form, "durationMinutes", errors), number(form, "bufferBeforeMinutes", errors),
				number(form, "bufferAfterMinutes", errors), number(form, "priceCents", errors),
				list(form.get("billingCodes"), "[,\\s]+"), number(form, "minNoticeMinutes", errors),
				number(form, "maxAdvanceDays", errors), number(form, "slotStepMinutes", errors),
				"true".equals(form.get("inPerson")), "true".equals(form.get("virtual")),
				choice(RoomKind.class, form.get("roomKind")), choice(ServiceCategory.class, form.get("prerequisite")),
				list(form.get("licenceTypes"), "[,\\s]+"));
	}

	private String page(CareService service, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("service", service);
		model.addAttribute("categories", ServiceCategory.values());
		model.addAttribute("roomKinds", RoomKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/service";
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants())
			.filter(constant -> constant.name().equals(value))
			.findFirst()
			.orElse(null);
	}

	private static Integer number(Map<String, String> form, String field, Map<String, String> errors) {
		try {
			return Integer.valueOf(form.getOrDefault(field, "").strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, "Enter a whole number.");
			return null;
		}
	}

	private static List<String> list(String text, String separators) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split(separators)).map(String::strip).filter(code -> !code.isEmpty()).toList();
	}

}
