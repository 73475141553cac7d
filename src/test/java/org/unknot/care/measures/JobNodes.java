package org.unknot.care.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.Clinics;

/**
 * Nodes of the questionnaire job, each with its own name and clock, on the tests' shared
 * database.
 */
record JobNodes(ApplicationContext context) {

	/**
	 * The database is shared: visits of plans booked before now count as looked at, and
	 * no node holds the job, so a test sees the job act on the plans it books next only.
	 */
	JobNodes fresh() {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("""
				INSERT INTO questionnaire_visit_check (appointment_id, plan_id, checked_by, checked_at)
				SELECT appointment_id, plan_id, 'an earlier test', now() FROM plan_visit ON CONFLICT DO NOTHING""")
			.update();
		jdbc.sql("DELETE FROM job_lease WHERE job = ?").param(QuestionnairesAhead.JOB).update();
		return this;
	}

	QuestionnairesAhead node(String name, Instant now, Duration ahead) {
		return new QuestionnairesAhead(name, context.getBean(JdbcClient.class), context.getBean(JobLeases.class),
				context.getBean(TreatmentPlans.class), context.getBean(QuestionnaireRequests.class),
				context.getBean(Clinics.class),
				new QuestionnaireProperties(true, ahead, Duration.ofMinutes(5), Duration.ofMinutes(15)),
				Clock.fixed(now, ZoneOffset.UTC), context.getBean(PlatformTransactionManager.class));
	}

}
