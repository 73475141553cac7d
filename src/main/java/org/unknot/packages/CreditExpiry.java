package org.unknot.packages;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes off, every hour, the credits left in packages that have run out. */
@Component
class CreditExpiry {

	private final CreditLedger ledger;

	CreditExpiry(CreditLedger ledger) {
		this.ledger = ledger;
	}

	@Scheduled(fixedDelayString = "${unknot.packages.expiry-interval:PT1H}", initialDelayString = "PT1M")
	void expire() {
		ledger.expireDue();
	}

}
