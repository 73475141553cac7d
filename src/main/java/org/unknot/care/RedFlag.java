package org.unknot.care;

/**
 * Signs that a physician should look before massage alone; the last one is an emergency.
 */
public enum RedFlag {

	NUMBNESS_OR_WEAKNESS("Do you have numbness, tingling or weakness in your shoulders, arms or hands?",
			"numbness, tingling or weakness in your shoulders, arms or hands"),
	KNOWN_SPINE_OR_JOINT_CONDITION(
			"Have you been told you have a herniated disc, spinal stenosis or chronic arthritis?",
			"a herniated disc, spinal stenosis or chronic arthritis"),
	RECENT_SERIOUS_TRAUMA("Have you had a serious accident, fall or injury in the last few weeks?",
			"a recent serious accident, fall or injury"),
	FEVER("Do you have a fever?", "a fever"),
	UNEXPLAINED_WEIGHT_LOSS("Have you lost weight recently without trying?", "weight loss you cannot explain"),
	CANCER_HISTORY("Have you ever had cancer?", "a history of cancer"),
	PAIN_AT_NIGHT_OR_REST("Does the pain wake you at night or stay when you rest?", "pain at night or at rest"),
	LOSS_OF_BOWEL_OR_BLADDER_CONTROL(
			"Have you lost control of your bowel or bladder, or lost feeling around your groin?",
			"loss of bowel or bladder control");

	private final String question;

	private final String finding;

	RedFlag(String question, String finding) {
		this.question = question;
		this.finding = finding;
	}

	/** The yes/no question the intake asks. */
	public String question() {
		return question;
	}

	/** How the advice names it: "You told us about ...". */
	public String finding() {
		return finding;
	}

	public boolean emergency() {
		return this == LOSS_OF_BOWEL_OR_BLADDER_CONTROL;
	}

}
