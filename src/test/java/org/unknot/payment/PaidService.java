package org.unknot.payment;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.system.Money;

/**
 * For tests: a 60-minute massage service of its own, with a price and a deposit due at
 * booking (a $40 late-cancellation fee, a $60 no-show fee), so that a test's policy never
 * changes the shared test services.
 */
public final class PaidService {

	private PaidService() {
	}

	public static void create(JdbcClient jdbc, PaymentPolicies policies, String id, String name, long priceCents,
			long depositCents) {
		jdbc.sql("""
				INSERT INTO care_service (id, name, category, description, duration_minutes, buffer_before_minutes,
				    buffer_after_minutes, room_kind, in_person, virtual, price_cents, prerequisite_category,
				    min_notice_minutes, max_advance_days, slot_step_minutes, licence_types)
				VALUES (?, ?, 'MASSAGE', 'test', 60, 0, 15, 'MASSAGE_ROOM', true, false, ?, NULL, 60, 400, 15, '{LMT}')
				ON CONFLICT (id) DO NOTHING""").params(id, name, priceCents).update();
		policies.save(new PaymentPolicy(id, PaymentPolicy.Due.DEPOSIT, Money.usd(depositCents), null,
				Duration.ofHours(24), Money.usd(4000), Money.usd(6000)));
	}

}
