package org.unknot.care.measures;

/** A score's change from the baseline, against the measure's meaningful change. */
public enum Judgement {

	MEANINGFUL_IMPROVEMENT("a meaningful improvement"), NO_MEANINGFUL_CHANGE("no meaningful change yet"),
	WORSE("worse by a meaningful amount");

	private final String words;

	Judgement(String words) {
		this.words = words;
	}

	/** As a sentence ends: "Your pain has gone from 7 to 3: a meaningful improvement". */
	public String words() {
		return words;
	}

}
