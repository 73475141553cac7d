package org.unknot.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unknot.system.DatabaseProperties;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	ChainKey chainKey(AuditProperties audit, DatabaseProperties database) {
		return ChainKey.from(audit, database.db().external(), database.db().ephemeral(), database.dataDir());
	}

}
