package org.unknot.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unknot.billing.BillingUnits.CodeUnits;

class BillingUnitsTests {

	@Nested
	class TheEightMinuteRule {

		@ParameterizedTest(name = "{0} minutes make {1} units")
		@CsvSource({ "0, 0", "1, 0", "7, 0", "8, 1", "15, 1", "22, 1", "23, 2", "37, 2", "38, 3", "52, 3", "53, 4",
				"60, 4", "67, 4", "68, 5", "90, 6" })
		void countsFifteenMinuteUnitsFromTheEighthMinute(int minutes, int units) {
			assertThat(BillingUnits.timedUnits(minutes)).isEqualTo(units);
		}

		@Test
		void billsNothingForATimedCodeUnderEightMinutes() {
			assertThat(BillingUnits.of(List.of("97124"), 7)).isEmpty();
		}

		@Test
		void billsAnHourOfMassageAsFourUnits() {
			assertThat(BillingUnits.of(List.of("97124"), 60)).containsExactly(new CodeUnits("97124", 4));
		}

	}

	@Nested
	class SeveralTimedCodesInOneVisit {

		@Test
		void shareTheUnitsOfTheTotalMinutesNotEachTheirOwn() {
			// 45 minutes are 3 units in all; counted per code (22.5 each) it would be 2
			assertThat(BillingUnits.of(List.of("97110", "97140"), 45)).containsExactly(new CodeUnits("97110", 2),
					new CodeUnits("97140", 1));
		}

		@Test
		void shareEvenUnitsEvenly() {
			assertThat(BillingUnits.of(List.of("97110", "97140"), 60)).containsExactly(new CodeUnits("97110", 2),
					new CodeUnits("97140", 2));
		}

		@Test
		void leaveOutACodeWhenTooFewMinutesRemainForIt() {
			assertThat(BillingUnits.of(List.of("97110", "97140"), 20)).containsExactly(new CodeUnits("97110", 1));
		}

		@Test
		void neverBillMoreUnitsThanTheTotalMinutesMake() {
			for (int minutes = 0; minutes <= 120; minutes++) {
				int billed = BillingUnits.of(List.of("97110", "97140", "97530"), minutes)
					.stream()
					.mapToInt(CodeUnits::units)
					.sum();
				assertThat(billed).as("%d minutes", minutes).isEqualTo(BillingUnits.timedUnits(minutes));
			}
		}

	}

	@Nested
	class UntimedCodes {

		@Test
		void areOneUnitWhateverTheMinutes() {
			assertThat(BillingUnits.of(List.of("20552"), 5)).containsExactly(new CodeUnits("20552", 1));
			assertThat(BillingUnits.of(List.of("90834"), 50)).containsExactly(new CodeUnits("90834", 1));
		}

		@Test
		void standBesideTimedCodesWithoutTakingTheirMinutes() {
			assertThat(BillingUnits.of(List.of("97161", "97110"), 38)).containsExactly(new CodeUnits("97161", 1),
					new CodeUnits("97110", 3));
		}

		@Test
		void ofOneFamilyAreAlternativesSoOnlyTheFirstIsBilled() {
			assertThat(BillingUnits.of(List.of("99203", "99204"), 45)).containsExactly(new CodeUnits("99203", 1));
			assertThat(BillingUnits.of(List.of("97161", "97162", "97163"), 60))
				.containsExactly(new CodeUnits("97161", 1));
			assertThat(BillingUnits.of(List.of("64490", "64491", "64492"), 60))
				.containsExactly(new CodeUnits("64490", 1));
		}

		@Test
		void listedTwiceAreBilledOnce() {
			assertThat(BillingUnits.of(List.of("20552", "20552"), 30)).containsExactly(new CodeUnits("20552", 1));
		}

	}

	@Nested
	class PlacesOfService {

		@Test
		void anOfficeVisitIsElevenWithoutModifiers() {
			assertThat(PlaceOfService.of(false, true).code()).isEqualTo("11");
			assertThat(PlaceOfService.of(false, false).modifiers()).isEmpty();
		}

		@Test
		void aVideoVisitFromHomeIsTenWithModifier95() {
			assertThat(PlaceOfService.of(true, true).code()).isEqualTo("10");
			assertThat(PlaceOfService.of(true, true).modifiers()).containsExactly("95");
		}

		@Test
		void aVideoVisitFromElsewhereIsTwoWithModifier95() {
			assertThat(PlaceOfService.of(true, false).code()).isEqualTo("02");
			assertThat(PlaceOfService.of(true, false).modifiers()).containsExactly("95");
		}

	}

}
