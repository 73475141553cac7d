package org.unknot.account.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.unknot.account.Account;
import org.unknot.account.SignIn;
import org.unknot.account.SignedIn;

/**
 * The last step of every way in (password and code, emailed link, a just-opened account):
 * a new session with a new id, indexed by account so it can be ended from any node, and
 * the known-device cookie that lets the owner past a throttle meant for guessers.
 */
@Component
class SessionStart {

	private final SignIn signIn;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	SessionStart(SignIn signIn, SecurityContextRepository contexts, Clock clock) {
		this.signIn = signIn;
		this.contexts = contexts;
		this.clock = clock;
	}

	/** Signs the account in and answers where it goes next. */
	String signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		HttpSession session = request.getSession(true);
		SignedIn principal = SignedIn.of(account);
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(account.role().authority())));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		session.setAttribute(SessionLifetimeFilter.SIGNED_IN_AT, clock.instant());
		// indexed by account, so that disabling it or changing its password ends this
		// session
		// on whichever node it is used
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
				SessionEnder.indexName(account.id()));
		Cookie device = new Cookie(SignInController.DEVICE_COOKIE, signIn.knownDeviceCookie(account));
		device.setHttpOnly(true);
		device.setSecure(true);
		device.setPath("/sign-in");
		device.setMaxAge((int) SignIn.KNOWN_DEVICE_LIFETIME.toSeconds());
		device.setAttribute("SameSite", "Strict");
		response.addCookie(device);
		return account.role().staff() ? "redirect:/staff" : "redirect:/account";
	}

}
