package org.unknot.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.catalog.ServiceId;
import org.unknot.system.Money;
import org.unknot.system.ReadInThisTransaction;
import org.unknot.system.ReferenceVersions;

/**
 * Each service's payment policy; a service without one is paid at the visit, no fees.
 * <p>
 * A booking reads its policy from memory: every policy is kept with the reference version
 * it was read at, and every change of a policy, on any node, moves that version (a
 * trigger, as for hours and services). When the booking's check read a version no newer
 * than the one kept, the policies in memory are at least as current as the check;
 * otherwise they are read again, with the version, in one statement. Without a check in
 * the transaction the policy is read from PostgreSQL.
 */
@Repository
public class PaymentPolicies {

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * A booking reads its service's policy twice (what is due at booking, the words the
	 * patient agreed to): once per transaction, and the same policy for both.
	 */
	private final ReadInThisTransaction<String, PaymentPolicy> read = new ReadInThisTransaction<>();

	/** Every policy, as of a reference version; null until a booking needs them. */
	private volatile Known known;

	PaymentPolicies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PaymentPolicy of(ServiceId serviceId) {
		return read.find(serviceId.value(), id -> Optional.of(current(serviceId))).orElseThrow();
	}

	private PaymentPolicy current(ServiceId serviceId) {
		OptionalLong seen = ReferenceVersions.seenInThisTransaction();
		if (seen.isEmpty()) {
			return find(serviceId).orElseGet(() -> PaymentPolicy.payAtVisit(serviceId.value()));
		}
		Known kept = known;
		if (kept == null || kept.version() < seen.getAsLong()) {
			kept = readAll();
			if (!kept.changedHere()) {
				known = kept;
			}
		}
		return kept.of(serviceId.value());
	}

	/**
	 * Every policy and the reference version, from one snapshot. What this transaction
	 * changed itself (it moved the version) is used here but not kept: it may yet roll
	 * back.
	 */
	private Known readAll() {
		Map<String, PaymentPolicy> policies = new HashMap<>();
		boolean[] changedHere = new boolean[1];
		long version = jdbc.sql("""
				SELECT v.version, v.xmin::text = (txid_current_if_assigned() % 4294967296)::text AS changed_here, p.*
				FROM reference_version v LEFT JOIN payment_policy p ON true""").query(rs -> {
			long at = 0;
			while (rs.next()) {
				at = rs.getLong("version");
				changedHere[0] = rs.getBoolean("changed_here");
				if (rs.getString("service_id") != null) {
					PaymentPolicy policy = map(rs, 0);
					policies.put(policy.serviceId(), policy);
				}
			}
			return at;
		});
		return new Known(version, Map.copyOf(policies), changedHere[0]);
	}

	private record Known(long version, Map<String, PaymentPolicy> policies, boolean changedHere) {

		PaymentPolicy of(String serviceId) {
			PaymentPolicy policy = policies.get(serviceId);
			return policy != null ? policy : PaymentPolicy.payAtVisit(serviceId);
		}

	}

	/** The policy of a service of this price, in the words a patient reads. */
	@Transactional(readOnly = true)
	public ShownPolicy shown(ServiceId serviceId, int priceCents) {
		PaymentPolicy policy = of(serviceId);
		return new ShownPolicy(serviceId.value(), policy.inWords(Money.usd(priceCents)), policy.asksAgreement());
	}

	@Transactional(readOnly = true)
	public Optional<PaymentPolicy> find(ServiceId serviceId) {
		return jdbc.sql("SELECT * FROM payment_policy WHERE service_id = ?")
			.param(serviceId.value())
			.query(PaymentPolicies::map)
			.optional();
	}

	@Transactional
	public void save(PaymentPolicy policy) {
		Currency currency = policy.lateFee().currency();
		jdbc.sql("""
				INSERT INTO payment_policy (service_id, due, deposit_minor, deposit_percent, currency,
				    late_window_minutes, late_fee_minor, no_show_fee_minor, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (service_id) DO UPDATE SET due = excluded.due, deposit_minor = excluded.deposit_minor,
				    deposit_percent = excluded.deposit_percent, currency = excluded.currency,
				    late_window_minutes = excluded.late_window_minutes, late_fee_minor = excluded.late_fee_minor,
				    no_show_fee_minor = excluded.no_show_fee_minor, updated_at = excluded.updated_at""")
			.params(policy.serviceId(), policy.due().name(),
					policy.deposit() == null ? null : policy.deposit().minorUnits(), policy.depositPercent(),
					currency.getCurrencyCode(), policy.lateWindow().toMinutes(), policy.lateFee().minorUnits(),
					policy.noShowFee().minorUnits(), Timestamp.from(clock.instant()))
			.update();
		read.forget(policy.serviceId());
		known = null;
	}

	private static PaymentPolicy map(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		long deposit = rs.getLong("deposit_minor");
		Money depositAmount = rs.wasNull() ? null : Money.of(deposit, currency);
		int percent = rs.getInt("deposit_percent");
		Integer depositPercent = rs.wasNull() ? null : percent;
		return new PaymentPolicy(rs.getString("service_id"), PaymentPolicy.Due.valueOf(rs.getString("due")),
				depositAmount, depositPercent, Duration.ofMinutes(rs.getInt("late_window_minutes")),
				Money.of(rs.getLong("late_fee_minor"), currency), Money.of(rs.getLong("no_show_fee_minor"), currency));
	}

}
