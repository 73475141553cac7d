package org.unknot.care;

/** What the patient thinks brought the pain on. */
public enum Cause {

	POSTURE("Posture, desk or phone work"), MUSCLE_TENSION("Muscle tension or knots"),
	LIFTING_OR_FALL("Lifting, an injury or a fall"), JOINT_WEAR("Wear of the joints"),
	SPINAL_CONDITION("A spinal condition (disc, stenosis, nerve)"), STRESS("Stress"), SPORT("Sport or exercise"),
	NOT_SURE("Not sure");

	private final String label;

	Cause(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
