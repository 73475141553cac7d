package org.unknot.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberIdPatternsTests {

	@Nested
	class Accepted {

		@ParameterizedTest
		@ValueSource(strings = { "[A-Za-z0-9-]{4,20}",
				"[0-9][A-Za-z][A-Za-z0-9][0-9][A-Za-z][A-Za-z0-9][0-9][A-Za-z]{2}[0-9]{2}", "HH[0-9]{6}",
				"(?:XK|XQ)[0-9]{8}", "[A-Z]{3}\\d{9}(?:-\\d{2})?", "(?i)w[0-9]{8}", "\\p{Alnum}{6,12}",
				"(?<prefix>[A-Z]{2})[0-9]{6}" })
		void areTheShapesMemberIdsNeed(String pattern) {
			assertThat(MemberIdPatterns.problemWith(pattern)).isEmpty();
		}

	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "(A+)+", "([A-Z0-9]+)*", "(A|AB)*", "(A|B){2,30}", "((AB)+C)+", "(A?){20}" })
		void repeatedGroupsThatRepeatOrOfferAlternatives(String pattern) {
			assertThat(MemberIdPatterns.problemWith(pattern)).get(STRING).contains("repeated group");
		}

		@Test
		void backReferencesAndLookaround() {
			assertThat(MemberIdPatterns.problemWith("([A-Z])\\1[0-9]{4}")).get(STRING).contains("Back-references");
			assertThat(MemberIdPatterns.problemWith("(?<l>[A-Z])\\k<l>")).get(STRING).contains("Back-references");
			assertThat(MemberIdPatterns.problemWith("(?=.*[0-9])[A-Z0-9]{8}")).get(STRING).contains("Lookahead");
			assertThat(MemberIdPatterns.problemWith("(?<![A-Z])[0-9]{8}")).get(STRING).contains("Lookahead");
		}

		@Test
		void manyRepeatsOfVaryingLengthInARow() {
			assertThat(MemberIdPatterns.problemWith("[A-Z]*[A-Z]*[A-Z]*[A-Z]*X")).get(STRING)
				.contains("at most 3 repeats of varying length")
				.contains("has 4");
		}

		@Test
		void aPatternThatDoesNotCompileSayingWhereItBreaks() {
			assertThat(MemberIdPatterns.problemWith("[A-Z")).get(STRING)
				.startsWith("This is not a valid pattern: ")
				.contains("at character");
		}

		@Test
		void aPatternLongerThanAHundredCharacters() {
			assertThat(MemberIdPatterns.problemWith("A".repeat(101))).get(STRING)
				.isEqualTo("Keep the pattern to 100 characters; this one has 101.");
		}

		@Test
		void anEmptyPattern() {
			assertThat(MemberIdPatterns.problemWith(" ")).get(STRING).contains("e.g. [A-Z0-9]{6,12}");
		}

	}

	/**
	 * What the rules are for: the worst accepted shape still answers a hostile long
	 * number at once.
	 */
	@Test
	void theWorstShapeAcceptedAnswersALongHostileNumberQuickly() {
		String worst = "[A-Z0-9]*[A-Z0-9]*[A-Z0-9]*!";
		assertThat(MemberIdPatterns.problemWith(worst)).isEmpty();
		InsurancePlan plan = new InsurancePlan("p", "P", PayerKind.COMMERCIAL, "Member ID", Pattern.compile(worst),
				List.of());
		long start = System.nanoTime();
		assertThat(plan.memberId("A".repeat(InsurancePlan.MEMBER_ID_MAX))).isEmpty();
		assertThat(plan.memberId("A".repeat(10_000))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

}
