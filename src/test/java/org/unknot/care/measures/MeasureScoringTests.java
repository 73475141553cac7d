package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.system.InvalidRequest;

import tools.jackson.databind.json.JsonMapper;

class MeasureScoringTests {

	static final QuestionnaireDefinitions DEFINITIONS = new QuestionnaireDefinitions(null, JsonMapper.builder().build(),
			Clock.systemUTC());

	@Nested
	class PainIntensity {

		final Measure pain = BuiltInMeasures.PAIN_NRS;

		@Test
		void scoresTheRatingItself() {
			assertThat(pain.score(Map.of("pain", 7))).isEqualTo(7);
			assertThat(pain.loinc()).isEqualTo("72514-3");
		}

		@Test
		void refusesARatingOutsideZeroToTen() {
			assertThatThrownBy(() -> pain.score(Map.of("pain", 11))).isInstanceOf(InvalidRequest.class)
				.satisfies(e -> assertThat(((InvalidRequest) e).byField()).containsKey("answer-pain"));
		}

		@Test
		void twoPointsLowerIsAMeaningfulImprovementAndOneIsNot() {
			assertThat(pain.judge(7, 5)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(pain.judge(7, 6)).isEqualTo(Judgement.NO_MEANINGFUL_CHANGE);
			assertThat(pain.judge(7, 9)).isEqualTo(Judgement.WORSE);
			assertThat(pain.judge(7, 8)).isEqualTo(Judgement.NO_MEANINGFUL_CHANGE);
		}

		@Test
		void thirtyPercentOfALowBaselineIsMeaningfulToo() {
			// from 3, 30% is 0.9 points: one point down is meaningful, though under 2
			// points
			assertThat(pain.judge(3, 2)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(pain.threshold(3)).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(pain.judge(10, 8)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(pain.judge(10, 9)).isEqualTo(Judgement.NO_MEANINGFUL_CHANGE);
		}

	}

	@Nested
	class PatientSpecificFunctionalScale {

		final Measure psfs = BuiltInMeasures.FUNCTION;

		@Test
		void averagesTheActivitiesRated() {
			assertThat(psfs.score(Map.of("activity-1", 3, "activity-2", 4, "activity-3", 6))).isEqualTo(4.33);
			assertThat(psfs
				.score(Map.of("activity-1", 3, "activity-2", 4, "activity-3", 6, "activity-4", 7, "activity-5", 10)))
				.isEqualTo(6);
		}

		@Test
		void needsAtLeastThreeActivities() {
			assertThatThrownBy(() -> psfs.score(Map.of("activity-1", 3, "activity-2", 4)))
				.isInstanceOf(InvalidRequest.class)
				.hasMessageContaining("missing");
		}

		@Test
		void higherIsBetterByTwoPointsOnTheAverage() {
			assertThat(psfs.judge(3.33, 5.33)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(psfs.judge(3.33, 5.3)).isEqualTo(Judgement.NO_MEANINGFUL_CHANGE);
			assertThat(psfs.judge(5, 3)).isEqualTo(Judgement.WORSE);
		}

	}

	@Nested
	class GlobalImpressionOfChange {

		final Measure pgic = BuiltInMeasures.GLOBAL_CHANGE;

		@Test
		void isJudgedAgainstAboutTheSameNotItsFirstAnswer() {
			assertThat(pgic.score(Map.of("change", 6))).isEqualTo(6);
			assertThat(pgic.judge(6, 6)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(pgic.judge(6, 5)).isEqualTo(Judgement.NO_MEANINGFUL_CHANGE);
			assertThat(pgic.judge(4, 2)).isEqualTo(Judgement.WORSE);
		}

		@Test
		void offersSevenAnswers() {
			assertThat(pgic.items().get(0).options()).hasSize(7);
			assertThatThrownBy(() -> pgic.score(Map.of("change", 0))).isInstanceOf(InvalidRequest.class);
		}

	}

	@Nested
	class AnInstrumentAClinicAdded {

		@Test
		void sumsItsAnswerScores() {
			Measure sum = DEFINITIONS.parse(Instruments.shelfReach("shelf-sum", "sum", 0, 8, "lower-is-better", 3));

			assertThat(sum.score(Map.of("reach", 4, "carry", 2))).isEqualTo(6);
			assertThat(sum.loinc()).isEqualTo("99999-1");
			assertThat(sum.judge(6, 3)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(sum.judge(6, 4)).isEqualTo(Judgement.NO_MEANINGFUL_CHANGE);
		}

		@Test
		void givesAPercentageOfTheHighestPossibleSum() {
			Measure percentage = DEFINITIONS
				.parse(Instruments.shelfReach("shelf-pct", "percentage", 0, 100, "lower-is-better", 20));

			assertThat(percentage.score(Map.of("reach", 4, "carry", 2))).isEqualTo(75);
			assertThat(percentage.score(Map.of("reach", 0, "carry", 2))).isEqualTo(25);
			assertThat(percentage.judge(75, 50)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
		}

		@Test
		void aReversedDirectionMakesAHigherScoreTheBetterOne() {
			Measure reversed = DEFINITIONS
				.parse(Instruments.shelfReach("shelf-up", "sum", 0, 8, "higher-is-better", 3));

			assertThat(reversed.judge(2, 5)).isEqualTo(Judgement.MEANINGFUL_IMPROVEMENT);
			assertThat(reversed.judge(5, 2)).isEqualTo(Judgement.WORSE);
		}

		@Test
		void refusesAnAnswerNotOffered() {
			Measure sum = DEFINITIONS.parse(Instruments.shelfReach("shelf-sum", "sum", 0, 8, "lower-is-better", 3));

			assertThatThrownBy(() -> sum.score(Map.of("reach", 1, "carry", 2))).isInstanceOf(InvalidRequest.class)
				.satisfies(e -> assertThat(((InvalidRequest) e).byField()).containsOnlyKeys("answer-reach"));
			assertThatThrownBy(() -> sum.score(Map.of("reach", 2))).isInstanceOf(InvalidRequest.class)
				.satisfies(e -> assertThat(((InvalidRequest) e).byField()).containsOnlyKeys("answer-carry"));
		}

	}

}
