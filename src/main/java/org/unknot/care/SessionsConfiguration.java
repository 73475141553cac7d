package org.unknot.care;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unknot.privacy.SealedColumn;

@Configuration(proxyBeanMethods = false)
class SessionsConfiguration {

	/** Re-encryption moves session notes to a new key with everything else sealed. */
	@Bean
	SealedColumn sessionNoteColumn() {
		return SessionNotes.NOTE;
	}

}
