package org.unknot.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

	@Test
	void readsAUsNumberAsPeopleWriteIt() {
		assertThat(PhoneNumber.readable("+19735550142")).isEqualTo("(973) 555-0142");
	}

	@Test
	void readsAnotherCountrysNumberWithItsCountryCode() {
		assertThat(PhoneNumber.readable("+442079460958")).isEqualTo("+44 20 7946 0958");
	}

	@Test
	void leavesFreeTextFromBeforeNumbersWereCheckedAsItWas() {
		assertThat(PhoneNumber.readable("ask for Sam at the front desk")).isEqualTo("ask for Sam at the front desk");
		assertThat(PhoneNumber.readable(null)).isNull();
	}

	@Test
	void readsEachNumberForItselfWhenTheSameOnesComeAgainAndAgain() {
		for (int round = 0; round < 3; round++) {
			assertThat(PhoneNumber.parse("(973) 555-0142")).contains(new PhoneNumber("+19735550142"));
			assertThat(PhoneNumber.parse("(973) 555-0142")).contains(new PhoneNumber("+19735550142"));
			assertThat(PhoneNumber.parse("555-0142")).isEmpty();
			assertThat(PhoneNumber.parse("+44 20 7946 0958")).contains(new PhoneNumber("+442079460958"));
			assertThat(PhoneNumber.parse("973 555 0142 ext. 12")).isEmpty();
		}
	}

}
