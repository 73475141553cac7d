package org.unknot.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.patient.PatientId;
import org.unknot.system.Money;

/**
 * Paying online on the provider's hosted page: what visits owe now (a deposit or the
 * price at booking, a fee), or a package bought online. The page is opened under a key
 * derived from what it pays for and how much, so asking again (a reload, "Pay now" after
 * giving up) opens the same page rather than a second one; the provider's webhook then
 * writes one ledger row per item, once. Without an online provider nothing here opens:
 * the patient pays at the clinic.
 */
@Service
public class OnlinePayments {

	private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);

	private final PaymentProvider provider;

	private final Ledger ledger;

	private final Cards cards;

	private final Cashier cashier;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PaymentProperties properties;

	OnlinePayments(PaymentProvider provider, Ledger ledger, Cards cards, Cashier cashier, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, PaymentProperties properties) {
		this.properties = properties;
		this.provider = provider;
		this.ledger = ledger;
		this.cards = cards;
		this.cashier = cashier;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Who pays, as the provider's customer is made: the patient, their name and email.
	 */
	public record Payer(PatientId patientId, String name, String email) {
	}

	/** A visit to pay what it owes now for, named as the patient knows it. */
	public record VisitToPay(UUID appointmentId, String name) {
	}

	/** Where the provider's page sends the patient back: paid, or given up. */
	public record ReturnTo(String paid, String gaveUp) {
	}

	/**
	 * What the provider said last of a page: its payment is on its way (a bank debit
	 * takes days), made, or failed.
	 */
	public enum Outcome {

		PENDING, PAID, FAILED

	}

	/**
	 * The origin of the provider's hosted pages, when patients can pay online here: pages
	 * whose forms lead there must let them.
	 */
	public Optional<String> pageOrigin() {
		return available() ? Optional.of(properties.stripe().checkoutOrigin()) : Optional.empty();
	}

	/** Whether patients can pay online here. */
	public boolean available() {
		return provider.online();
	}

	/** What these visits owe now, together (nothing when paid, or owed back). */
	@Transactional(readOnly = true)
	public Money owedNow(List<UUID> visits) {
		return visits.stream().map(this::owed).reduce(Money.zero(Money.USD), Money::plus);
	}

	/**
	 * The provider's page to pay what these visits owe now; empty when they owe nothing
	 * or the clinics take payments at the desk only.
	 */
	@Transactional
	public Optional<String> payVisits(Payer payer, List<VisitToPay> visits, ReturnTo back) {
		if (!available()) {
			return Optional.empty();
		}
		List<Item> items = new ArrayList<>();
		for (VisitToPay visit : visits) {
			Money owed = owed(visit.appointmentId());
			if (owed.isPositive()) {
				items.add(new Item(cashier.purposeOwed(visit.appointmentId()), visit.appointmentId(), null, owed,
						visit.name()));
			}
		}
		if (items.isEmpty()) {
			return Optional.empty();
		}
		String key = items.size() == 1
				? "checkout:visit:" + items.get(0).appointmentId() + ":" + amountKey(items.get(0).amount())
				: "checkout:visits:" + digest(items);
		return Optional.of(open(payer, fresh(key), items, back));
	}

	/**
	 * The provider's page to pay for a package bought online (its credits come with the
	 * payment).
	 */
	@Transactional
	public String payPackage(Payer payer, UUID holdingId, String packageName, Money price, ReturnTo back) {
		if (!available()) {
			throw new PaymentsAtDeskOnly();
		}
		Item item = new Item(Purpose.PACKAGE, null, holdingId, price, packageName);
		return open(payer, fresh("checkout:package:" + holdingId + ":" + amountKey(price)), List.of(item), back);
	}

	/**
	 * The provider says the page opened under this key was paid: each of its items is
	 * written to the ledger once; a package's credits follow (see
	 * {@link PackagePaidOnline}); a visit cancelled in the meantime gets the money back.
	 * Answers false for a key no page was opened under here.
	 */
	@Transactional
	boolean paid(String key, Money total, String providerReference) {
		Optional<PatientId> patient = jdbc.sql("SELECT patient_id FROM online_checkout WHERE checkout_key = ?")
			.param(key)
			.query(UUID.class)
			.optional()
			.map(PatientId::of);
		if (patient.isEmpty()) {
			return false;
		}
		List<Item> items = items(key);
		Money expected = items.stream().map(Item::amount).reduce(Money.zero(total.currency()), Money::plus);
		if (!expected.equals(total)) {
			log.warn("Checkout {} was paid {} where {} was asked; recording what was asked", key, total, expected);
		}
		jdbc.sql("UPDATE online_checkout SET outcome = 'PAID', outcome_at = ? WHERE checkout_key = ?")
			.params(Timestamp.from(clock.instant()), key)
			.update();
		Actor by = Actor.patient(patient.get());
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			Optional<LedgerEntry> written = ledger.write(new Ledger.Line("online:" + key + ":" + (i + 1),
					EntryKind.PAYMENT, item.purpose(), patient.get().value(), item.appointmentId(), item.amount(),
					Method.ONLINE, providerReference, null), by);
			if (written.isEmpty()) {
				continue;
			}
			if (item.holdingId() != null) {
				events.publishEvent(new PackagePaidOnline(item.holdingId(), patient.get(), item.amount()));
			}
			else {
				cashier.settle(item.appointmentId(), patient.get(), item.purpose());
			}
		}
		return true;
	}

	/**
	 * The provider says the page opened under this key was completed but its payment is
	 * still on its way. Answers false for a key no page was opened under here.
	 */
	@Transactional
	boolean pending(String key) {
		return jdbc.sql("""
				UPDATE online_checkout SET outcome = 'PENDING', outcome_at = ?
				 WHERE checkout_key = ? AND outcome IS NULL""")
			.params(Timestamp.from(clock.instant()), key)
			.update() == 1 || known(key);
	}

	/**
	 * The provider says the payment of the page opened under this key failed after all:
	 * nothing was paid, so the ledger is unchanged and what the visits or the package owe
	 * stands (the booking too: it stands unpaid, as when the patient gives up on the
	 * page). The patient is told (see {@link OnlinePaymentFailed}), once. Answers false
	 * for a key no page was opened under here.
	 */
	@Transactional
	boolean failed(String key, String why) {
		boolean first = jdbc.sql("""
				UPDATE online_checkout SET outcome = 'FAILED', outcome_at = ?, failure = ?
				 WHERE checkout_key = ? AND (outcome IS NULL OR outcome = 'PENDING')""")
			.params(Timestamp.from(clock.instant()), why, key)
			.update() == 1;
		if (first) {
			PatientId patient = PatientId.of(jdbc.sql("SELECT patient_id FROM online_checkout WHERE checkout_key = ?")
				.param(key)
				.query(UUID.class)
				.single());
			List<Item> items = items(key);
			events.publishEvent(new OnlinePaymentFailed(patient,
					items.stream().map(Item::appointmentId).filter(java.util.Objects::nonNull).toList(),
					items.stream().map(Item::amount).reduce(Money.zero(items.get(0).amount().currency()), Money::plus),
					why, UUID.nameUUIDFromBytes(("payment-failed:" + key).getBytes(StandardCharsets.UTF_8))));
		}
		return first || known(key);
	}

	/**
	 * What the provider said last of the latest page opened to pay for any of these
	 * visits; empty when none was opened, or nothing was heard of it yet.
	 */
	@Transactional(readOnly = true)
	public Optional<Outcome> lastOutcome(List<UUID> visits) {
		if (visits.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT c.outcome FROM online_checkout c
				 WHERE EXISTS (SELECT 1 FROM online_checkout_item i
				                WHERE i.checkout_key = c.checkout_key AND i.appointment_id = ANY (?))
				 ORDER BY c.opened_at DESC, c.checkout_key DESC LIMIT 1""")
			.param(visits.toArray(UUID[]::new))
			.query((rs, n) -> Optional.ofNullable(rs.getString("outcome")).map(Outcome::valueOf))
			.optional()
			.flatMap(outcome -> outcome);
	}

	private boolean known(String key) {
		return jdbc.sql("SELECT count(*) FROM online_checkout WHERE checkout_key = ?")
			.param(key)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The key to open a page under: the one derived from what it pays for, unless a page
	 * opened under it failed; then a new one, numbered by the failures, since the
	 * provider keeps a page once made under a key and a failed page cannot be paid again.
	 */
	private String fresh(String key) {
		int failures = jdbc.sql("""
				SELECT count(*) FROM online_checkout
				 WHERE (checkout_key = ? OR starts_with(checkout_key, ?)) AND outcome = 'FAILED'""")
			.params(key, key + ":again-")
			.query(Integer.class)
			.single();
		return failures == 0 ? key : key + ":again-" + failures;
	}

	private String open(Payer payer, String key, List<Item> items, ReturnTo back) {
		Money total = items.stream()
			.map(Item::amount)
			.reduce(Money.zero(items.get(0).amount().currency()), Money::plus);
		int opened = jdbc.sql("""
				INSERT INTO online_checkout (checkout_key, patient_id, amount_minor, currency, opened_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (checkout_key) DO NOTHING""")
			.params(key, payer.patientId().value(), total.minorUnits(), total.currency().getCurrencyCode(),
					Timestamp.from(clock.instant()))
			.update();
		if (opened == 1) {
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				jdbc.sql("""
						INSERT INTO online_checkout_item (checkout_key, item, purpose, appointment_id, holding_id,
						    amount_minor) VALUES (?, ?, ?, ?, ?, ?)""")
					.params(key, i + 1, item.purpose().name(), item.appointmentId(), item.holdingId(),
							item.amount().minorUnits())
					.update();
			}
		}
		UUID patientId = payer.patientId().value();
		String customer = cards.of(payer.patientId()).map(CardOnFile::customer).orElseGet(() -> {
			String made = provider.customer(patientId, payer.name(), payer.email());
			cards.customer(patientId, provider.name(), made);
			return made;
		});
		List<PaymentProvider.PageLine> lines = items.stream()
			.map(item -> new PaymentProvider.PageLine(item.name(), item.amount()))
			.toList();
		return provider.paymentPage(customer, patientId, lines, back.paid(), back.gaveUp(), key);
	}

	private List<Item> items(String key) {
		return jdbc.sql("""
				SELECT i.*, c.currency FROM online_checkout_item i JOIN online_checkout c USING (checkout_key)
				 WHERE i.checkout_key = ? ORDER BY i.item""")
			.param(key)
			.query((rs, n) -> new Item(Purpose.valueOf(rs.getString("purpose")),
					rs.getObject("appointment_id", UUID.class), rs.getObject("holding_id", UUID.class),
					Money.of(rs.getLong("amount_minor"), java.util.Currency.getInstance(rs.getString("currency"))),
					null))
			.list();
	}

	private Money owed(UUID visit) {
		return Balance.of(ledger.ofVisit(visit)).owed();
	}

	private static String amountKey(Money amount) {
		return amount.minorUnits() + amount.currency().getCurrencyCode();
	}

	/**
	 * A short name for a set of items and their amounts, the same whatever their order.
	 */
	private static String digest(List<Item> items) {
		String what = items.stream()
			.map(item -> item.appointmentId() + "=" + amountKey(item.amount()))
			.sorted()
			.reduce("", (a, b) -> a + b + ";");
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** One part of a page: what it pays, for which visit or package. */
	private record Item(Purpose purpose, UUID appointmentId, UUID holdingId, Money amount, String name) {
	}

}
