package org.unknot.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Pages whose forms lead off this site, to another origin (a payment provider's hosted
 * page). Browsers hold a form's submission, and every redirect after it, to the page's
 * content security policy, which names this site only; a module whose pages send people
 * elsewhere says which pages and where, and the policy of those pages, and of no other,
 * names that origin too.
 */
public interface OffSiteForms {

	/**
	 * The origin this page's forms may also be sent to (such as
	 * {@code https://checkout.stripe.com}); empty for a page whose forms stay here.
	 */
	Optional<String> originFor(HttpServletRequest page);

}
