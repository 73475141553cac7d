package org.unknot.account.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.account.Account;
import org.unknot.account.Registrations;
import org.unknot.account.Registrations.NewPatient;
import org.unknot.account.Registrations.RegistrationLinkSpent;
import org.unknot.system.InvalidRequest;

/**
 * A patient opens their own account: an address first (the answer never tells whether it
 * has an account), then, from the emailed link, name, birth date and password.
 */
@Controller
class RegistrationController {

	private final Registrations registrations;

	private final SessionStart sessionStart;

	RegistrationController(Registrations registrations, SessionStart sessionStart) {
		this.registrations = registrations;
		this.sessionStart = sessionStart;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("email", "");
		model.addAttribute("errors", Map.of());
		return "account/register";
	}

	/** The same page for every well-formed address, whether or not it has an account. */
	@PostMapping("/register")
	String request(@RequestParam(defaultValue = "") String email, HttpServletResponse response, Model model) {
		try {
			registrations.request(email);
			return "account/register-sent";
		}
		catch (InvalidRequest invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("email", email);
			model.addAttribute("errors", invalid.byField());
			return "account/register";
		}
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
		model.addAttribute("email", email.get());
		model.addAttribute("token", token);
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "account/register-finish";
	}

	@PostMapping("/register/{token}")
	String finish(@PathVariable String token, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			Account account = registrations.complete(token, new NewPatient(form.get("givenName"),
					form.get("familyName"), form.get("birthDate"), form.get("phone"), form.get("password")),
					request.getRemoteAddr());
			return sessionStart.signIn(account, request, response);
		}
		catch (RegistrationLinkSpent spent) {
			return spent(response, model);
		}
		catch (InvalidRequest invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, String> kept = new LinkedHashMap<>(form);
			kept.remove("password");
			kept.remove("_csrf");
			model.addAttribute("email", registrations.pending(token).orElse(""));
			model.addAttribute("token", token);
			model.addAttribute("form", kept);
			model.addAttribute("errors", invalid.byField());
			return "account/register-finish";
		}
	}

	private static String spent(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("spent", true);
		return "account/register-finish";
	}

}
