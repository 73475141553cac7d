package org.unknot.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A birth date read as a US patient types it, for every form. */
class BirthDateTests {

	static final LocalDate APRIL_2 = LocalDate.of(1985, 4, 2);

	@ParameterizedTest
	@ValueSource(
			strings = { "04/02/1985", "4/2/1985", "04-02-1985", "4-2-1985", "04021985", "1985-04-02", " 04/02/1985 " })
	void readsTheMonthFirstAsUsPatientsWriteItAndIsoAsDatePickersSendIt(String typed) {
		assertThat(BirthDate.read(typed)).map(BirthDate::value).contains(APRIL_2);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "13/04/1985", "02/30/1985", "04/02/85", "04/02-1985", "April 2", "1985/04/02", "", "0402198" })
	void readsNothingFromWhatIsNoDateInTheseForms(String typed) {
		assertThat(BirthDate.read(typed)).isEmpty();
	}

	@Test
	void saysWhichDateItUnderstoodInWords() {
		assertThat(BirthDate.hint("04/02/1985")).isEqualTo("We read this as April 2, 1985.");
		assertThat(BirthDate.hint("02/04/1985")).isEqualTo("We read this as February 4, 1985.");
		assertThat(BirthDate.hint("4 2 85")).isEqualTo("Month, day and year, for example 04/02/1985.");
		assertThat(BirthDate.hint(null)).isEqualTo("Month, day and year, for example 04/02/1985.");
	}

	@Test
	void showsAStoredDateAgainAsAUsPatientTypesIt() {
		assertThat(new BirthDate(APRIL_2).asTyped()).isEqualTo("04/02/1985");
	}

	@Test
	void letsEveryFormTakeTheUsWay() {
		PatientDetails details = PatientDetails.typed("Ada", "Lane", "ada@example.org", null, "4/2/1985",
				LocalDate.of(2027, 3, 15));

		assertThat(details.birthDate()).isEqualTo(APRIL_2);
	}

}
