package org.unknot.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.Accounts;
import org.unknot.account.SignIn;
import org.unknot.account.SignedIn;

/** A patient may add an authenticator app; from then on they sign in with a code as well. */
@Controller
class SecondFactorController {

	private final SignIn signIn;
	private final Accounts accounts;

	SecondFactorController(SignIn signIn, Accounts accounts) {
		this.signIn = signIn;
		this.accounts = accounts;
	}

	@GetMapping("/account/second-factor")
	String form(@AuthenticationPrincipal SignedIn me, Model model) {
		if (accounts.byId(me.accountId()).map(account -> account.totpConfirmed()).orElse(false)) {
			model.addAttribute("enrolled", true);
			return "portal/second-factor";
		}
		model.addAttribute("enrolment", signIn.beginEnrolment(me.accountId()));
		return "portal/second-factor";
	}

	@PostMapping("/account/second-factor")
	String confirm(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String code,
			@CookieValue(name = "unknot_device", required = false) String device, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (signIn.code(me.accountId(), code, request.getRemoteAddr(), device)) {
			redirect.addFlashAttribute("message", "Your authenticator app is set up; you will be asked for a code when you sign in.");
			return "redirect:/account";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("error", "That code was not accepted. Scan the new code and enter the 6 digits your app shows.");
		model.addAttribute("enrolment", signIn.beginEnrolment(me.accountId()));
		return "portal/second-factor";
	}
}
