package org.unknot.payment.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.catalog.ServiceId;
import org.unknot.system.web.Choice;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.payment.PaymentPolicies;
import org.unknot.payment.PaymentPolicy;
import org.unknot.system.web.FormChange;

/** A service's payment policy, set by an admin beside the service's other terms. */
@Controller
class PolicyAdminController {

	private final CareServices services;

	private final PaymentPolicies policies;

	private final FormChange forms;

	PolicyAdminController(CareServices services, PaymentPolicies policies, FormChange forms) {
		this.services = services;
		this.policies = policies;
		this.forms = forms;
	}

	@GetMapping("/admin/services/{id}/payment-policy")
	String policy(@PathVariable String id, Model model) {
		CareService service = services.get("service", id);
		return page(service, PolicyForm.of(policies.of(ServiceId.of(id))).typed(), Map.of(), model);
	}

	@PostMapping("/admin/services/{id}/payment-policy")
	String save(@PathVariable String id, @ModelAttribute PolicyForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CareService service = services.get("service", id);
		return forms.attempt(messages -> {
			PaymentPolicy policy = form.policy(id, messages);
			if (policy != null) {
				policies.save(policy);
			}
			return "/admin/services/" + id + "/payment-policy";
		}, "Saved; patients read the new policy before they book from now on.", redirect, response,
				shown -> page(service, form.typed(), shown, model));
	}

	private String page(CareService service, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("service", service);
		model.addAttribute("dues", Choice.of(PaymentPolicy.Due.class, PaymentPolicy.Due::label));
		model.addAttribute("shown", policies.shown(ServiceId.of(service.id()), service.priceCents()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/payment-policy";
	}

}
