package org.unknot.system.web;

import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.InvalidRequest;

/**
 * The way every page form's change ends: made, then a flash message and a redirect; or
 * refused, then 422 and the same page again, with what was typed kept and each message
 * beside its field.
 * <p>
 * The change runs in one transaction and gets the form's {@link FieldMessages}. Values
 * that do not parse are put there (usually by the form record itself) and the change
 * still runs, so that the page names every problem at once; but any message, or an
 * {@link InvalidRequest} from the rules, rolls back whatever it wrote. A field keeps the
 * first message it got.
 */
@Component
public class FormChange {

	private final TransactionTemplate transaction;

	public FormChange(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Makes the change, which answers the path to go to once it is made; then flashes
	 * {@code done}. When refused, answers what {@code refused} renders from the messages
	 * by field.
	 */
	public String attempt(Function<FieldMessages, String> change, String done, RedirectAttributes redirect,
			HttpServletResponse response, Function<Map<String, String>, String> refused) {
		return answer(messages -> new Made(change.apply(messages), done), redirect, response, refused);
	}

	/** As {@link #attempt}, for a change whose message depends on what it did. */
	public String answer(Function<FieldMessages, Made> change, RedirectAttributes redirect,
			HttpServletResponse response, Function<Map<String, String>, String> refused) {
		return run(change, made -> {
			redirect.addFlashAttribute("message", made.message());
			return "redirect:" + made.path();
		}, response, refused);
	}

	/**
	 * As {@link #attempt}, for a change that answers its own view once made (a page that
	 * says what happens next, or a session begun) instead of a message and a redirect.
	 */
	public String render(Function<FieldMessages, String> change, HttpServletResponse response,
			Function<Map<String, String>, String> refused) {
		return run(change, Function.identity(), response, refused);
	}

	private <T> String run(Function<FieldMessages, T> change, Function<T, String> made, HttpServletResponse response,
			Function<Map<String, String>, String> refused) {
		FieldMessages messages = new FieldMessages();
		try {
			T result = transaction.execute(status -> {
				T outcome = change.apply(messages);
				if (!messages.isEmpty()) {
					status.setRollbackOnly();
				}
				return outcome;
			});
			if (messages.isEmpty()) {
				return made.apply(result);
			}
		}
		catch (InvalidRequest invalid) {
			messages.addAll(invalid);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return refused.apply(messages.byField());
	}

	/** A change made: where to go next and what to tell. */
	public record Made(String path, String message) {
	}

}
