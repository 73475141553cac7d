package org.unknot.care.measures;

/**
 * Invented instruments for tests: no real questionnaire's wording.
 */
final class Instruments {

	private Instruments() {
	}

	/**
	 * The "Shelf Reach Index", invented: two items scored 0 to 4, with the rule and
	 * direction given.
	 */
	static String shelfReach(String name, String rule, double min, double max, String direction, double meaningful) {
		return """
				{
				  "resourceType": "Questionnaire",
				  "name": "%s",
				  "title": "Shelf Reach Index",
				  "code": [{"system": "http://loinc.org", "code": "99999-1"}],
				  "item": [
				    {"linkId": "reach", "text": "How hard is reaching a high shelf?", "type": "choice",
				     "answerOption": [
				       {"valueCoding": {"code": "a", "display": "Not hard"}, "score": 0},
				       {"valueCoding": {"code": "b", "display": "A bit hard"}, "score": 2},
				       {"valueCoding": {"code": "c", "display": "Impossible"}, "score": 4}]},
				    {"linkId": "carry", "text": "How hard is carrying a bag of shopping?", "type": "choice",
				     "answerOption": [
				       {"valueCoding": {"code": "a", "display": "Not hard"}, "score": 0},
				       {"valueCoding": {"code": "b", "display": "A bit hard"}, "score": 2},
				       {"valueCoding": {"code": "c", "display": "Impossible"}, "score": 4}]}
				  ],
				  "scoring": {"rule": "%s", "min": %s, "max": %s, "direction": "%s", "meaningfulChange": %s}
				}
				""".formatted(name, rule, min, max, direction, meaningful);
	}

}
