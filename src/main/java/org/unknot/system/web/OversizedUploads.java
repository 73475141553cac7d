package org.unknot.system.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An upload over the multipart limit ({@code spring.servlet.multipart.*}) cannot be
 * parsed, and Tomcat then throws from every {@code getParameter}, so the security filters
 * fail before any page can say what happened. For such a request the parameters are those
 * of the address alone (a form that uploads sends its CSRF token there), so the request
 * reaches its controller, which asks for the parts and is refused with
 * {@code MaxUploadSizeExceededException}: that page answers with the size beside the
 * field. Nothing is skipped: a request without a valid token is still refused.
 * <p>
 * Why the token rides in the address (reviewed for issue 17): it does not go to other
 * sites, since the Referrer-Policy is strict-origin-when-cross-origin and the pages load
 * nothing from elsewhere, and the application writes no access log; it does stay in the
 * browser's history (the refused upload's page) and in the log of a proxy in front that
 * logs query strings, for the life of the session (signing in again gives a new one). The
 * cleaner ways were tried on paper and refused: a hidden {@code _csrf} field first in the
 * form does not help, because after a failed parse Tomcat throws from every
 * {@code getParameter}, so the field read before the limit is lost with the rest; and
 * exempting bodies over the limit from the CSRF check would let a forged oversized post
 * reach a handler that never reads its body (removing a photo takes no field) and act.
 * Checking the size in a filter before the CSRF filter still needs the token to tell a
 * forged request from the admin's, so it would need the same address parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class OversizedUploads extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(isMultipart(request) ? new AddressParametersWhenUnreadable(request) : request, response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	/** The request's parameters, or those of its address when its body cannot be read. */
	private static final class AddressParametersWhenUnreadable extends HttpServletRequestWrapper {

		private Map<String, String[]> fromAddress;

		AddressParametersWhenUnreadable(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			try {
				return super.getParameter(name);
			}
			catch (IllegalStateException unreadable) {
				String[] values = fromAddress().get(name);
				return values == null ? null : values[0];
			}
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (IllegalStateException unreadable) {
				return fromAddress();
			}
		}

		@Override
		public Enumeration<String> getParameterNames() {
			try {
				return super.getParameterNames();
			}
			catch (IllegalStateException unreadable) {
				return Collections.enumeration(fromAddress().keySet());
			}
		}

		@Override
		public String[] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (IllegalStateException unreadable) {
				return fromAddress().get(name);
			}
		}

		private Map<String, String[]> fromAddress() {
			if (fromAddress == null) {
				Map<String, String[]> parameters = new LinkedHashMap<>();
				String query = getQueryString();
				if (query != null) {
					UriComponentsBuilder.newInstance()
						.query(query)
						.build()
						.getQueryParams()
						.forEach((name, values) -> parameters.put(decoded(name),
								values.stream()
									.map(value -> value == null ? "" : decoded(value))
									.toArray(String[]::new)));
				}
				fromAddress = Collections.unmodifiableMap(parameters);
			}
			return fromAddress;
		}

		private static String decoded(String text) {
			return UriUtils.decode(text.replace('+', ' '), java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
