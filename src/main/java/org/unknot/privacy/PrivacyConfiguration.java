package org.unknot.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unknot.system.DatabaseProperties;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	@Bean
	FieldCipher fieldCipher(EncryptionProperties encryption, DatabaseProperties database) {
		return new FieldCipher(
				FieldKeys.from(encryption, database.db().external(), database.db().ephemeral(), database.dataDir()));
	}

}
