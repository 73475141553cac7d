package org.unknot.system.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.unknot.system.InvalidRequest.FieldProblem;

import tools.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on creating POSTs: the same key and body replay the first
 * answer; the same key with another body is 422; a request still being processed under
 * that key is 409. An answer of 5xx is not kept, so the client may retry.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final int MAX_KEY_LENGTH = 255;

	private final IdempotencyRecords records;

	private final ObjectMapper json;

	IdempotencyFilter(IdempotencyRecords records, ObjectMapper json) {
		this.records = records;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			problem(response, HttpStatus.BAD_REQUEST, "malformed-request",
					"The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters.");
			return;
		}
		byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
		String scope = request.getMethod() + " " + request.getRequestURI();
		byte[] hash = sha256(body);
		if (!records.claim(scope, key, hash)) {
			answerFromRecord(response, scope, key, hash);
			return;
		}
		var wrapped = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new ReplayedBody(request, body), wrapped);
			if (wrapped.getStatus() < 500) {
				records.complete(scope, key, wrapped.getStatus(), wrapped.getContentType(),
						wrapped.getHeader(HttpHeaders.LOCATION), wrapped.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				records.release(scope, key);
			}
			wrapped.copyBodyToResponse();
		}
	}

	private void answerFromRecord(HttpServletResponse response, String scope, String key, byte[] hash)
			throws IOException {
		var stored = records.find(scope, key).orElse(null);
		if (stored == null) {
			problem(response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
					"A request with this Idempotency-Key has just failed; please send it again.");
		}
		else if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
			problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"This Idempotency-Key was used with a different request body.");
		}
		else if (!stored.completed()) {
			problem(response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
					"A request with this Idempotency-Key is still being processed.");
		}
		else {
			response.setStatus(stored.status());
			if (stored.contentType() != null) {
				response.setContentType(stored.contentType());
			}
			if (stored.location() != null) {
				response.setHeader(HttpHeaders.LOCATION, stored.location());
			}
			response.setHeader("Idempotent-Replayed", "true");
			response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
		}
	}

	private void problem(HttpServletResponse response, HttpStatus status, String slug, String detail)
			throws IOException {
		ProblemAnswers.write(response, json, status, slug, detail, List.of(new FieldProblem(HEADER, detail)));
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

}
