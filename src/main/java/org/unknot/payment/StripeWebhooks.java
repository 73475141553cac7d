package org.unknot.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.Money;

/**
 * What Stripe tells afterwards: a card kept on file, a payment made on its hosted page
 * (at once, or days later for a delayed method such as a bank debit, which may also
 * fail), a charge that went through or failed later. An event counts only if it carries
 * Stripe's signature (checked by Stripe's own library) and only once: a replayed event
 * changes nothing.
 */
@Service
public class StripeWebhooks {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

	private final PaymentProperties properties;

	private final PaymentProvider provider;

	private final Cards cards;

	private final Attempts attempts;

	private final Cashier cashier;

	private final OnlinePayments online;

	private final JdbcClient jdbc;

	private final Clock clock;

	StripeWebhooks(PaymentProperties properties, PaymentProvider provider, Cards cards, Attempts attempts,
			Cashier cashier, OnlinePayments online, JdbcClient jdbc, Clock clock) {
		this.properties = properties;
		this.provider = provider;
		this.cards = cards;
		this.attempts = attempts;
		this.cashier = cashier;
		this.online = online;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether Stripe is the provider, and so whether its webhooks are listened to. */
	public boolean listening() {
		String secret = properties.stripe().webhookSecret();
		return provider instanceof StripeProvider && secret != null && !secret.isBlank();
	}

	/**
	 * Handles an event as Stripe sent it; answers false, changing nothing, when it was
	 * handled before.
	 * @throws WebhookRefused when the signature does not match: it is not from Stripe
	 */
	@Transactional
	public boolean receive(String payload, String signature) {
		if (!listening()) {
			throw new WebhookRefused("Stripe is not the payment provider here.");
		}
		Event event;
		try {
			event = Webhook.constructEvent(payload, signature, properties.stripe().webhookSecret());
		}
		catch (SignatureVerificationException | RuntimeException forged) {
			log.warn("Refused a webhook without a valid Stripe signature: {}", forged.getMessage());
			throw new WebhookRefused("The signature does not match.");
		}
		boolean first = jdbc.sql("""
				INSERT INTO payment_webhook_event (event_id, type, received_at) VALUES (?, ?, ?)
				ON CONFLICT (event_id) DO NOTHING""")
			.params(event.getId(), event.getType(), Timestamp.from(clock.instant()))
			.update() == 1;
		if (!first) {
			return false;
		}
		StripeObject object = objectOf(event);
		switch (event.getType()) {
			case "checkout.session.completed" -> completed((Session) object);
			case "checkout.session.async_payment_succeeded" -> paid((Session) object);
			case "checkout.session.async_payment_failed" -> failed((Session) object);
			case "payment_intent.succeeded" -> succeeded((PaymentIntent) object);
			case "payment_intent.payment_failed" -> failed((PaymentIntent) object);
			default -> log.debug("Ignored a Stripe event of type {}", event.getType());
		}
		return true;
	}

	private void completed(Session session) {
		UUID patient = UUID.fromString(session.getClientReferenceId());
		if ("setup".equals(session.getMode())) {
			String card = ((StripeProvider) provider).cardOfSetup(session.getSetupIntent());
			cards.keep(patient, card, "Card kept by Stripe");
			return;
		}
		String key = keyOf(session);
		if (key == null) {
			return;
		}
		if ("unpaid".equals(session.getPaymentStatus())) {
			// a delayed method (a bank debit): async_payment_succeeded or _failed follows
			if (!online.pending(key)) {
				log.warn("Stripe says checkout {} is waiting for its payment, but no such page was opened here", key);
			}
			return;
		}
		if ("paid".equals(session.getPaymentStatus())) {
			paid(session);
		}
	}

	private void paid(Session session) {
		String key = keyOf(session);
		if (key == null || session.getAmountTotal() == null) {
			return;
		}
		Money amount = Money.of(session.getAmountTotal(), Currency.getInstance(session.getCurrency().toUpperCase()));
		if (!online.paid(key, amount, session.getPaymentIntent())) {
			log.warn("Stripe says checkout {} was paid, but no such page was opened here", key);
		}
	}

	private void failed(Session session) {
		String key = keyOf(session);
		if (key != null && !online.failed(key, "Your bank did not complete the payment.")) {
			log.warn("Stripe says the payment of checkout {} failed, but no such page was opened here", key);
		}
	}

	private static String keyOf(Session session) {
		Map<String, String> metadata = session.getMetadata();
		return metadata == null ? null : metadata.get("key");
	}

	private void succeeded(PaymentIntent intent) {
		attemptOf(intent).ifPresent(attempt -> cashier.paid(attempt, intent.getId()));
	}

	private void failed(PaymentIntent intent) {
		attemptOf(intent).filter(attempt -> attempt.status() != Attempt.Status.SUCCEEDED)
			.ifPresent(attempt -> attempts.finish(attempt.key(), Attempt.Status.FAILED, intent.getId(),
					intent.getLastPaymentError() == null ? "The charge failed."
							: "The charge failed: " + intent.getLastPaymentError().getMessage()));
	}

	private Optional<Attempt> attemptOf(PaymentIntent intent) {
		return Optional.ofNullable(intent.getMetadata()).map(m -> m.get("key")).flatMap(attempts::find);
	}

	private static StripeObject objectOf(Event event) {
		try {
			return event.getDataObjectDeserializer().deserializeUnsafe();
		}
		catch (EventDataObjectDeserializationException unreadable) {
			throw new WebhookRefused("The event's object cannot be read: " + unreadable.getMessage());
		}
	}

}
