package org.unknot.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.unknot.TestNetwork;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureResponses;

/**
 * A signed plan of six massage visits every two weeks for a patient of a practitioner,
 * made the way the pages make one, and pain scores the patient reported.
 */
record SignedPlans(Assessments assessments, TreatmentPlans plans, MeasureResponses responses) {

	static final SessionNotes.Actor ACTOR = new SessionNotes.Actor("test", "PRACTITIONER", null);

	TreatmentPlan signed(UUID patientId, String practitioner, LocalDate start) {
		UUID assessment = assessments
			.record(new Assessments.NewAssessment(patientId, practitioner, "Ache between the shoulder blades",
					Set.of(BodyRegion.UPPER_BACK), null, true, Set.of(), null, null, null, null, null, List.of("M54.6"),
					null), ACTOR)
			.id();
		TreatmentPlan made = TreatmentPlan.draft(assessment, patientId, practitioner, TestNetwork.MASSAGE,
				new PlanTerms(List.of(new Goal("Worst pain in a day", "3/10 or less")), Set.of(Technique.SWEDISH), 2, 6,
						start, start.plusWeeks(6)),
				Instant.now());
		made.sign(practitioner, Instant.now());
		plans.save(made);
		return made;
	}

	/** A pain score the patient gave this long ago. */
	void pain(UUID patientId, int score, Duration ago) {
		responses.record(patientId, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", score)),
				new MeasureResponses.Taken(null, null, null, "patient", Instant.now().minus(ago)));
	}

}
