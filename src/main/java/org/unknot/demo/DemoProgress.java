package org.unknot.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.care.measures.MeasureResponses.Taken;
import org.unknot.care.measures.QuestionnairesAhead;

/**
 * The demo patient's outcome scores from the weeks before their plan's course (pain
 * falling from 7 to 4, activities rising), so that "My progress" shows real curves on the
 * first start; and the questionnaire the plan asks before its first visit, sent the way
 * the job sends it, so the job never sends it again.
 */
@Component
class DemoProgress {

	static final List<String> ACTIVITIES = List.of("Reaching the top shelf", "Turning my head when driving",
			"Sitting at a desk for an hour");

	private final MeasureResponses responses;

	private final QuestionnairesAhead questionnaires;

	private final Clock clock;

	DemoProgress(MeasureResponses responses, QuestionnairesAhead questionnaires, Clock clock) {
		this.responses = responses;
		this.questionnaires = questionnaires;
		this.clock = clock;
	}

	void write(UUID patientId, DemoCare.Course course) {
		Instant now = clock.instant();
		int[] pain = { 7, 5, 4 };
		int[][] activities = { { 3, 2, 4 }, { 5, 4, 5 }, { 6, 6, 7 } };
		for (int n = 0; n < pain.length; n++) {
			Instant at = now.minus(Duration.ofDays(14L * (pain.length - n)));
			Taken taken = new Taken(null, null, null, "patient", at);
			responses.record(patientId, BuiltInMeasures.PAIN_NRS, Answers.of(Map.of("pain", pain[n])), taken);
			responses.record(patientId, BuiltInMeasures.FUNCTION,
					new Answers(
							Map.of("activity-1", activities[n][0], "activity-2", activities[n][1], "activity-3",
									activities[n][2]),
							Map.of("activity-1", ACTIVITIES.get(0), "activity-2", ACTIVITIES.get(1), "activity-3",
									ACTIVITIES.get(2))),
					taken);
		}
		responses.record(patientId, BuiltInMeasures.GLOBAL_CHANGE, Answers.of(Map.of("change", 6)),
				new Taken(null, null, null, "patient", now.minus(Duration.ofDays(14))));
		if (course != null && !course.outcome().booked().isEmpty()) {
			questionnaires.checkNow(course.planId(), course.outcome().booked().get(0).appointment().id());
		}
	}

}
