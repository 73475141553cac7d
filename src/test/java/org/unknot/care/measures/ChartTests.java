package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.system.Times;

/**
 * Where a chart's dots stand: at their time, not evenly spaced; and which scores a plan's
 * period charts.
 */
class ChartTests {

	static final Instant MONDAY = Instant.parse("2027-03-15T14:00:00Z");

	@Nested
	class OnTheTimeAxis {

		@Test
		void placesEachScoreAtItsDateSoThatAThreeWeekGapLooksThreeTimesAsLongAsAOneWeekOne() {
			Chart chart = chart(point(0, 7), point(7, 6), point(28, 4));

			assertThat(chart.dots()).extracting(Chart.Dot::x).containsExactly(36.0, 104.0, 308.0);
			assertThat(chart.line()).startsWith("36.0,").contains(" 104.0,").contains(" 308.0,");
			double oneWeek = chart.dots().get(1).x() - chart.dots().get(0).x();
			double threeWeeks = chart.dots().get(2).x() - chart.dots().get(1).x();
			assertThat(threeWeeks).isEqualTo(3 * oneWeek);
		}

		@Test
		void labelsTheFirstAndLastDaysAtTheEndsOfTheAxis() {
			Chart chart = chart(point(0, 7), point(2, 6), point(14, 5));

			assertThat(chart.days()).extracting(Chart.Tick::at).containsExactly(36.0, 308.0);
			assertThat(chart.days()).extracting(Chart.Tick::label).containsExactly("Mon, Mar 15", "Mon, Mar 29");
		}

		@Test
		void putsASingleScoreOrScoresOfOneMomentInTheMiddleWithOneDayLabel() {
			assertThat(chart(point(0, 7)).dots()).extracting(Chart.Dot::x).containsExactly(172.0);
			Chart sameMoment = chart(point(0, 7), point(0, 5));
			assertThat(sameMoment.dots()).extracting(Chart.Dot::x).containsExactly(172.0, 172.0);
			assertThat(sameMoment.days()).hasSize(1);
		}

	}

	@Nested
	class OverAPlansPeriod {

		final Instant afterStartDay = MONDAY.plus(1, ChronoUnit.DAYS);

		@Test
		void keepsTheLastScoreOnOrBeforeTheFirstDayAsTheBaselineAndTheScoresAfterItUpToTheEnd() {
			List<Progress.Point> points = List.of(point(-30, 9), point(-3, 7), point(10, 5), point(20, 4),
					point(40, 2));

			List<Progress.Point> kept = Progress.within(points, afterStartDay, MONDAY.plus(30, ChronoUnit.DAYS));

			assertThat(kept).extracting(Progress.Point::value).containsExactly(7.0, 5.0, 4.0);
		}

		@Test
		void takesAScoreOnTheFirstDayItselfAsTheBaseline() {
			List<Progress.Point> kept = Progress.within(List.of(point(-3, 7), point(0, 6), point(10, 5)), afterStartDay,
					MONDAY.plus(30, ChronoUnit.DAYS));

			assertThat(kept).extracting(Progress.Point::value).containsExactly(6.0, 5.0);
		}

		@Test
		void hasNoBaselineWhenNothingWasScoredBeforeThePlanAndNothingAtAllOutsideIt() {
			assertThat(Progress.within(List.of(point(10, 5)), afterStartDay, MONDAY.plus(30, ChronoUnit.DAYS)))
				.extracting(Progress.Point::value)
				.containsExactly(5.0);
			assertThat(Progress.within(List.of(point(40, 5)), afterStartDay, MONDAY.plus(30, ChronoUnit.DAYS)))
				.isEmpty();
		}

	}

	private static Chart chart(Progress.Point... points) {
		return Chart.of(BuiltInMeasures.PAIN_NRS, List.of(points), 5, 9);
	}

	private static Progress.Point point(int days, double value) {
		Instant at = MONDAY.plus(days, ChronoUnit.DAYS);
		return new Progress.Point(at, value, Times.shortDay(LocalDate.ofInstant(at, ZoneOffset.UTC)));
	}

}
