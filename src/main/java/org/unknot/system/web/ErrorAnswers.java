package org.unknot.system.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Spring Boot's error controller with one that answers machines in RFC 9457
 * form.
 */
@Configuration(proxyBeanMethods = false)
class ErrorAnswers {

	@Bean
	ProblemErrorController problemErrorController(ErrorAttributes errorAttributes,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new ProblemErrorController(errorAttributes, errorViewResolvers.orderedStream().toList());
	}

}
