package org.unknot.payment.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.catalog.ServiceId;
import org.unknot.payment.ShownPolicy;
import org.unknot.payment.StatedAgreements;

/**
 * A service's payment policy for a client that books for the patient: the words to show
 * before booking and their version, which the booking states when the policy asks the
 * patient's agreement ({@code policyAgreed}, {@code policyVersion}).
 */
@RestController
@RequestMapping("/api/v1/services")
class PolicyApiController {

	private final StatedAgreements agreements;

	PolicyApiController(StatedAgreements agreements) {
		this.agreements = agreements;
	}

	@GetMapping("/{id}/payment-policy")
	PolicyView policy(@PathVariable String id) {
		ShownPolicy shown = agreements.shown(ServiceId.of(id));
		return new PolicyView(shown.serviceId(), shown.lines(), shown.words(), shown.version(), shown.asksAgreement());
	}

	/**
	 * @param agreementRequired whether a booking must state {@code policyAgreed: true}
	 * with this {@code version}
	 */
	record PolicyView(String service, List<String> lines, String words, String version, boolean agreementRequired) {
	}

}
