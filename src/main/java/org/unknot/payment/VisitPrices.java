package org.unknot.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.unknot.system.Money;
import org.unknot.system.WritesAtCommit;

/**
 * The price of each visit as the catalog had it when it was booked, written once: a price
 * changed in the catalog later changes what new bookings cost, not what a booked visit
 * owes or what its superbill says.
 */
@Repository
class VisitPrices {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WritesAtCommit atCommit;

	VisitPrices(JdbcClient jdbc, Clock clock, WritesAtCommit atCommit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.atCommit = atCommit;
	}

	/**
	 * Keeps the price of a visit just booked, with the transaction's other deferred
	 * writes just before it commits; a second call for it changes nothing.
	 */
	void record(UUID appointmentId, Money price) {
		atCommit.add("""
				INSERT INTO visit_price (appointment_id, amount_minor, currency, recorded_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (appointment_id) DO NOTHING""", appointmentId, price.minorUnits(),
				price.currency().getCurrencyCode(), Timestamp.from(clock.instant()));
	}

	Optional<Money> of(UUID appointmentId) {
		atCommit.flush();
		return jdbc.sql("SELECT amount_minor, currency FROM visit_price WHERE appointment_id = ?")
			.param(appointmentId)
			.query((rs, n) -> Money.of(rs.getLong(1), Currency.getInstance(rs.getString(2))))
			.optional();
	}

	Map<UUID, Money> of(Collection<UUID> appointmentIds) {
		Map<UUID, Money> prices = new HashMap<>();
		if (appointmentIds.isEmpty()) {
			return prices;
		}
		atCommit.flush();
		jdbc.sql("SELECT * FROM visit_price WHERE appointment_id = ANY (CAST(? AS text[])::uuid[])")
			.param(appointmentIds.stream().map(UUID::toString).toArray(String[]::new))
			.query(rs -> {
				prices.put(rs.getObject("appointment_id", UUID.class),
						Money.of(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))));
			});
		return prices;
	}

}
