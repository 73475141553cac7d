package org.unknot.account.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A patient who leaves a booking step open longer than a session lasts (looking for their
 * insurance card, say) sends a form whose CSRF token belonged to the ended session.
 * Instead of a bare 403, the booking flow and the manage page send them back to the same
 * page, which says what happened; the booking draft keeps every earlier step. Nothing is
 * changed by the refused form. Everything else keeps the plain 403.
 */
final class StaleFormHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler fallback = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean bookingForm = path.equals("/book") || path.startsWith("/book/") || path.startsWith("/visits/");
		if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod()) || !bookingForm
				|| path.contains("..")) {
			fallback.handle(request, response, denied);
			return;
		}
		String token = request.getParameter("token");
		String again = token == null ? "?again"
				: "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&again";
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader("Location", request.getContextPath() + path + again);
	}

}
