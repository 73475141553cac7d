package org.unknot.payment.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unknot.payment.OnlinePayments;

/**
 * Lets the forms that lead to the provider's hosted page reach it. A browser holds a
 * form's submission, and every redirect after it, to the page's {@code form-action}; so
 * on the pages whose forms end on that page (the booking's review step, the portal's
 * payments and packages) the content security policy names its origin too, and nowhere
 * else. Without online payments nothing changes.
 * <p>
 * It runs before Spring Security, which writes the policy when the response is sent: the
 * policy passes through here on its way out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class CheckoutFormsPolicy extends OncePerRequestFilter {

	static final String HEADER = "Content-Security-Policy";

	private static final Pattern PAGES = Pattern.compile("/book/[^/]+/review|/account/payments|/account/packages");

	private final OnlinePayments online;

	CheckoutFormsPolicy(OnlinePayments online) {
		this.online = online;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PAGES.matcher(request.getRequestURI()).matches() || online.pageOrigin().isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = online.pageOrigin().orElseThrow();
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, widened(name, value, origin));
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, widened(name, value, origin));
			}

		});
	}

	static String widened(String name, String value, String origin) {
		if (!HEADER.equalsIgnoreCase(name) || value == null) {
			return value;
		}
		return value.replace("form-action 'self'", "form-action 'self' " + origin);
	}

}
