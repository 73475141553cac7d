package org.unknot.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

import tools.jackson.databind.ObjectMapper;

/**
 * The API's holds, bookings and series beyond the client's {@link BookingRate} are
 * answered 429 with {@code Retry-After}. Runs after {@link ForwardedClientFilter}, so the
 * address is the real client's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BookingRateLimit extends OncePerRequestFilter {

	private static final Set<String> LIMITED = Set.of("/api/v1/holds", "/api/v1/appointments", "/api/v1/series");

	private final BookingRate rate;

	private final ObjectMapper json;

	BookingRateLimit(BookingRate rate, ObjectMapper json) {
		this.rate = rate;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !LIMITED.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> refusal = rate.refusal(request.getRemoteAddr());
		if (refusal.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = refusal.get().toSeconds();
		String detail = "Too many bookings from this address; try again in " + seconds + " seconds.";
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemAnswers.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-bookings", detail, List.of());
	}

}
