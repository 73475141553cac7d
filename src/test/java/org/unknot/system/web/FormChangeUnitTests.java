package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;

/**
 * How a page form's change is answered, without a database: what commits and what is
 * shown.
 */
class FormChangeUnitTests {

	RecordingTransactions transactions = new RecordingTransactions();

	FormChange forms = new FormChange(transactions);

	MockHttpServletResponse response = new MockHttpServletResponse();

	RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

	@Nested
	class WhenTheChangeIsMade {

		@Test
		void commitsFlashesTheMessageAndRedirects() {
			String view = forms.attempt(messages -> "/admin/things/1", "Saved.", redirect, response, errors -> "page");

			assertThat(view).isEqualTo("redirect:/admin/things/1");
			assertThat(redirect.getFlashAttributes().get("message")).isEqualTo("Saved.");
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(transactions.outcome).isEqualTo("commit");
		}

		@Test
		void flashesAMessageTheChangeComposed() {
			String view = forms.answer(messages -> new FormChange.Made("/there", "2 visits still booked."), redirect,
					response, errors -> "page");

			assertThat(view).isEqualTo("redirect:/there");
			assertThat(redirect.getFlashAttributes().get("message")).isEqualTo("2 visits still booked.");
		}

		@Test
		void answersTheViewOfAChangeThatShowsItsOwnPage() {
			String view = forms.render(messages -> "account/register-sent", response, errors -> "page");

			assertThat(view).isEqualTo("account/register-sent");
			assertThat(transactions.outcome).isEqualTo("commit");
		}

	}

	@Nested
	class WhenTheChangeIsRefused {

		@Test
		void rollsBackForAValueThatDidNotParseAndShowsThePageWith422() {
			String view = forms.attempt(messages -> {
				messages.wholeNumber("price", "a lot");
				return "/admin/things/1";
			}, "Saved.", redirect, response, errors -> "page " + errors);

			assertThat(view).isEqualTo("page {price=Enter a whole number.}");
			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(redirect.getFlashAttributes()).isEmpty();
			assertThat(transactions.outcome).isEqualTo("rollback");
		}

		@Test
		void showsTheRulesMessagesAfterTheFormsOwn() {
			String view = forms.attempt(messages -> {
				messages.add("price", "Enter a whole number.");
				throw new InvalidRequest("name", "Enter the name patients see.");
			}, "Saved.", redirect, response, errors -> "page " + errors.keySet());

			assertThat(view).isEqualTo("page [price, name]");
			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(transactions.outcome).isEqualTo("rollback");
		}

		@Test
		void leavesOtherProblemsToTheirOwnAnswers() {
			assertThatThrownBy(() -> forms.attempt(messages -> {
				throw new NotFound("id", "clinic", "nowhere");
			}, "Saved.", redirect, response, errors -> "page")).isInstanceOf(NotFound.class);
			assertThat(transactions.outcome).isEqualTo("rollback");
		}

	}

	/** A transaction manager that only remembers how the last transaction ended. */
	static class RecordingTransactions extends AbstractPlatformTransactionManager {

		String outcome;

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			outcome = "open";
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			outcome = "commit";
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			outcome = "rollback";
		}

	}

}
