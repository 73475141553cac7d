package org.unknot.payment.web;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.unknot.account.OffSiteForms;
import org.unknot.payment.OnlinePayments;

/**
 * The pages whose forms end on the provider's hosted page: the booking's review step and
 * the portal's payments and packages. Their forms may go to its origin, while patients
 * can pay online here; no other page's may.
 */
@Component
class CheckoutPages implements OffSiteForms {

	private static final Pattern PAGES = Pattern.compile("/book/[^/]+/review|/account/payments|/account/packages");

	private final OnlinePayments online;

	CheckoutPages(OnlinePayments online) {
		this.online = online;
	}

	@Override
	public Optional<String> originFor(HttpServletRequest page) {
		String path = page.getRequestURI().substring(page.getContextPath().length());
		return PAGES.matcher(path).matches() ? online.pageOrigin() : Optional.empty();
	}

}
