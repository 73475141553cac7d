package org.unknot.care;

/** What a plan treats with. */
public enum Technique {

	SWEDISH("Swedish massage"), DEEP_TISSUE("Deep tissue massage"), TRIGGER_POINT("Trigger point therapy"),
	MYOFASCIAL_RELEASE("Myofascial release"), SHIATSU("Shiatsu and acupressure"),
	PT_EXERCISES("Physical therapy exercises"), REFERRAL("Referral to another provider");

	private final String label;

	Technique(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
