package org.unknot.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stripe the Stripe account; without a secret key the clinics are paid at the desk
 */
@ConfigurationProperties("unknot.payments")
public record PaymentProperties(@DefaultValue Stripe stripe) {

	/**
	 * @param apiBase where Stripe's API answers (a loopback fake in tests)
	 * @param secretKey the account's secret key; unset: pay at the clinic
	 * @param publishableKey the account's publishable key (not needed with hosted
	 * Checkout)
	 * @param webhookSecret the signing secret of the webhook endpoint
	 * @param timeoutSeconds how long to wait for an answer
	 * @param checkoutOrigin where Stripe's hosted pages are (the forms that lead there
	 * must be allowed to)
	 */
	public record Stripe(@DefaultValue("https://api.stripe.com") String apiBase, String secretKey,
			String publishableKey, String webhookSecret, @DefaultValue("20") int timeoutSeconds,
			@DefaultValue("https://checkout.stripe.com") String checkoutOrigin) {

		public boolean configured() {
			return secretKey != null && !secretKey.isBlank();
		}

	}

}
