package org.unknot.payment.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.payment.PaymentsAtDeskOnly;
import org.unknot.payment.StripeWebhooks;

/**
 * Where Stripe reports what happened on its side. The body is read as sent, since the
 * signature covers its exact bytes; a forged or unreadable event is a problem answer and
 * changes nothing, a replayed one is acknowledged and changes nothing.
 */
@RestController
class StripeWebhookController {

	private final StripeWebhooks webhooks;

	StripeWebhookController(StripeWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/v1/payments/stripe/webhook")
	ResponseEntity<Void> receive(@RequestBody(required = false) String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (!webhooks.listening()) {
			throw new PaymentsAtDeskOnly();
		}
		webhooks.receive(payload == null ? "" : payload, signature == null ? "" : signature);
		return ResponseEntity.ok().build();
	}

}
