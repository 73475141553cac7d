package org.unknot.system.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unknot.system.InvalidRequest.FieldProblem;

import tools.jackson.databind.ObjectMapper;

/**
 * Refuses JSON API bodies larger than {@code unknot.api.max-body} with a 413 problem: a
 * declared length is refused before a byte of the body is read; a chunked body is read
 * only up to the limit. (Page forms have their own limits.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiBodyLimit extends OncePerRequestFilter {

	private final ApiLimits limits;

	private final ObjectMapper json;

	ApiBodyLimit(ApiLimits limits, ObjectMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int max = (int) limits.maxBody().toBytes();
		long declared = request.getContentLengthLong();
		if (declared > max) {
			tooLarge(response);
			return;
		}
		if (declared < 0 && "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING))) {
			byte[] body = request.getInputStream().readNBytes(max + 1);
			if (body.length > max) {
				tooLarge(response);
				return;
			}
			chain.doFilter(new ReplayedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		String detail = "The request body is larger than the " + limits.maxBody().toKilobytes()
				+ " KB this API accepts.";
		// the rest of the body is not read: the connection ends with this answer
		response.setHeader(HttpHeaders.CONNECTION, "close");
		ProblemAnswers.write(response, json, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", detail,
				List.of(new FieldProblem("body", detail)));
	}

}
