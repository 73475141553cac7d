package org.unknot.account.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unknot.account.RecentSignIn;

/**
 * Ends a signed-in session when it reaches its absolute lifetime (12 hours by default),
 * however active it was; the idle limit is the servlet session timeout. Checked on the
 * server each request, against the sign-in time kept in the session's own row, so every
 * node ends it alike.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = RecentSignIn.SIGNED_IN_AT;

	private final Duration lifetime;

	private final Clock clock;

	SessionLifetimeFilter(Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
				&& signedInAt.plus(lifetime).isBefore(clock.instant())) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
				response.sendRedirect(request.getContextPath() + "/sign-in?expired");
			}
			else {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
