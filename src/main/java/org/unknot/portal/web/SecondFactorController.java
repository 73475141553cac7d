package org.unknot.portal.web;

import java.time.Clock;

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
import org.unknot.account.AccountDesk;
import org.unknot.account.Accounts;
import org.unknot.account.RecentSignIn;
import org.unknot.account.SignIn;
import org.unknot.account.SignedIn;
import org.unknot.system.web.FormChange;

/**
 * A patient sets a new password, or adds an authenticator app so that signing in also
 * needs a code.
 */
@Controller
class SecondFactorController {

	private final SignIn signIn;

	private final Accounts accounts;

	private final AccountDesk desk;

	private final Clock clock;

	private final FormChange forms;

	SecondFactorController(SignIn signIn, Accounts accounts, AccountDesk desk, Clock clock, FormChange forms) {
		this.forms = forms;
		this.signIn = signIn;
		this.accounts = accounts;
		this.desk = desk;
		this.clock = clock;
	}

	@GetMapping("/account/password")
	String passwordForm(HttpServletRequest request, HttpServletResponse response, Model model) {
		return RecentSignIn.holds(request.getSession(false), clock) ? "portal/password" : signInAgain(response, model);
	}

	/**
	 * A new password; every session ends, this one too, and the patient signs in again
	 * with it. Only within {@link RecentSignIn#WINDOW} of signing in: a portal left open
	 * is not enough to take the account over.
	 */
	@PostMapping("/account/password")
	String password(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!RecentSignIn.holds(request.getSession(false), clock)) {
			return signInAgain(response, model);
		}
		return forms.render(messages -> {
			desk.changePassword(me.accountId(), password);
			return "redirect:/sign-in?password-changed";
		}, response, errors -> {
			model.addAttribute("errors", errors);
			return "portal/password";
		});
	}

	private static String signInAgain(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("signInAgain", true);
		return "portal/password";
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
		return forms.attempt(messages -> {
			if (!signIn.code(me.accountId(), code, request.getRemoteAddr(), device)) {
				messages.add("code",
						"That code was not accepted. Scan the new code and enter the 6 digits your app shows.");
			}
			return "/account";
		}, "Your authenticator app is set up; you will be asked for a code when you sign in.", redirect, response,
				errors -> {
					// a new secret, begun after the refusal's rollback so that it is kept
					model.addAttribute("error", errors.get("code"));
					model.addAttribute("enrolment", signIn.beginEnrolment(me.accountId()));
					return "portal/second-factor";
				});
	}

}
