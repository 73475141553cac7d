package org.unknot.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
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
 * At most {@code unknot.api.bookings-per-minute} holds, bookings and series per minute
 * from one client address (a token bucket each, refilled evenly), answered 429 with
 * {@code Retry-After} beyond that. Counted per node: behind a balancer spreading requests
 * over N nodes a client gets up to N times as many, which still cannot take a calendar
 * (holds are capped per client in the database as well). Runs after
 * {@link ForwardedClientFilter}, so the address is the real client's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BookingRateLimit extends OncePerRequestFilter {

	private static final Set<String> LIMITED = Set.of("/api/v1/holds", "/api/v1/appointments", "/api/v1/series");

	/** Addresses remembered at most; the least recently seen are forgotten first. */
	private static final int CLIENTS = 50_000;

	private final ApiLimits limits;

	private final ObjectMapper json;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > CLIENTS;
		}
	});

	BookingRateLimit(ApiLimits limits, ObjectMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !LIMITED.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = buckets.computeIfAbsent(request.getRemoteAddr(), client -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		String detail = "Too many bookings from this address; try again in " + seconds + " seconds.";
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ProblemAnswers.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-bookings", detail, List.of());
	}

	private Bucket newBucket() {
		int perMinute = limits.bookingsPerMinute();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

}
