package org.unknot.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.care.measures.MeasureResponses.Taken;
import org.unknot.care.measures.QuestionnairesAhead;
import org.unknot.patient.PatientId;

/**
 * The demo patient's outcome scores, answered the day before each visit of the plan done
 * so far (pain falling from 7 to 4, the activities rising) and linked to the plan and the
 * visit, so that "My progress", the patient's record and the owners' outcomes show real
 * curves on the first start; and the questionnaire the plan asks before its next visit,
 * sent the way the job sends it, so the job never sends it again.
 */
@Component
class DemoProgress {

	static final List<String> ACTIVITIES = List.of("Reaching the top shelf", "Turning my head when driving",
			"Sitting at a desk for an hour");

	static final int[] PAIN = { 7, 5, 4 };

	private static final int[][] ACTIVITY_SCORES = { { 3, 2, 4 }, { 5, 4, 5 }, { 6, 6, 7 } };

	private final MeasureResponses responses;

	private final QuestionnairesAhead questionnaires;

	DemoProgress(MeasureResponses responses, QuestionnairesAhead questionnaires) {
		this.responses = responses;
		this.questionnaires = questionnaires;
	}

	void write(UUID patientId, DemoCare.Course course) {
		if (course == null) {
			return;
		}
		for (int n = 0; n < course.done().size(); n++) {
			DemoCare.Visit visit = course.done().get(n);
			Taken taken = new Taken(course.planId(), visit.id(), null, "patient",
					visit.start().minus(Duration.ofHours(20)));
			responses.record(PatientId.of(patientId), BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", PAIN[n])),
					taken);
			responses.record(PatientId.of(patientId), BuiltInMeasures.FUNCTION,
					new Answers(
							Map.of("activity-1", ACTIVITY_SCORES[n][0], "activity-2", ACTIVITY_SCORES[n][1],
									"activity-3", ACTIVITY_SCORES[n][2]),
							Map.of("activity-1", ACTIVITIES.get(0), "activity-2", ACTIVITIES.get(1), "activity-3",
									ACTIVITIES.get(2))),
					taken);
		}
		DemoCare.Visit last = course.done().get(course.done().size() - 1);
		responses.record(PatientId.of(patientId), BuiltInMeasures.GLOBAL_CHANGE, Answers.of(Map.of("change", 6)),
				new Taken(course.planId(), last.id(), null, "patient", last.start().plus(Duration.ofHours(1))));
		if (!course.outcome().booked().isEmpty()) {
			questionnaires.checkNow(course.planId(), course.outcome().booked().get(0).appointment().id());
		}
	}

}
