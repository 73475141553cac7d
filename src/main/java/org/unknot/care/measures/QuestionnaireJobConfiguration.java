package org.unknot.care.measures;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.Clinics;

/** The questionnaire job under this node's own name, so its lease says who holds it. */
@Configuration(proxyBeanMethods = false)
class QuestionnaireJobConfiguration {

	@Bean
	QuestionnairesAhead questionnairesAhead(JdbcClient jdbc, JobLeases leases, TreatmentPlans plans,
			QuestionnaireRequests requests, Clinics clinics, QuestionnaireProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		return new QuestionnairesAhead(node, jdbc, leases, plans, requests, clinics, properties, clock, transactions);
	}

}
