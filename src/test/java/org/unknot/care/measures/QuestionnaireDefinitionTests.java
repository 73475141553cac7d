package org.unknot.care.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unknot.system.InvalidRequest;

class QuestionnaireDefinitionTests {

	static Map<String, String> problems(String definition) {
		return catchThrowableOfType(InvalidRequest.class, () -> MeasureScoringTests.DEFINITIONS.parse(definition))
			.byField();
	}

	@Test
	void namesTextThatIsNotJson() {
		assertThat(problems("{\"resourceType\": ")).containsOnlyKeys("definition");
	}

	@Test
	void namesEveryMissingPartByItsField() {
		assertThat(problems("{\"resourceType\": \"Patient\"}")).containsKeys("resourceType", "name", "title", "item",
				"scoring");
	}

	@Test
	void namesTheItemAndAnswerThatAreWrong() {
		String broken = Instruments.shelfReach("shelf", "sum", 0, 8, "lower-is-better", 3)
			.replace("\"score\": 2}", "\"score\": \"two\"}")
			.replace("\"text\": \"How hard is carrying a bag of shopping?\",", "");

		assertThat(problems(broken)).containsKeys("item[0].answerOption[1].score", "item[1].text");
	}

	@Test
	void checksTheRangeAgainstTheAnswersAndTheRule() {
		assertThat(problems(Instruments.shelfReach("shelf", "sum", 0, 50, "lower-is-better", 3)))
			.containsEntry("scoring.max", "The answers add up to at most 8, so max is 8.");
		assertThat(problems(Instruments.shelfReach("shelf", "percentage", 0, 8, "lower-is-better", 3)))
			.containsEntry("scoring.max", "A percentage runs from 0 to 100.");
		assertThat(problems(Instruments.shelfReach("shelf", "median", 0, 8, "lower-is-better", 3)))
			.containsKey("scoring.rule");
	}

	@Test
	void checksDirectionMeaningfulChangeAndName() {
		assertThat(problems(Instruments.shelfReach("Shelf Reach", "sum", 0, 8, "down", 0))).containsKeys("name",
				"scoring.direction", "scoring.meaningfulChange");
		assertThat(problems(Instruments.shelfReach("psfs", "sum", 0, 8, "lower-is-better", 3))).containsEntry("name",
				"psfs is a built-in measure; choose another name.");
	}

	@Test
	void checksTheLoincCodeShape() {
		assertThat(
				problems(Instruments.shelfReach("shelf", "sum", 0, 8, "lower-is-better", 3).replace("99999-1", "ABC")))
			.containsKey("code[0].code");
	}

}
