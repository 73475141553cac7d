package org.unknot.system.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.ObjectMapper;

/**
 * Clients that send their bodies slowly (a byte every few seconds) cannot take the node's
 * request threads: requests with a body are handled at most
 * {@link SlowBodyLimits#perClient()} at once per client address and
 * {@link SlowBodyLimits#atOnce()} on the node, and one more is refused at once (429 or
 * 503, {@code Retry-After}, the connection closed without reading the body); a body the
 * application reads must have arrived by {@link SlowBodyLimits#deadline()}, or the
 * request ends with 408. Requests without a body (every page and every read) are never
 * counted, so they keep the remaining threads. Runs after {@link ForwardedClientFilter},
 * so the address is the real client's, and before {@link ApiBodyLimit}, so its reads are
 * under the deadline.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SlowBodies extends OncePerRequestFilter {

	private final SlowBodyLimits limits;

	private final ObjectMapper json;

	private final Semaphore node;

	private final ConcurrentMap<String, AtomicInteger> clients = new ConcurrentHashMap<>();

	SlowBodies(SlowBodyLimits limits, ObjectMapper json) {
		this.limits = limits;
		this.json = json;
		this.node = new Semaphore(limits.atOnce());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = request.getRemoteAddr();
		if (!take(client)) {
			refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-uploads",
					"This address is already sending " + limits.perClient()
							+ " requests; send the next one when one of them is answered.");
			return;
		}
		try {
			if (!node.tryAcquire()) {
				refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "busy",
						"The server is receiving too many requests at once; please try again in a moment.");
				return;
			}
			try {
				chain.doFilter(new Deadlined(request, response, System.nanoTime() + limits.deadline().toNanos()),
						response);
			}
			finally {
				node.release();
			}
		}
		finally {
			give(client);
		}
	}

	private boolean take(String client) {
		AtomicInteger count = clients.computeIfAbsent(client, address -> new AtomicInteger());
		if (count.incrementAndGet() > limits.perClient()) {
			give(client);
			return false;
		}
		return true;
	}

	private void give(String client) {
		clients.computeIfPresent(client, (address, count) -> count.decrementAndGet() <= 0 ? null : count);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String detail) throws IOException {
		// the body is not read: the connection ends with this answer
		UnreadBodies.abandon(request);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		if (request.getRequestURI().startsWith("/api/")) {
			ProblemAnswers.write(response, json, status, slug, detail, List.of());
		}
		else {
			response.sendError(status.value());
		}
	}

	/** A body that has not arrived by the deadline is not waited for any longer. */
	static final class TooSlow extends IOException {

		TooSlow() {
			super("The request body did not arrive in time.");
		}

	}

	private static final class Deadlined extends HttpServletRequestWrapper {

		private final HttpServletResponse response;

		private final long deadline;

		private ServletInputStream guarded;

		Deadlined(HttpServletRequest request, HttpServletResponse response, long deadline) {
			super(request);
			this.response = response;
			this.deadline = deadline;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (guarded == null) {
				guarded = new Guarded(super.getInputStream());
			}
			return guarded;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
		}

		private void check() throws TooSlow {
			if (System.nanoTime() - deadline > 0) {
				UnreadBodies.abandon(this);
				if (!response.isCommitted()) {
					response.setHeader(HttpHeaders.CONNECTION, "close");
				}
				throw new TooSlow();
			}
		}

		private final class Guarded extends ServletInputStream {

			private final ServletInputStream in;

			Guarded(ServletInputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				check();
				int read = in.read();
				check();
				return read;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				check();
				int read = in.read(buffer, offset, length);
				check();
				return read;
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}

		}

	}

}
