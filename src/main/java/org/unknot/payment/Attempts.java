package org.unknot.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.system.Money;

/** Charges and refunds asked of the provider, and how they went. */
@Repository
public class Attempts {

	private final JdbcClient jdbc;

	private final Clock clock;

	Attempts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a new attempt unless one with its key exists; answers whether it is new.
	 */
	@Transactional
	boolean start(String key, Attempt.Action action, String refundOf, UUID patientId, UUID appointmentId,
			Purpose purpose, Money amount) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				INSERT INTO payment_attempt (attempt_key, action, refund_of, patient_id, appointment_id, purpose,
				    amount_minor, currency, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (attempt_key) DO NOTHING""")
			.params(key, action.name(), refundOf, patientId, appointmentId, purpose.name(), amount.minorUnits(),
					amount.currency().getCurrencyCode(), now, now)
			.update() == 1;
	}

	@Transactional(readOnly = true)
	public Optional<Attempt> find(String key) {
		return jdbc.sql("SELECT * FROM payment_attempt WHERE attempt_key = ?")
			.param(key)
			.query(Attempts::map)
			.optional();
	}

	/** Locks the attempt for the one who works on it now. */
	@Transactional
	Optional<Attempt> lock(String key) {
		return jdbc.sql("SELECT * FROM payment_attempt WHERE attempt_key = ? FOR UPDATE")
			.param(key)
			.query(Attempts::map)
			.optional();
	}

	@Transactional
	void finish(String key, Attempt.Status status, String providerReference, String failure) {
		jdbc.sql("""
				UPDATE payment_attempt SET status = ?, provider_reference = ?, failure = ?, updated_at = ?
				WHERE attempt_key = ?""")
			.params(status.name(), providerReference, failure, Timestamp.from(clock.instant()), key)
			.update();
	}

	/** Failed charges and refunds, oldest first: what the front desk follows up. */
	@Transactional(readOnly = true)
	public List<Attempt> failed() {
		return jdbc.sql("SELECT * FROM payment_attempt WHERE status = 'FAILED' ORDER BY created_at")
			.query(Attempts::map)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Attempt> ofVisit(UUID appointmentId) {
		return jdbc.sql("SELECT * FROM payment_attempt WHERE appointment_id = ? ORDER BY created_at")
			.param(appointmentId)
			.query(Attempts::map)
			.list();
	}

	private static Attempt map(ResultSet rs, int n) throws SQLException {
		return new Attempt(rs.getString("attempt_key"), Attempt.Action.valueOf(rs.getString("action")),
				rs.getString("refund_of"), rs.getObject("patient_id", UUID.class),
				rs.getObject("appointment_id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
				Money.of(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
				Attempt.Status.valueOf(rs.getString("status")), rs.getString("failure"),
				rs.getString("provider_reference"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
