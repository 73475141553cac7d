package org.unknot.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.ServiceCategory;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.InsurancePlans;
import org.unknot.insurance.PayerKind;
import org.unknot.system.web.FormChange;

/**
 * Insurance plans: adding and changing them, accepting them or not, and what each pays
 * for.
 */
@Controller
class InsuranceAdminController {

	private final InsurancePlans plans;

	private final InsuranceAdmin admin;

	private final CareServices services;

	private final FormChange forms;

	InsuranceAdminController(InsurancePlans plans, InsuranceAdmin admin, CareServices services, FormChange forms) {
		this.forms = forms;
		this.plans = plans;
		this.admin = admin;
		this.services = services;
	}

	@GetMapping("/admin/insurance")
	String list(Model model) {
		return listPage(model, PlanForm.fresh().typed(), Map.of());
	}

	@PostMapping("/admin/insurance")
	String add(@ModelAttribute PlanForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return forms.attempt(messages -> "/admin/insurance/" + admin.add(form.terms()),
				"Plan added and accepted. Now say what it pays for.", redirect, response,
				errors -> listPage(model, form.typed(), errors));
	}

	@GetMapping("/admin/insurance/{id}")
	String show(@PathVariable String id, Model model) {
		InsurancePlan plan = plans.get("plan", id);
		return planPage(plan, PlanForm.of(plan).typed(), Map.of(), CoverageForm.of(plan), Map.of(), model);
	}

	@PostMapping("/admin/insurance/{id}")
	String update(@PathVariable String id, @ModelAttribute PlanForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InsurancePlan plan = plans.get("plan", id);
		return forms.attempt(messages -> {
			admin.update(id, form.terms());
			return "/admin/insurance/" + id;
		}, "Saved; patients see the change from their next page.", redirect, response,
				errors -> planPage(plan, form.typed(), errors, CoverageForm.of(plan), Map.of(), model));
	}

	@PostMapping("/admin/insurance/{id}/coverage")
	String saveCoverage(@PathVariable String id, HttpServletRequest request, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InsurancePlan plan = plans.get("plan", id);
		CoverageForm form = CoverageForm.read(request, services.all());
		return forms.attempt(messages -> {
			admin.setCoverage(id, form.rules(services.all()));
			return "/admin/insurance/" + id;
		}, "Coverage saved; the booking flow shows it from now on.", redirect, response,
				errors -> planPage(plan, PlanForm.of(plan).typed(), Map.of(), form, errors, model));
	}

	@PostMapping("/admin/insurance/{id}/stop")
	String stop(@PathVariable String id, RedirectAttributes redirect) {
		admin.stopAccepting(id);
		redirect.addFlashAttribute("message",
				"No longer accepted: patients cannot choose it; visits already booked under it keep it.");
		return "redirect:/admin/insurance/" + id;
	}

	@PostMapping("/admin/insurance/{id}/accept")
	String accept(@PathVariable String id, RedirectAttributes redirect) {
		admin.acceptAgain(id);
		redirect.addFlashAttribute("message", "Accepted again: patients can choose it when they book.");
		return "redirect:/admin/insurance/" + id;
	}

	private String listPage(Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("plans", plans.all());
		model.addAttribute("kinds", PayerKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/insurance";
	}

	private String planPage(InsurancePlan plan, Map<String, String> form, Map<String, String> errors,
			CoverageForm coverage, Map<String, String> coverageErrors, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("kinds", PayerKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("groups", groups(coverage));
		model.addAttribute("coverageErrors", coverageErrors);
		return "admin/insurance-plan";
	}

	/**
	 * Each kind of care with its services, as rows of the coverage form, showing what was
	 * typed.
	 */
	private List<CoverageGroup> groups(CoverageForm coverage) {
		List<CoverageGroup> groups = new ArrayList<>();
		List<CareService> all = services.all();
		for (ServiceCategory category : ServiceCategory.values()) {
			String key = CoverageForm.categoryRow(category);
			List<CoverageRow> rows = all.stream()
				.filter(service -> service.category() == category)
				.map(service -> row(CoverageForm.serviceRow(service.id()), service.name(), coverage))
				.toList();
			groups.add(new CoverageGroup(row(key, categoryName(category), coverage), rows));
		}
		return groups;
	}

	private static CoverageRow row(String key, String label, CoverageForm coverage) {
		return new CoverageRow(key, label, coverage.choice(key), coverage.reason(key));
	}

	static String categoryName(ServiceCategory category) {
		String words = category.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A kind of care's own rule and its services' rules. */
	record CoverageGroup(CoverageRow category, List<CoverageRow> services) {
	}

	/**
	 * One row of the coverage form: "yes", "no" or "" (no rule of its own), and the
	 * reason patients read.
	 */
	record CoverageRow(String key, String label, String choice, String reason) {
	}

}
