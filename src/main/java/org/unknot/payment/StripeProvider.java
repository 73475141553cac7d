package org.unknot.payment;

import java.util.List;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unknot.system.Money;

/**
 * Stripe, through its own Java library: customers, a hosted Checkout page to keep a card
 * on file (setup mode) or to pay now (payment mode), off-session PaymentIntents for fees
 * and refunds. Every call carries an idempotency key derived from what it pays for, so
 * the library's own retries and ours reach Stripe as one request.
 */
class StripeProvider implements PaymentProvider {

	private static final Logger log = LoggerFactory.getLogger(StripeProvider.class);

	private final StripeClient client;

	StripeProvider(PaymentProperties.Stripe settings) {
		int timeout = Math.toIntExact(settings.timeoutSeconds() * 1000L);
		this.client = StripeClient.builder()
			.setApiKey(settings.secretKey())
			.setApiBase(settings.apiBase())
			.setConnectTimeout(timeout)
			.setReadTimeout(timeout)
			.setMaxNetworkRetries(1)
			.build();
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public boolean online() {
		return true;
	}

	@Override
	public String customer(UUID patientId, String name, String email) {
		var params = CustomerCreateParams.builder()
			.setName(name)
			.setEmail(email)
			.putMetadata("patient", patientId.toString())
			.build();
		try {
			return client.customers().create(params, key("customer:" + patientId)).getId();
		}
		catch (StripeException ex) {
			throw new ProviderUnavailable("Stripe did not make the customer", ex);
		}
	}

	@Override
	public String cardSetupPage(String customer, UUID patientId, String returnUrl, String cancelUrl, String key) {
		var params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.SETUP)
			.setCustomer(customer)
			.setCurrency("usd")
			.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
			.setClientReferenceId(patientId.toString())
			.putMetadata("patient", patientId.toString())
			.setSuccessUrl(returnUrl)
			.setCancelUrl(cancelUrl)
			.build();
		return hostedPage(params, key, "card page");
	}

	@Override
	public String paymentPage(String customer, UUID patientId, List<PageLine> lines, String returnUrl, String cancelUrl,
			String key) {
		var params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.setCustomer(customer)
			.setClientReferenceId(patientId.toString())
			.putMetadata("patient", patientId.toString())
			.putMetadata("key", key)
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
				.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION)
				.putMetadata("patient", patientId.toString())
				.putMetadata("key", key)
				.build())
			.setSuccessUrl(returnUrl)
			.setCancelUrl(cancelUrl);
		for (PageLine line : lines) {
			params.addLineItem(SessionCreateParams.LineItem.builder()
				.setQuantity(1L)
				.setPriceData(SessionCreateParams.LineItem.PriceData.builder()
					.setCurrency(line.amount().currency().getCurrencyCode().toLowerCase())
					.setUnitAmount(line.amount().minorUnits())
					.setProductData(
							SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(line.name()).build())
					.build())
				.build());
		}
		return hostedPage(params.build(), key, "payment page");
	}

	@Override
	public Outcome chargeCardOnFile(String customer, String cardReference, Money amount, String description,
			String key) {
		var params = PaymentIntentCreateParams.builder()
			.setAmount(amount.minorUnits())
			.setCurrency(amount.currency().getCurrencyCode().toLowerCase())
			.setCustomer(customer)
			.setPaymentMethod(cardReference)
			.setOffSession(true)
			.setConfirm(true)
			.setDescription(description)
			.putMetadata("key", key)
			.build();
		try {
			PaymentIntent intent = client.paymentIntents().create(params, key(key));
			if ("succeeded".equals(intent.getStatus())) {
				return Outcome.done(intent.getId());
			}
			return Outcome.failed("The card was not charged (Stripe says " + intent.getStatus() + ").");
		}
		catch (CardException declined) {
			return Outcome.failed("The card was declined: " + declined.getUserMessage());
		}
		catch (ApiConnectionException unreachable) {
			log.warn("Stripe did not answer a charge ({})", key, unreachable);
			return Outcome.failed("Stripe did not answer in time; trying again will not charge twice.");
		}
		catch (StripeException refused) {
			log.warn("Stripe refused a charge ({})", key, refused);
			return Outcome.failed("Stripe refused the charge: " + refused.getUserMessage());
		}
	}

	@Override
	public Outcome refund(String paymentReference, Money amount, String key) {
		var params = RefundCreateParams.builder()
			.setPaymentIntent(paymentReference)
			.setAmount(amount.minorUnits())
			.putMetadata("key", key)
			.build();
		try {
			return Outcome.done(client.refunds().create(params, key(key)).getId());
		}
		catch (ApiConnectionException unreachable) {
			log.warn("Stripe did not answer a refund ({})", key, unreachable);
			return Outcome.failed("Stripe did not answer in time; trying again will not refund twice.");
		}
		catch (StripeException refused) {
			log.warn("Stripe refused a refund ({})", key, refused);
			return Outcome.failed("Stripe refused the refund: " + refused.getUserMessage());
		}
	}

	/** Opens a hosted Checkout page and answers its address. */
	private String hostedPage(SessionCreateParams params, String key, String what) {
		try {
			return client.checkout().sessions().create(params, key(key)).getUrl();
		}
		catch (StripeException ex) {
			throw new ProviderUnavailable("Stripe did not open a " + what, ex);
		}
	}

	/** The card a finished setup kept on file. */
	String cardOfSetup(String setupIntent) {
		try {
			return client.setupIntents().retrieve(setupIntent).getPaymentMethod();
		}
		catch (StripeException ex) {
			throw new ProviderUnavailable("Stripe did not say which card was kept", ex);
		}
	}

	private static RequestOptions key(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

}
