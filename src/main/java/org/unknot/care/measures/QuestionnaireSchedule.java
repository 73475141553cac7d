package org.unknot.care.measures;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link QuestionnairesAhead} every few minutes; off where tests drive it.
 */
@Component
@ConditionalOnProperty(name = "unknot.care.questionnaires.enabled", havingValue = "true", matchIfMissing = true)
class QuestionnaireSchedule {

	private final QuestionnairesAhead job;

	QuestionnaireSchedule(QuestionnairesAhead job) {
		this.job = job;
	}

	@Scheduled(fixedDelayString = "${unknot.care.questionnaires.interval:5m}",
			initialDelayString = "${unknot.care.questionnaires.interval:5m}")
	void work() {
		job.run();
	}

}
