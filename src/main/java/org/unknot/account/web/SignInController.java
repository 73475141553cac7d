package org.unknot.account.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.account.Account;
import org.unknot.account.Accounts;
import org.unknot.account.SignIn;
import org.unknot.account.SignInLinks;
import org.unknot.account.TotpEnrolment;
import org.unknot.system.web.FormChange;

/**
 * Signing in, step by step: email and password; then, for staff (and patients who chose
 * it), a code from their authenticator app, enrolled with a QR code at the first sign-in.
 * Every refusal reads the same, whether or not the account exists.
 */
@Controller
class SignInController {

	static final String PENDING = "unknot.pendingSecondFactor";
	static final String DEVICE_COOKIE = "unknot_device";
	static final String NOT_RECOGNISED = "That email and password do not match an account we can sign in. "
			+ "Check both and try again.";
	static final String THROTTLED = "Too many attempts for this account or from this network. "
			+ "Please wait a while before trying again.";

	private static final long PENDING_SECONDS = 300;

	private final SignIn signIn;

	private final SignInLinks links;

	private final Accounts accounts;

	private final SessionStart sessionStart;

	private final Clock clock;

	private final FormChange forms;

	SignInController(SignIn signIn, SignInLinks links, Accounts accounts, SessionStart sessionStart, Clock clock,
			FormChange forms) {
		this.forms = forms;
		this.signIn = signIn;
		this.links = links;
		this.accounts = accounts;
		this.sessionStart = sessionStart;
		this.clock = clock;
	}

	@GetMapping("/sign-in")
	String form(Model model) {
		model.addAttribute("email", "");
		return "account/sign-in";
	}

	@PostMapping("/sign-in")
	String password(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SignIn.PasswordOutcome outcome = signIn.password(email, password, request.getRemoteAddr(), device);
		if (outcome instanceof SignIn.Accepted accepted) {
			if (accepted.next() == SignIn.Next.SIGNED_IN) {
				return complete(accepted.account(), request, response);
			}
			if (request.getSession(false) != null) {
				request.changeSessionId();
			}
			request.getSession().setAttribute(PENDING, new Pending(accepted.account().id(), clock.instant()));
			return accepted.next() == SignIn.Next.ENTER_CODE ? "redirect:/sign-in/code" : "redirect:/sign-in/enrol";
		}
		model.addAttribute("email", email);
		if (outcome instanceof SignIn.Throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", THROTTLED);
		}
		else {
			model.addAttribute("error", NOT_RECOGNISED);
		}
		return "account/sign-in";
	}

	@GetMapping("/sign-in/link")
	String linkForm() {
		return "account/link";
	}

	/** Answers the same page whether or not the address has an account. */
	@PostMapping("/sign-in/link")
	String sendLink(@RequestParam(defaultValue = "") String email) {
		links.request(email);
		return "account/link-sent";
	}

	/**
	 * Opening the link changes nothing (mail scanners open links too); its button signs
	 * in.
	 */
	@GetMapping("/sign-in/link/{token}")
	String openLink(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		return "account/link-open";
	}

	@PostMapping("/sign-in/link/{token}")
	String useLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		Account account = links.use(token).orElse(null);
		if (account == null) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("spent", true);
			return "account/link-open";
		}
		if (account.needsSecondFactor()) {
			if (request.getSession(false) != null) {
				request.changeSessionId();
			}
			request.getSession().setAttribute(PENDING, new Pending(account.id(), clock.instant()));
			return "redirect:/sign-in/code";
		}
		return complete(account, request, response);
	}

	@GetMapping("/sign-in/code")
	String codeForm(HttpSession session) {
		return pending(session) == null ? "redirect:/sign-in" : "account/code";
	}

	@PostMapping("/sign-in/code")
	String code(@RequestParam(defaultValue = "") String code,
			@CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return confirm(code, device, request, response,
				"That code was not accepted. Enter the 6 digits your app shows now.", (pending, errors) -> {
					model.addAttribute("error", errors.get("code"));
					return "account/code";
				});
	}

	@GetMapping("/sign-in/enrol")
	String enrolForm(HttpSession session, Model model) {
		Pending pending = pending(session);
		if (pending == null) {
			return "redirect:/sign-in";
		}
		Account account = accounts.byId(pending.accountId()).orElseThrow();
		if (account.totpConfirmed()) {
			return "redirect:/sign-in/code";
		}
		TotpEnrolment enrolment = signIn.beginEnrolment(pending.accountId());
		model.addAttribute("enrolment", enrolment);
		return "account/enrol";
	}

	@PostMapping("/sign-in/enrol")
	String enrol(@RequestParam(defaultValue = "") String code,
			@CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return confirm(code, device, request, response,
				"That code was not accepted. Scan the new code above and enter the 6 digits your app shows.",
				(pending, errors) -> {
					// a new secret, begun after the refusal's rollback so that it is kept
					model.addAttribute("error", errors.get("code"));
					model.addAttribute("enrolment", signIn.beginEnrolment(pending.accountId()));
					return "account/enrol";
				});
	}

	/**
	 * The second factor of the sign-in under way: signed in when the app's code is
	 * accepted, else the page again with the refusal beside the field.
	 */
	private String confirm(String code, String device, HttpServletRequest request, HttpServletResponse response,
			String refusal, BiFunction<Pending, Map<String, String>, String> refused) {
		Pending pending = pending(request.getSession());
		if (pending == null) {
			return "redirect:/sign-in";
		}
		return forms.render(messages -> {
			if (!signIn.code(pending.accountId(), code, request.getRemoteAddr(), device)) {
				messages.add("code", refusal);
				return null;
			}
			return complete(accounts.byId(pending.accountId()).orElseThrow(), request, response);
		}, response, errors -> refused.apply(pending, errors));
	}

	private String complete(Account account, HttpServletRequest request, HttpServletResponse response) {
		return sessionStart.signIn(account, request, response);
	}

	private Pending pending(HttpSession session) {
		if (session != null && session.getAttribute(PENDING) instanceof Pending pending
				&& pending.since().plusSeconds(PENDING_SECONDS).isAfter(clock.instant())) {
			return pending;
		}
		return null;
	}

	record Pending(UUID accountId, Instant since) implements java.io.Serializable {
	}

}
