package org.unknot.account.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.account.Account;
import org.unknot.account.Registrations;
import org.unknot.account.Registrations.NewPatient;
import org.unknot.account.Registrations.RegistrationLinkSpent;
import org.unknot.patient.BirthDate;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;

/**
 * A patient opens their own account: an address first (the answer never tells whether it
 * has an account), then, from the emailed link, name, birth date and password.
 */
@Controller
class RegistrationController {

	private final Registrations registrations;

	private final SessionStart sessionStart;

	private final FormChange forms;

	RegistrationController(Registrations registrations, SessionStart sessionStart, FormChange forms) {
		this.registrations = registrations;
		this.sessionStart = sessionStart;
		this.forms = forms;
	}

	@GetMapping("/register")
	String form(Model model) {
		return requestPage("", Map.of(), model);
	}

	/** The same page for every well-formed address, whether or not it has an account. */
	@PostMapping("/register")
	String request(@RequestParam(defaultValue = "") String email, HttpServletResponse response, Model model) {
		return forms.render(messages -> {
			registrations.request(email);
			return "account/register-sent";
		}, response, errors -> requestPage(email, errors, model));
	}

	/**
	 * Opening the link changes nothing (mail scanners open links too); the form's button
	 * does.
	 */
	@GetMapping("/register/{token}")
	String finishForm(@PathVariable String token, HttpServletResponse response, Model model) {
		var email = registrations.pending(token);
		if (email.isEmpty()) {
			return spent(response, model);
		}
		return finishPage(token, email.get(), Map.of(), Map.of(), model);
	}

	@PostMapping("/register/{token}")
	String finish(@PathVariable String token, @ModelAttribute PatientForm form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			return forms.render(messages -> {
				Account account = registrations.complete(token, form.patient(), request.getRemoteAddr());
				return sessionStart.signIn(account, request, response);
			}, response,
					errors -> finishPage(token, registrations.pending(token).orElse(""), form.typed(), errors, model));
		}
		catch (RegistrationLinkSpent spent) {
			return spent(response, model);
		}
	}

	private static String requestPage(String email, Map<String, String> errors, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("errors", errors);
		return "account/register";
	}

	private static String finishPage(String token, String email, Map<String, String> form, Map<String, String> errors,
			Model model) {
		model.addAttribute("email", email);
		model.addAttribute("token", token);
		model.addAttribute("form", form);
		model.addAttribute("birthDateHint", BirthDate.hint(form.get("birthDate")));
		model.addAttribute("errors", errors);
		return "account/register-finish";
	}

	private static String spent(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("spent", true);
		return "account/register-finish";
	}

	/** Who opens the account, as typed; the password is never shown again. */
	record PatientForm(String givenName, String familyName, String birthDate, String phone,
			String password) implements PageForm {

		NewPatient patient() {
			return new NewPatient(givenName, familyName, birthDate, phone, password);
		}

		@Override
		public Map<String, String> typed() {
			Map<String, String> typed = PageForm.super.typed();
			typed.remove("password");
			return typed;
		}

	}

}
