package org.unknot.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe when its secret key is set, otherwise payments at the clinic's desk. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	@Bean
	PaymentProvider paymentProvider(PaymentProperties properties) {
		return properties.stripe().configured() ? new StripeProvider(properties.stripe()) : new PayAtClinic();
	}

}
