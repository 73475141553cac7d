package org.unknot.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unknot.catalog.ServiceCategory;

class TriageTests {

	@Nested
	class WithoutRedFlags {

		@ParameterizedTest
		@EnumSource(ServiceCategory.class)
		void clearsEveryKindOfVisit(ServiceCategory category) {
			assertThat(Triage.of(intake(), category)).isEqualTo(Triage.CLEAR);
		}

	}

	@Nested
	class WithARedFlag {

		@ParameterizedTest
		@EnumSource(value = RedFlag.class, names = "LOSS_OF_BOWEL_OR_BLADDER_CONTROL", mode = EnumSource.Mode.EXCLUDE)
		void advisesAPhysicianBeforeMassage(RedFlag flag) {
			assertThat(Triage.of(intake(flag), ServiceCategory.MASSAGE)).isEqualTo(Triage.CONSULTATION_ADVISED);
		}

		@Test
		void advisesAPhysicianBeforePhysicalTherapy() {
			assertThat(Triage.of(intake(RedFlag.NUMBNESS_OR_WEAKNESS), ServiceCategory.PHYSICAL_THERAPY))
				.isEqualTo(Triage.CONSULTATION_ADVISED);
		}

		@Test
		void letsThePatientSeeThePhysicianTheyAskedFor() {
			assertThat(Triage.of(intake(RedFlag.CANCER_HISTORY, RedFlag.FEVER), ServiceCategory.CONSULTATION))
				.isEqualTo(Triage.CLEAR);
		}

		@Test
		void namesTheFlagsInTheOrderTheIntakeAsksThem() {
			assertThat(Triage.reasons(intake(RedFlag.PAIN_AT_NIGHT_OR_REST, RedFlag.NUMBNESS_OR_WEAKNESS)))
				.containsExactly(RedFlag.NUMBNESS_OR_WEAKNESS, RedFlag.PAIN_AT_NIGHT_OR_REST);
		}

	}

	@Nested
	class WithLossOfBowelOrBladderControl {

		@ParameterizedTest
		@EnumSource(ServiceCategory.class)
		void isAnEmergencyWhateverWasAskedFor(ServiceCategory category) {
			assertThat(Triage.of(intake(RedFlag.LOSS_OF_BOWEL_OR_BLADDER_CONTROL), category))
				.isEqualTo(Triage.EMERGENCY);
		}

		@Test
		void isAnEmergencyAmongOtherFlags() {
			assertThat(Triage.of(intake(EnumSet.allOf(RedFlag.class).toArray(RedFlag[]::new)), ServiceCategory.MASSAGE))
				.isEqualTo(Triage.EMERGENCY);
		}

	}

	@Nested
	class AnIntake {

		@Test
		void namesAtLeastOnePlaceThatHurts() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new HealthIntake(Set.of(), 5, PainDuration.ONE_TO_SIX_WEEKS, Set.of(), Set.of()));
		}

		@Test
		void ratesPainFromZeroToTen() {
			assertThatIllegalArgumentException().isThrownBy(() -> new HealthIntake(Set.of(BodyRegion.NECK), 11,
					PainDuration.ONE_TO_SIX_WEEKS, Set.of(), Set.of()));
			assertThatIllegalArgumentException().isThrownBy(() -> new HealthIntake(Set.of(BodyRegion.NECK), -1,
					PainDuration.ONE_TO_SIX_WEEKS, Set.of(), Set.of()));
		}

	}

	static HealthIntake intake(RedFlag... flags) {
		return new HealthIntake(Set.of(BodyRegion.UPPER_BACK, BodyRegion.NECK), 6,
				PainDuration.SIX_WEEKS_TO_THREE_MONTHS, Set.of(Cause.POSTURE), Set.of(flags));
	}

}
