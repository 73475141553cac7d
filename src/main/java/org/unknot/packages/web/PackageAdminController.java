package org.unknot.packages.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.CareServices;
import org.unknot.packages.CarePackage;
import org.unknot.packages.CarePackages;
import org.unknot.packages.PackageAdmin;
import org.unknot.system.web.FormChange;

/** Admins define packages, change them and take them off sale. */
@Controller
class PackageAdminController {

	private final CarePackages packages;

	private final PackageAdmin admin;

	private final CareServices services;

	private final FormChange forms;

	PackageAdminController(CarePackages packages, PackageAdmin admin, CareServices services, FormChange forms) {
		this.packages = packages;
		this.admin = admin;
		this.services = services;
		this.forms = forms;
	}

	@GetMapping("/admin/packages")
	String list(Model model) {
		return listPage(model, PackageForm.fresh(), Map.of());
	}

	@PostMapping("/admin/packages")
	String define(@ModelAttribute PackageForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return forms.attempt(messages -> "/admin/packages/" + admin.define(form.terms(messages)),
				"Package on sale: patients can buy it in their portal and the desk can sell it.", redirect, response,
				errors -> listPage(model, form, errors));
	}

	@GetMapping("/admin/packages/{id}")
	String show(@PathVariable String id, Model model) {
		CarePackage offered = packages.get("package", id);
		return packagePage(model, offered, PackageForm.of(offered), Map.of());
	}

	@PostMapping("/admin/packages/{id}")
	String change(@PathVariable String id, @ModelAttribute PackageForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CarePackage offered = packages.get("package", id);
		return forms.attempt(messages -> {
			admin.change(id, form.terms(messages));
			return "/admin/packages/" + id;
		}, "Saved. Packages already sold keep their price and their end date.", redirect, response,
				errors -> packagePage(model, offered, form, errors));
	}

	@PostMapping("/admin/packages/{id}/stop")
	String stop(@PathVariable String id, RedirectAttributes redirect) {
		admin.stopSelling(id);
		redirect.addFlashAttribute("message", "Off sale. Credits already sold can still be spent.");
		return "redirect:/admin/packages/" + id;
	}

	@PostMapping("/admin/packages/{id}/sell")
	String sellAgain(@PathVariable String id, RedirectAttributes redirect) {
		admin.sellAgain(id);
		redirect.addFlashAttribute("message", "On sale again.");
		return "redirect:/admin/packages/" + id;
	}

	private String listPage(Model model, PackageForm form, Map<String, String> errors) {
		model.addAttribute("packages", packages.all());
		return formPage(model, form, errors, "admin/packages");
	}

	private String packagePage(Model model, CarePackage offered, PackageForm form, Map<String, String> errors) {
		model.addAttribute("offered", offered);
		return formPage(model, form, errors, "admin/package");
	}

	private String formPage(Model model, PackageForm form, Map<String, String> errors, String view) {
		model.addAttribute("form", form.typed());
		model.addAttribute("chosen", form.chosen());
		model.addAttribute("services", services.all());
		model.addAttribute("serviceNames", services.byId());
		model.addAttribute("errors", errors);
		return view;
	}

}
