package org.unknot.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works the outbox every few seconds; off where tests drive the dispatcher themselves.
 */
@Component
@ConditionalOnProperty(name = "unknot.notification.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
class DispatchSchedule {

	private final OutboxDispatcher dispatcher;

	DispatchSchedule(OutboxDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${unknot.notification.dispatcher.interval:10s}",
			initialDelayString = "${unknot.notification.dispatcher.interval:10s}")
	void dispatch() {
		dispatcher.dispatchDue();
	}

}
