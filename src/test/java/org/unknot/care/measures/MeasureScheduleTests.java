package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class MeasureScheduleTests {

	static final LocalDate START = LocalDate.of(2027, 3, 1);

	static UpcomingVisit visit(int number, int weeksIn, int previousWeeksIn) {
		return new UpcomingVisit(number, START, number == 1 ? null : START.plusWeeks(previousWeeksIn),
				START.plusWeeks(weeksIn), false, false);
	}

	@Test
	void atTheStartMeansTheFirstVisitOnly() {
		var line = ScheduledMeasure.at("psfs", Timing.START);

		assertThat(line.dueAt(visit(1, 0, 0))).isTrue();
		assertThat(line.dueAt(visit(2, 2, 0))).isFalse();
	}

	@Test
	void everyThreeVisitsMeansTheFirstFourthAndSeventh() {
		var line = ScheduledMeasure.every("psfs", Timing.EVERY_VISITS, 3);

		assertThat(java.util.stream.IntStream.rangeClosed(1, 7).filter(n -> line.dueAt(visit(n, 2 * n, 2 * n - 2))))
			.containsExactly(1, 4, 7);
	}

	@Test
	void everyFourWeeksMeansTheFirstVisitOnOrAfterEachFourWeekMark() {
		var line = ScheduledMeasure.every("pain-nrs", Timing.EVERY_WEEKS, 4);

		assertThat(line.dueAt(visit(2, 3, 0))).isFalse();
		assertThat(line.dueAt(visit(3, 5, 3))).isTrue();
		assertThat(line.dueAt(visit(4, 7, 5))).isFalse();
		assertThat(line.dueAt(visit(5, 9, 7))).isTrue();
	}

	@Test
	void reviewAndDischargeFollowTheVisit() {
		var review = new UpcomingVisit(4, START, START.plusWeeks(5), START.plusWeeks(6), true, false);
		var last = new UpcomingVisit(6, START, START.plusWeeks(9), START.plusWeeks(10), false, true);

		assertThat(ScheduledMeasure.at("pgic", Timing.REVIEW).dueAt(review)).isTrue();
		assertThat(ScheduledMeasure.at("pgic", Timing.DISCHARGE).dueAt(review)).isFalse();
		assertThat(ScheduledMeasure.at("pgic", Timing.DISCHARGE).dueAt(last)).isTrue();
	}

	@Test
	void aRepeatingLineNeedsItsCount() {
		assertThatThrownBy(() -> new ScheduledMeasure("psfs", Timing.EVERY_WEEKS, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ScheduledMeasure("psfs", Timing.START, 2))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
