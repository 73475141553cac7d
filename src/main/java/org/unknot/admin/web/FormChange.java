package org.unknot.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.InvalidRequest;

/**
 * The way every admin form's change ends: made, then a flash message and a redirect; or
 * refused, then 422 and the same page again, with what was typed kept and each message
 * beside its field. A refused change writes nothing: it runs in one transaction, rolled
 * back when it is refused.
 */
@Component
class FormChange {

	private final TransactionTemplate transaction;

	FormChange(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
	}

	/** A change whose refusals all come as {@link InvalidRequest}. */
	String attempt(Supplier<String> change, String done, RedirectAttributes redirect, HttpServletResponse response,
			Function<Map<String, String>, String> refused) {
		return attempt(new LinkedHashMap<>(), change, done, redirect, response, refused);
	}

	/**
	 * Makes the change, which answers the path to go to once it is made. Messages in
	 * errors (values that did not parse, put there before or during the change) refuse it
	 * as well: the change still runs, so that the page can name every problem at once,
	 * but whatever it wrote is rolled back. A field keeps the first message it got.
	 */
	String attempt(Map<String, String> errors, Supplier<String> change, String done, RedirectAttributes redirect,
			HttpServletResponse response, Function<Map<String, String>, String> refused) {
		try {
			String next = transaction.execute(status -> {
				String path = change.get();
				if (!errors.isEmpty()) {
					status.setRollbackOnly();
				}
				return path;
			});
			if (errors.isEmpty()) {
				redirect.addFlashAttribute("message", done);
				return "redirect:" + next;
			}
		}
		catch (InvalidRequest invalid) {
			invalid.byField().forEach(errors::putIfAbsent);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return refused.apply(errors);
	}

}
