package org.unknot.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unknot.system.InvalidRequest;
import org.unknot.system.InvalidRequest.FieldProblem;

/** One check of a patient's details for every form and request that takes them. */
class PatientDetailsTests {

	static final LocalDate TODAY = LocalDate.of(2027, 3, 15);

	@Nested
	class WhenAPhoneNumberIsTyped {

		@ParameterizedTest
		@ValueSource(strings = { "(973) 555-0142", "973-555-0142", "973.555.0142", "9735550142", "1 973 555 0142",
				"+1 973 555 0142", "  +1 (973) 555-0142  " })
		void keepsEveryUsualWayOfWritingAUsNumberInE164(String typed) {
			assertThat(details(typed).phone()).isEqualTo("+19735550142");
		}

		@Test
		void keepsANumberFromAbroadWithItsCountryCode() {
			assertThat(details("+44 20 7946 0958").phone()).isEqualTo("+442079460958");
		}

		@Test
		void leavesAnEmptyPhoneOut() {
			assertThat(details("  ").phone()).isNull();
			assertThat(details(null).phone()).isNull();
		}

		@ParameterizedTest
		@ValueSource(strings = { "12", "555-0100", "call me maybe", "(973) 555-0142 ext 12",
				"+1 973 555 0142 0000000000000000000000000000000000000" })
		void refusesWhatIsNoNumberATextCanReach(String typed) {
			assertThat(problems(typed, "1985-04-02")).extracting(FieldProblem::field).containsExactly("phone");
		}

		@Test
		void readsAStoredNumberThatIsNoneAsItWasTyped() {
			assertThat(PhoneNumber.read("call the office")).isEqualTo("call the office");
			assertThat(PhoneNumber.read("(973) 555-0142")).isEqualTo("+19735550142");
		}

	}

	@Nested
	class WhenABirthDateIsTyped {

		@Test
		void acceptsToday() {
			assertThat(problems(null, TODAY.toString())).isEmpty();
		}

		@Test
		void refusesTomorrow() {
			assertThat(problems(null, TODAY.plusDays(1).toString())).extracting(FieldProblem::message)
				.containsExactly("Please check your date of birth: it is not a date someone alive was born.");
		}

		@Test
		void acceptsExactlyOneHundredAndTwentyYearsAgoButNotADayMore() {
			assertThat(problems(null, TODAY.minusYears(120).toString())).isEmpty();
			assertThat(problems(null, TODAY.minusYears(120).minusDays(1).toString())).extracting(FieldProblem::field)
				.containsExactly("birthDate");
		}

		@Test
		void saysHowToWriteADateThatIsNone() {
			assertThat(problems(null, "31/04/1985")).extracting(FieldProblem::message)
				.containsExactly(
						"Please enter your date of birth as month, day and year, like 04/02/1985 for April 2, 1985.");
		}

	}

	@Nested
	class WhenNamesOrEmailAreWrong {

		@Test
		void namesEveryFieldThatIsWrongInTheOrderOfAForm() {
			List<FieldProblem> problems = PatientDetails.problems(" ", "x".repeat(101), "ada-at-example", "12", "",
					TODAY);

			assertThat(problems).extracting(FieldProblem::field)
				.containsExactly("givenName", "familyName", "email", "phone", "birthDate");
			assertThat(problems.get(1).message()).isEqualTo("Please keep your last name to 100 characters.");
		}

		@Test
		void refusesToBeMadeWithoutAName() {
			assertThatThrownBy(() -> new PatientDetails("", "Lane", "ada@example.org", null, LocalDate.of(1985, 4, 2)))
				.isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.byField()).containsOnlyKeys("givenName"));
		}

		@Test
		void keepsTheEmailInLowerCaseAndTheNamesStripped() {
			PatientDetails details = PatientDetails.typed(" Ada ", "Lane ", "Ada@Example.ORG", null, "1985-04-02",
					TODAY);

			assertThat(details.email()).isEqualTo("ada@example.org");
			assertThat(details.givenName()).isEqualTo("Ada");
			assertThat(details.familyName()).isEqualTo("Lane");
		}

	}

	@Nested
	class WhenThePatientChangesTheirContact {

		@Test
		void checksNamesAndPhoneByTheSameRules() {
			assertThat(new PatientDetails.Contact("Iris", "Vale", "(973) 555-0177").phone()).isEqualTo("+19735550177");
			assertThatThrownBy(() -> new PatientDetails.Contact("Iris", "", "call me maybe")).isInstanceOfSatisfying(
					InvalidRequest.class,
					refused -> assertThat(refused.byField()).containsOnlyKeys("familyName", "phone"));
		}

	}

	private static PatientDetails details(String phone) {
		return PatientDetails.typed("Ada", "Lane", "ada@example.org", phone, "1985-04-02", TODAY);
	}

	private static List<FieldProblem> problems(String phone, String birthDate) {
		return PatientDetails.problems("Ada", "Lane", "ada@example.org", phone, birthDate, TODAY);
	}

}
