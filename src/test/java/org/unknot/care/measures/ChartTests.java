package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.system.Times;

/**
 * Where a chart's dots stand: at their time, not evenly spaced; how its time axis names
 * its days; and which scores a plan's period charts.
 */
class ChartTests {

	/** 10 AM in New York. */
	static final Instant MONDAY = Instant.parse("2027-03-15T14:00:00Z");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

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
		void labelsASixWeekPlanByTheWeekFromItsFirstDayWhereverItsScoresFall() {
			Chart chart = chart(point(0, 7), point(9, 6), point(23, 5), point(42, 4));

			assertThat(chart.days()).extracting(Chart.Tick::label)
				.containsExactly("Mar 15", "Mar 22", "Mar 29", "Apr 5", "Apr 12", "Apr 19", "Apr 26");
			assertThat(chart.days()).extracting(Chart.Tick::at)
				.containsExactly(36.0, 81.3, 126.7, 172.0, 217.3, 262.7, 308.0);
		}

		@Test
		void labelsASixMonthPlanByTheMonthAcrossBothClockChanges() {
			Instant first = Instant.parse("2026-10-28T15:00:00Z");
			Chart chart = chart(point(first, 0, 8), point(first, 40, 6), point(first, 100, 5), point(first, 182, 3));

			assertThat(chart.days()).extracting(Chart.Tick::label)
				.containsExactly("Oct 28", "Nov 28", "Dec 28", "Jan 28", "Feb 28", "Mar 28", "Apr 28");
			assertThat(chart.days().get(0).at()).isEqualTo(36.0);
			assertThat(chart.days().get(6).at()).isEqualTo(308.0);
			// Feb 28 falls 123 days in, at 11 AM as the first score did
			assertThat(chart.days().get(4).at()).isCloseTo(36 + 272 * 123 / 182.0, within(0.2));
		}

		@Test
		void namesTheDaysInTheClinicsZone() {
			Instant lateEvening = Instant.parse("2027-03-16T02:00:00Z");
			Chart chart = chart(point(lateEvening, 0, 7), point(lateEvening, 14, 5));

			assertThat(chart.days()).extracting(Chart.Tick::label).startsWith("Mar 15").endsWith("Mar 29");
		}

		@Test
		void neverCrowdsItsLabelsAndAlwaysNamesTheFirstAndLastDay() {
			Random random = new Random(14);
			for (int n = 0; n < 300; n++) {
				int days = 1 + random.nextInt(730);
				Chart chart = chart(point(0, 7), point(random.nextInt(days), 5), point(days, 4));
				List<Chart.Tick> labels = chart.days();
				String period = days + " days";

				assertThat(labels.get(0).label()).as(period).isEqualTo(days < 366 ? "Mar 15" : "Mar 15, 2027");
				assertThat(labels.get(labels.size() - 1).label()).as(period)
					.isEqualTo((days < 366 ? DAY : DAY_AND_YEAR).format(LocalDate.of(2027, 3, 15).plusDays(days)));
				assertThat(labels).as(period).hasSizeGreaterThanOrEqualTo(Math.min(days + 1, 3));
				for (int k = 1; k < labels.size(); k++) {
					Chart.Tick left = labels.get(k - 1);
					Chart.Tick right = labels.get(k);
					assertThat(right.at() - left.at()).as(period + ": " + left.label() + " and " + right.label())
						.isGreaterThanOrEqualTo((Chart.labelWidth(left.label()) + Chart.labelWidth(right.label())) / 2);
				}
				assertThat(labels).as(period)
					.allSatisfy(label -> assertThat(label.at() - Chart.labelWidth(label.label()) / 2)
						.isGreaterThanOrEqualTo(0))
					.allSatisfy(label -> assertThat(label.at() + Chart.labelWidth(label.label()) / 2)
						.isLessThanOrEqualTo(Chart.WIDTH));
			}
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
		return Chart.of(BuiltInMeasures.PAIN_NRS, List.of(points), 5, 9, NEW_YORK);
	}

	private static Progress.Point point(int days, double value) {
		return point(MONDAY, days, value);
	}

	private static Progress.Point point(Instant first, int days, double value) {
		Instant at = first.plus(days, ChronoUnit.DAYS);
		return new Progress.Point(at, value, Times.shortDay(LocalDate.ofInstant(at, NEW_YORK)));
	}

}
