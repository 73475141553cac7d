package org.unknot.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.InvalidRequest;

/**
 * The way every admin form's change ends: made, then a flash message and a redirect; or refused, then
 * 422 and the same page again, with what was typed kept and each message beside its field.
 */
final class FormChange {

	private FormChange() {
	}

	/** A change whose refusals all come as {@link InvalidRequest}. */
	static String attempt(Supplier<String> change, String done, RedirectAttributes redirect,
			HttpServletResponse response, Function<Map<String, String>, String> refused) {
		return attempt(new LinkedHashMap<>(), change, done, redirect, response, refused);
	}

	/**
	 * Makes the change, which answers the path to go to once it is made. Messages in errors (values that
	 * did not parse, put there before or during the change) refuse it as well; a field keeps the first
	 * message it got.
	 */
	static String attempt(Map<String, String> errors, Supplier<String> change, String done,
			RedirectAttributes redirect, HttpServletResponse response, Function<Map<String, String>, String> refused) {
		try {
			String next = change.get();
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
