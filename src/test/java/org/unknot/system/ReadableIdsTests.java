package org.unknot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ReadableIdsTests {

	@Test
	void makesAnIdOfLowerCaseWordsWithoutAccents() {
		assertThat(ReadableIds.freeFrom("  Renée Côté-Ōno ", "x", 100, id -> false)).isEqualTo("renee-cote-ono");
	}

	@Test
	void numbersANameThatIsTaken() {
		Set<String> taken = Set.of("hot-stone", "hot-stone-2");

		assertThat(ReadableIds.freeFrom("Hot stone", "service", 60, taken::contains)).isEqualTo("hot-stone-3");
	}

	@Test
	void cutsALongNameWithoutLeavingAHyphenAtTheEnd() {
		assertThat(ReadableIds.freeFrom("abc def", "x", 4, id -> false)).isEqualTo("abc");
	}

	@Test
	void fallsBackWhenNothingOfTheNameIsLeft() {
		assertThat(ReadableIds.freeFrom("!!!", "clinic", 40, id -> false)).isEqualTo("clinic");
	}

}
