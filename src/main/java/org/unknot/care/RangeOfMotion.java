package org.unknot.care;

import java.util.ArrayList;
import java.util.List;

import org.unknot.system.InvalidRequest.FieldProblem;

/**
 * Active range of motion measured at an assessment, in degrees (UCUM {@code deg}); each
 * is null when not measured. Cervical rotation reaches about 80 degrees each way and
 * shoulder flexion about 180, so values past 90 and 180 are typing mistakes.
 */
public record RangeOfMotion(Integer cervicalRotationLeft, Integer cervicalRotationRight, Integer shoulderFlexionLeft,
		Integer shoulderFlexionRight) {

	public static final int CERVICAL_ROTATION_MAX = 90;

	public static final int SHOULDER_FLEXION_MAX = 180;

	public static final RangeOfMotion NOT_MEASURED = new RangeOfMotion(null, null, null, null);

	public RangeOfMotion {
		if (!problems(cervicalRotationLeft, cervicalRotationRight, shoulderFlexionLeft, shoulderFlexionRight)
			.isEmpty()) {
			throw new IllegalArgumentException("A range of motion outside what a joint can do");
		}
	}

	/** Each value out of its range, by the field it was typed in. */
	public static List<FieldProblem> problems(Integer cervicalRotationLeft, Integer cervicalRotationRight,
			Integer shoulderFlexionLeft, Integer shoulderFlexionRight) {
		List<FieldProblem> problems = new ArrayList<>();
		check("cervicalRotationLeft", cervicalRotationLeft, CERVICAL_ROTATION_MAX, "Cervical rotation", problems);
		check("cervicalRotationRight", cervicalRotationRight, CERVICAL_ROTATION_MAX, "Cervical rotation", problems);
		check("shoulderFlexionLeft", shoulderFlexionLeft, SHOULDER_FLEXION_MAX, "Shoulder flexion", problems);
		check("shoulderFlexionRight", shoulderFlexionRight, SHOULDER_FLEXION_MAX, "Shoulder flexion", problems);
		return problems;
	}

	public boolean measured() {
		return cervicalRotationLeft != null || cervicalRotationRight != null || shoulderFlexionLeft != null
				|| shoulderFlexionRight != null;
	}

	private static void check(String field, Integer degrees, int max, String what, List<FieldProblem> problems) {
		if (degrees != null && (degrees < 0 || degrees > max)) {
			problems.add(new FieldProblem(field, what + " is measured from 0 to " + max + " degrees."));
		}
	}

}
