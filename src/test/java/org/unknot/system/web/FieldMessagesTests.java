package org.unknot.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

class FieldMessagesTests {

	FieldMessages messages = new FieldMessages();

	@Nested
	class WhenTextIsParsed {

		@Test
		void answersTheValueAndNamesNothing() {
			LocalDate first = messages.parse("first", " 2027-07-05 ", LocalDate::parse, "Enter a date.");

			assertThat(first).isEqualTo(LocalDate.of(2027, 7, 5));
			assertThat(messages.wholeNumber("price", "12")).isEqualTo(12);
			assertThat(messages.isEmpty()).isTrue();
		}

		@Test
		void namesTheFieldWhoseTextDoesNotParse() {
			LocalDate first = messages.parse("first", "5 July", LocalDate::parse, "Enter a date.");

			assertThat(first).isNull();
			assertThat(messages.wholeNumber("price", null)).isNull();

			assertThat(messages.byField()).containsExactly(java.util.Map.entry("first", "Enter a date."),
					java.util.Map.entry("price", "Enter a whole number."));
		}

		@Test
		void takesBlankTextAsNoValueWhenTheFieldIsOptional() {
			LocalDate to = messages.parseUnlessBlank("to", " ", LocalDate::parse, "Enter a date.");

			assertThat(to).isNull();
			assertThat(messages.isEmpty()).isTrue();
		}

		@Test
		void findsAChoiceByItsNameOnly() {
			assertThat(FieldMessages.choice(Thread.State.class, "NEW")).isEqualTo(Thread.State.NEW);
			assertThat(messages.choice("state", Thread.State.class, "new", "Choose a state.")).isNull();
			assertThat(messages.byField()).containsEntry("state", "Choose a state.");
		}

	}

	@Nested
	class WhenTheRulesRefuse {

		@Test
		void keepsTheFirstMessageOfEachField() {
			messages.add("name", "Enter a name.");
			messages.addAll(new InvalidRequest("Not allowed.", List.of(new FieldProblem("name", "Too long."),
					new FieldProblem("phone", "Enter a phone number."))));

			assertThat(messages.byField()).containsExactly(java.util.Map.entry("name", "Enter a name."),
					java.util.Map.entry("phone", "Enter a phone number."));
		}

		@Test
		void showsAMessageBesideTheFieldTheFormNamesDifferently() {
			messages.showAs("name", "roomName").addAll(new InvalidRequest("name", "Name the room."));

			assertThat(messages.byField()).containsOnlyKeys("roomName");
		}

	}

	@Test
	void splitsListsTypedAsText() {
		assertThat(FieldMessages.words(" 97110, 97140  97530,", "[,\\s]+")).containsExactly("97110", "97140", "97530");
		assertThat(FieldMessages.words(null, ",")).isEmpty();
	}

	@Test
	void aPageFormShowsWhatWasTypedAndLeavesOutWhatWasNotSent() {
		record Probe(String name, String phone, List<String> ids) implements PageForm {
		}

		assertThat(new Probe("Ada", null, List.of("x")).typed()).containsExactly(java.util.Map.entry("name", "Ada"));
	}

}
