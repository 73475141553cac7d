package org.unknot.care;

import java.util.List;
import java.util.Set;

import org.unknot.catalog.ServiceCategory;

/**
 * What the intake means for booking. Any red flag means a physician should look before
 * hands-on care alone (massage, physical therapy); loss of bowel or bladder control is an
 * emergency and nothing is booked.
 */
public enum Triage {

	/** Nothing in the intake stands in the way of the visit asked for. */
	CLEAR,
	/**
	 * A physician consultation is advised; the visit is not booked without the patient
	 * being told.
	 */
	CONSULTATION_ADVISED,
	/** Go to an emergency department now; nothing is booked. */
	EMERGENCY;

	private static final Set<ServiceCategory> HANDS_ON = Set.of(ServiceCategory.MASSAGE,
			ServiceCategory.PHYSICAL_THERAPY);

	public static Triage of(HealthIntake intake, ServiceCategory asked) {
		if (intake.redFlags().stream().anyMatch(RedFlag::emergency)) {
			return EMERGENCY;
		}
		if (!intake.redFlags().isEmpty() && HANDS_ON.contains(asked)) {
			return CONSULTATION_ADVISED;
		}
		return CLEAR;
	}

	/** The red flags behind this answer, in the order the intake asks them. */
	public static List<RedFlag> reasons(HealthIntake intake) {
		return List.copyOf(intake.redFlagsInOrder());
	}

}
