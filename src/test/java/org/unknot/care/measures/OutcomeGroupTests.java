package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the owners' outcomes show of a group, at the edge of the smallest group shown (4
 * and 5 plans): no count under five, no share or median drawn from fewer than five, and
 * no count that gives away the fewer than five it leaves out.
 */
class OutcomeGroupTests {

	@Nested
	class WhenFourPlansAreCompleted {

		OutcomeGroup group = new OutcomeGroup("Montclair", 4, reached(4, 1, 2, 2, 3), reached(2, 1, 1), 0);

		@Test
		void showsNoCountShareNorMedian() {
			assertThat(group.completedShown()).isEqualTo("fewer than 5");
			assertThat(group.painShown()).isEqualTo(new OutcomeGroup.Shown("fewer than 5", null, "fewer than 5"));
			assertThat(group.painShown().words()).isEqualTo("fewer than 5").doesNotContain("%");
			assertThat(group.functionShown().words()).isEqualTo("fewer than 5");
			assertThat(group.discontinuedShown()).isEqualTo("fewer than 5");
		}

	}

	@Nested
	class WhenFivePlansAreCompleted {

		@Test
		void showsTheShareAndMedianWhenAllFiveReachedIt() {
			var group = new OutcomeGroup("Montclair", 5, reached(5, 1, 2, 2, 3, 4), reached(0), 5);

			assertThat(group.completedShown()).isEqualTo("5");
			assertThat(group.painShown()).isEqualTo(new OutcomeGroup.Shown("5", 100, "2"));
			assertThat(group.painShown().words()).isEqualTo("5 (100%)");
			assertThat(group.discontinuedShown()).isEqualTo("5");
		}

		@Test
		void hidesAShareOfFourAndTheMedianOfTheirVisits() {
			var group = new OutcomeGroup("Montclair", 5, reached(4, 1, 2, 2, 3), reached(0), 4);

			assertThat(group.painShown()).isEqualTo(new OutcomeGroup.Shown("fewer than 5", null, "fewer than 5"));
			assertThat(group.functionShown().words()).isEqualTo("fewer than 5");
			assertThat(group.discontinuedShown()).isEqualTo("fewer than 5");
		}

	}

	@Nested
	class WhenSomeOfALargerGroupDidNotReachIt {

		@Test
		void hidesTheCountWhenFewerThanFiveDidNot() {
			var group = new OutcomeGroup("Montclair", 9, reached(5, 1, 1, 2, 2, 3), reached(0), 0);

			assertThat(group.painShown().words()).isEqualTo("not shown: fewer than 5 did not");
			assertThat(group.painShown().percent()).isNull();
			assertThat(group.painShown().medianVisits()).as("five plans' median singles out no one").isEqualTo("2");
		}

		@Test
		void showsTheShareWhenFiveOrMoreDidAndDidNot() {
			var group = new OutcomeGroup("Montclair", 11, reached(5, 1, 2, 3, 4, 5), reached(6, 2, 2, 3, 3, 4, 4), 0);

			assertThat(group.painShown().words()).isEqualTo("5 (45%)");
			assertThat(group.functionShown()).isEqualTo(new OutcomeGroup.Shown("6", 55, "3"));
		}

	}

	@Test
	void takesTheMiddleOfAnOddOrEvenNumberOfVisits() {
		assertThat(OutcomeGroup.median(List.of(3, 1, 2))).isEqualTo(2.0);
		assertThat(OutcomeGroup.median(List.of(4, 2, 1, 5))).isEqualTo(3.0);
		assertThat(OutcomeGroup.median(List.of(4, 2, 1, 6))).isEqualTo(3.0);
		assertThat(new OutcomeGroup("x", 6, reached(6, 1, 2, 3, 4, 5, 6), reached(0), 0).painShown().medianVisits())
			.isEqualTo("3.5");
	}

	private static OutcomeGroup.Reached reached(int plans, Integer... visits) {
		return new OutcomeGroup.Reached(plans, visits.length == 0 ? Collections.emptyList() : List.of(visits));
	}

}
