package org.unknot.waitlist;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Offers freed times and expires unanswered offers every few seconds; off where tests
 * drive it.
 */
@Component
@ConditionalOnProperty(name = "unknot.waitlist.worker-enabled", havingValue = "true", matchIfMissing = true)
class WaitlistSchedule {

	private final Waitlist waitlist;

	WaitlistSchedule(Waitlist waitlist) {
		this.waitlist = waitlist;
	}

	@Scheduled(fixedDelayString = "${unknot.waitlist.interval:15s}",
			initialDelayString = "${unknot.waitlist.interval:15s}")
	void work() {
		waitlist.work();
	}

}
