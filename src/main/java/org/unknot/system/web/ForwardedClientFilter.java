package org.unknot.system.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a load balancer every request arrives from the balancer: this makes
 * {@code getRemoteAddr()} the real client again, and {@code isSecure()} follow the scheme
 * the client used, but only for requests that come from a {@link TrustedProxies trusted
 * proxy}. The forwarded chain is read from the right, past trusted proxies, to the first
 * address that is not one: whatever a client wrote further left is its own claim and is
 * ignored. ({@code server.forward-headers-strategy} stays {@code none}: Tomcat's valve
 * would trust every private address by default.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedClientFilter extends OncePerRequestFilter {

	private final TrustedProxies proxies;

	ForwardedClientFilter(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!proxies.trust(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new Forwarded(request, client(request), scheme(request)), response);
	}

	private String client(HttpServletRequest request) {
		List<String> hops = hops(request);
		String client = request.getRemoteAddr();
		for (int i = hops.size() - 1; i >= 0 && proxies.trust(client); i--) {
			String hop = hops.get(i);
			if (!TrustedProxies.isAddress(hop)) {
				break;
			}
			client = hop;
		}
		return client;
	}

	/** The addresses each proxy says it was reached from, nearest last. */
	private static List<String> hops(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		List<String> forwarded = Collections.list(request.getHeaders("Forwarded"));
		if (!forwarded.isEmpty()) {
			for (String header : forwarded) {
				for (String element : header.split(",")) {
					hops.add(parameter(element, "for"));
				}
			}
			return hops;
		}
		for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
			for (String address : header.split(",")) {
				hops.add(address.trim());
			}
		}
		return hops;
	}

	private static String scheme(HttpServletRequest request) {
		String forwarded = request.getHeader("Forwarded");
		String proto = forwarded != null ? parameter(forwarded.substring(forwarded.lastIndexOf(',') + 1), "proto")
				: request.getHeader("X-Forwarded-Proto");
		if (proto == null) {
			return request.getScheme();
		}
		proto = proto.substring(proto.lastIndexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
		return proto.equals("https") || proto.equals("http") ? proto : request.getScheme();
	}

	/**
	 * A parameter of one {@code Forwarded} element, unquoted, without brackets or port.
	 */
	private static String parameter(String element, String name) {
		for (String pair : element.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(name)) {
				String value = pair.substring(equals + 1).trim().replace("\"", "");
				if (value.startsWith("[")) {
					return value.substring(1, Math.max(1, value.indexOf(']')));
				}
				int colon = value.indexOf(':');
				return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
			}
		}
		return "";
	}

	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		private final String scheme;

		Forwarded(HttpServletRequest request, String client, String scheme) {
			super(request);
			this.client = client;
			this.scheme = scheme;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

		@Override
		public String getScheme() {
			return scheme;
		}

		@Override
		public boolean isSecure() {
			return "https".equals(scheme) || super.isSecure();
		}

	}

}
