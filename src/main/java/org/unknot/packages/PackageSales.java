package org.unknot.packages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.patient.PatientId;
import org.unknot.payment.Actor;
import org.unknot.payment.Cashier;
import org.unknot.payment.Method;
import org.unknot.payment.PackagePaidOnline;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;

/**
 * Selling a package, online or at the desk: the holding is written with the price of the
 * day and its credits bought, in one transaction. {@link #sell} is the one place a sale
 * happens, so a payment provider joins here.
 */
@Service
public class PackageSales {

	private final JdbcClient jdbc;

	private final CarePackages packages;

	private final CreditLedger ledger;

	private final Clock clock;

	private final Cashier cashier;

	PackageSales(JdbcClient jdbc, CarePackages packages, CreditLedger ledger, Clock clock, Cashier cashier) {
		this.cashier = cashier;
		this.jdbc = jdbc;
		this.packages = packages;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Sells a package on sale to a patient; {@link PaidHow#TO_PAY_AT_CLINIC} leaves the
	 * price owed.
	 */
	@Transactional
	public Holding sell(PatientId patient, String packageId, PaidHow paidHow) {
		CarePackage sold = onSale(packageId);
		if (paidHow == null || paidHow == PaidHow.ONLINE) {
			throw new InvalidRequest("paidHow", "Choose how it was paid.");
		}
		UUID id = write(sold, patient, paidHow.paid() ? "DESK" : "ONLINE", paidHow.paid() ? paidHow : null);
		ledger.open(id, sold.credits());
		cashier.packageSold(id, patient, sold.price());
		if (paidHow.paid()) {
			cashier.packagePaid(id, patient, sold.price(), method(paidHow), Actor.SYSTEM);
		}
		return ledger.holding(id).orElseThrow();
	}

	/**
	 * Sells a package to be paid on the payment provider's page: the price is owed, and
	 * its credits come only with the payment ({@link #paid}).
	 */
	@Transactional
	public Holding sellToPayOnline(PatientId patient, String packageId) {
		CarePackage sold = onSale(packageId);
		UUID id = write(sold, patient, "ONLINE", null);
		cashier.packageSold(id, patient, sold.price());
		return ledger.holding(id).orElseThrow();
	}

	/**
	 * The package was paid (online, or at the desk after all): marked paid once, and its
	 * credits opened if they were waiting for the payment.
	 */
	@Transactional
	public void paid(UUID holdingId, PaidHow paidHow) {
		jdbc.sql("UPDATE package_holding SET paid_how = ?, paid_at = ? WHERE id = ? AND paid_how IS NULL")
			.params(paidHow.name(), Timestamp.from(clock.instant()), holdingId)
			.update();
		Holding holding = ledger.holding(holdingId).orElseThrow();
		if (ledger.movements(holdingId).isEmpty()) {
			ledger.open(holdingId, packages.get("package", holding.packageId()).credits());
		}
	}

	@EventListener
	void on(PackagePaidOnline online) {
		paid(online.holdingId(), PaidHow.ONLINE);
	}

	/** The desk records the payment of a package bought online to pay at the clinic. */
	@Transactional
	public Holding settle(UUID holdingId, PaidHow paidHow) {
		Holding holding = ledger.holding(holdingId)
			.orElseThrow(() -> new NotFound("holding", "package sale", holdingId.toString()));
		if (paidHow == null || !paidHow.paid() || paidHow == PaidHow.ONLINE) {
			throw new InvalidRequest("paidHow", "Choose how it was paid.");
		}
		if (!holding.owed()) {
			throw new InvalidRequest("paidHow", "This package is paid already.");
		}
		paid(holdingId, paidHow);
		PatientId patient = PatientId.of(holding.patientId());
		cashier.packageSold(holdingId, patient, holding.price());
		cashier.packagePaid(holdingId, patient, holding.price(), method(paidHow), Actor.SYSTEM);
		return ledger.holding(holdingId).orElseThrow();
	}

	private CarePackage onSale(String packageId) {
		CarePackage sold = packages.get("package", packageId);
		if (!sold.onSale()) {
			throw new InvalidRequest("package", sold.name() + " is no longer sold.");
		}
		return sold;
	}

	/**
	 * The holding's row, with the price of the day; paid now when {@code paid} is given.
	 */
	private UUID write(CarePackage sold, PatientId patient, String soldWhere, PaidHow paid) {
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO package_holding (id, package_id, patient_id, price_minor, currency, sold_where, paid_how,
				    paid_at, sold_at, valid_until)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, sold.id(), patient.value(), sold.price().minorUnits(),
					sold.price().currency().getCurrencyCode(), soldWhere, paid == null ? null : paid.name(),
					paid == null ? null : Timestamp.from(now), Timestamp.from(now),
					Timestamp.from(now.plus(Duration.ofDays(sold.validDays()))))
			.update();
		return id;
	}

	/** The payment ledger's name for how the desk took the money. */
	private static Method method(PaidHow paidHow) {
		return switch (paidHow) {
			case CASH -> Method.CASH;
			case CARD_TERMINAL -> Method.CARD_TERMINAL;
			case CHEQUE -> Method.CHEQUE;
			case EXTERNAL -> Method.EXTERNAL;
			case ONLINE, TO_PAY_AT_CLINIC -> throw new IllegalArgumentException("Not taken at the desk: " + paidHow);
		};
	}

}
