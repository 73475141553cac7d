package org.unknot.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.unknot.PlanFixture;
import org.unknot.TestNetwork;
import org.unknot.care.Assessments;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.patient.PatientId;

/**
 * A signed plan of six massage visits every two weeks for a patient of a practitioner,
 * made the way the pages make one, and pain scores the patient reported.
 */
record SignedPlans(Assessments assessments, TreatmentPlans plans, MeasureResponses responses) {

	TreatmentPlan signed(UUID patientId, String practitioner, LocalDate start) {
		return new PlanFixture(assessments, plans).signed(patientId, practitioner, TestNetwork.MASSAGE, 2, 6, start);
	}

	/** A pain score the patient gave this long ago. */
	void pain(UUID patientId, int score, Duration ago) {
		responses.record(PatientId.of(patientId), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", score)),
				new MeasureResponses.Taken(null, null, null, "patient", Instant.now().minus(ago)));
	}

}
