package org.unknot.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Money;

/**
 * Keeps a visit's money straight: what is owed when it is booked, what the desk takes,
 * fees and waivers, and the charges and refunds asked of the provider. Decisions are
 * written to the ledger in the caller's transaction; the provider is asked only after
 * they commit, with a key derived from what is paid for.
 */
@Service
public class Cashier {

	private final Ledger ledger;

	private final Attempts attempts;

	private final Cards cards;

	private final PaymentPolicies policies;

	private final CareServices services;

	private final PaymentProvider provider;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final VisitPrices prices;

	Cashier(Ledger ledger, Attempts attempts, Cards cards, PaymentPolicies policies, CareServices services,
			PaymentProvider provider, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			VisitPrices prices) {
		this.prices = prices;
		this.ledger = ledger;
		this.attempts = attempts;
		this.cards = cards;
		this.policies = policies;
		this.services = services;
		this.provider = provider;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * A visit was booked: for a self-pay visit, what its service's policy asks at booking
	 * (the full price or a deposit) is owed from now on. The rest is owed at the visit.
	 */
	@Transactional
	public void booked(UUID appointmentId, PatientId patient, ServiceId serviceId, boolean coveredByInsurance) {
		UUID patientId = patient.value();
		Money price = priceOf(serviceId);
		prices.record(appointmentId, price);
		if (coveredByInsurance) {
			return;
		}
		PaymentPolicy policy = policies.of(serviceId);
		Money atBooking = policy.dueAtBooking(price);
		if (atBooking.isPositive()) {
			ledger.write(new Ledger.Line("charge:booking:" + appointmentId, EntryKind.CHARGE, Purpose.VISIT, patientId,
					appointmentId, atBooking, null, null, "Due at booking"), Actor.SYSTEM);
		}
	}

	/** The price of a visit of this service, as the catalog has it now. */
	public Money priceOf(ServiceId serviceId) {
		return Money.usd(services.get("service", serviceId.value()).priceCents());
	}

	/**
	 * The price of a booked visit: as the catalog had it when the visit was booked
	 * (today's for a visit with no price kept).
	 */
	public Money priceOf(UUID appointmentId, ServiceId serviceId) {
		return prices.of(appointmentId).orElseGet(() -> priceOf(serviceId));
	}

	/**
	 * The visit took place or is being checked out: the rest of its price is owed (once,
	 * whatever is asked twice).
	 */
	@Transactional
	public void chargeTheVisit(UUID appointmentId, PatientId patient, ServiceId serviceId, boolean coveredByInsurance) {
		UUID patientId = patient.value();
		if (coveredByInsurance) {
			return;
		}
		Money price = priceOf(appointmentId, serviceId);
		Money charged = ledger.ofVisit(appointmentId)
			.stream()
			.filter(e -> e.kind() == EntryKind.CHARGE && e.purpose() == Purpose.VISIT)
			.map(LedgerEntry::amount)
			.reduce(Money.zero(price.currency()), Money::plus);
		Money rest = price.minus(charged);
		if (rest.isPositive()) {
			ledger.write(new Ledger.Line("charge:visit:" + appointmentId, EntryKind.CHARGE, Purpose.VISIT, patientId,
					appointmentId, rest, null, null, "The visit"), Actor.SYSTEM);
		}
	}

	/**
	 * Money the front desk took (or gave back) itself. Refused beside the amount when it
	 * is not an amount, nothing, or more than is owed (or to give back).
	 */
	@Transactional
	public LedgerEntry recordAtDesk(UUID appointmentId, PatientId patient, String typedAmount, Method method,
			boolean givingBack, Actor by) {
		UUID patientId = patient.value();
		if (method == null || !method.recordedAtDesk()) {
			throw new InvalidRequest("method", "Choose how it was paid.");
		}
		Money amount = Money.parse(typedAmount, Money.USD)
			.filter(Money::isPositive)
			.orElseThrow(() -> new InvalidRequest("amount", "Type an amount in dollars and cents, such as 45.00."));
		Money owed = Balance.of(ledger.ofVisit(appointmentId)).owed();
		Money limit = givingBack ? owed.negated() : owed;
		if (amount.compareTo(limit) > 0) {
			throw new InvalidRequest("amount", limit.isPositive()
					? "That is more than the " + limit.inWords() + (givingBack ? " to give back." : " owed.")
					: givingBack ? "Nothing is to be given back for this visit." : "Nothing is owed for this visit.");
		}
		EntryKind kind = givingBack ? EntryKind.REFUND : EntryKind.PAYMENT;
		return ledger
			.write(new Ledger.Line("desk:" + UUID.randomUUID(), kind, purposeOwed(appointmentId), patientId,
					appointmentId, amount, method, null, null), by)
			.orElseThrow();
	}

	/**
	 * A package was sold: its price is owed from now on, once, whatever is asked twice.
	 */
	@Transactional
	public void packageSold(UUID holdingId, PatientId patient, Money price) {
		ledger.write(new Ledger.Line("charge:package:" + holdingId, EntryKind.CHARGE, Purpose.PACKAGE, patient.value(),
				null, price, null, null, "Package sold"), Actor.SYSTEM);
	}

	/**
	 * The price of a package was paid, at the sale or later at the desk: one payment with
	 * a receipt, never two for the same package.
	 */
	@Transactional
	public Optional<LedgerEntry> packagePaid(UUID holdingId, PatientId patient, Money price, Method method, Actor by) {
		if (method == null || !method.recordedAtDesk()) {
			throw new InvalidRequest("paidHow", "Choose how it was paid.");
		}
		return ledger.write(new Ledger.Line("package:" + holdingId + ":paid", EntryKind.PAYMENT, Purpose.PACKAGE,
				patient.value(), null, price, method, null, null), by);
	}

	/**
	 * Waives what is still owed of a fee, with the staff member's reason; a charge of it
	 * still waiting for the provider, or failed, is no longer followed up.
	 */
	@Transactional
	public Optional<LedgerEntry> waive(UUID appointmentId, Purpose fee, String reason, Actor by) {
		if (fee == Purpose.VISIT) {
			throw new InvalidRequest("fee", "Only a fee can be waived here.");
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidRequest("reason", "Say why the fee is waived (at most 500 characters).");
		}
		List<LedgerEntry> rows = ledger.ofVisit(appointmentId);
		Money charged = sum(rows, EntryKind.CHARGE, fee);
		Money waived = sum(rows, EntryKind.WAIVER, fee);
		Money open = charged.minus(waived).min(Balance.of(rows).owed());
		if (!open.isPositive()) {
			throw new InvalidRequest("fee", "Nothing of this fee is still owed.");
		}
		UUID patientId = rows.get(0).patientId();
		Optional<LedgerEntry> waiver = ledger.write(new Ledger.Line("waiver:" + fee.name() + ":" + appointmentId,
				EntryKind.WAIVER, fee, patientId, appointmentId, open, null, null, reason.strip()), by);
		attempts.ofVisit(appointmentId)
			.stream()
			.filter(a -> a.action() == Attempt.Action.CHARGE && a.purpose() == fee)
			.filter(a -> a.status() == Attempt.Status.FAILED || a.status() == Attempt.Status.PENDING)
			.forEach(a -> attempts.finish(a.key(), Attempt.Status.SETTLED, null, "Waived: " + reason.strip()));
		return waiver;
	}

	/**
	 * After a visit's rows changed (a fee, a waiver): what is still owed for a fee is
	 * charged to the card on file, if the patient agreed to that; what was paid beyond
	 * what is owed is given back through the provider where the provider took it. What
	 * the provider cannot do stays owed (or to give back) at the desk.
	 */
	@Transactional
	public void settle(UUID appointmentId, PatientId patient, Purpose purpose) {
		UUID patientId = patient.value();
		List<LedgerEntry> rows = ledger.ofVisit(appointmentId);
		Money owed = Balance.of(rows).owed();
		if (owed.isPositive() && purpose != Purpose.VISIT) {
			Optional<CardOnFile> card = cards.of(patient).filter(CardOnFile::chargeable);
			String key = "collect:" + purpose.name().toLowerCase() + ":" + appointmentId;
			if (provider.online() && card.isPresent()
					&& attempts.start(key, Attempt.Action.CHARGE, null, patientId, appointmentId, purpose, owed)) {
				events.publishEvent(new ProviderAttemptStarted(key));
			}
		}
		else if (owed.isNegative()) {
			Money toGiveBack = owed.negated();
			for (LedgerEntry payment : rows) {
				if (payment.kind() != EntryKind.PAYMENT || payment.providerReference() == null
						|| !toGiveBack.isPositive()) {
					continue;
				}
				Money part = payment.amount().min(toGiveBack);
				String key = "refund:" + payment.id();
				if (attempts.start(key, Attempt.Action.REFUND, payment.providerReference(), patientId, appointmentId,
						payment.purpose(), part)) {
					events.publishEvent(new ProviderAttemptStarted(key));
				}
				toGiveBack = toGiveBack.minus(part);
			}
		}
	}

	/** The words a patient agrees to when giving a card to keep on file. */
	public static final String CARD_CONSENT = "I allow the clinic to charge this card for fees its payment policy "
			+ "names (late cancellations and missed visits) and for amounts I owe for my visits, without asking me "
			+ "each time. I can ask the front desk to remove the card at any time.";

	/**
	 * Where the patient gives a card to keep on file, on the provider's own page: the
	 * consent words are kept now and count once the card is given.
	 */
	public String cardSetupPage(PatientId patient, String name, String email, String returnUrl, String cancelUrl) {
		UUID patientId = patient.value();
		if (!provider.online()) {
			throw new PaymentsAtDeskOnly();
		}
		String customer = cards.of(patient).map(CardOnFile::customer).orElseGet(() -> {
			String made = provider.customer(patientId, name, email);
			cards.customer(patientId, provider.name(), made);
			return made;
		});
		cards.offer(patientId, CARD_CONSENT);
		return provider.cardSetupPage(customer, patientId, returnUrl, cancelUrl,
				"card-setup:" + patientId + ":" + UUID.randomUUID());
	}

	/** Whether payments can be made online (and cards kept on file). */
	public boolean online() {
		return provider.online();
	}

	/**
	 * Asks the provider for a charge or refund decided before, and writes what it
	 * answered. Safe to run twice or at once: the provider sees the same idempotency key,
	 * the ledger the same row key.
	 */
	public Attempt.Status carryOut(String key) {
		Optional<Attempt> ready = transaction.execute(status -> attempts.lock(key)
			.filter(a -> a.status() == Attempt.Status.PENDING || a.status() == Attempt.Status.FAILED));
		if (ready.isEmpty()) {
			return attempts.find(key).map(Attempt::status).orElse(Attempt.Status.SETTLED);
		}
		Attempt attempt = ready.get();
		PaymentProvider.Outcome outcome = ask(attempt);
		return transaction.execute(status -> {
			if (outcome.done()) {
				paid(attempt, outcome.reference());
				return Attempt.Status.SUCCEEDED;
			}
			Attempt now = attempts.lock(key).orElseThrow();
			if (now.status() != Attempt.Status.SUCCEEDED && now.status() != Attempt.Status.SETTLED) {
				attempts.finish(key, Attempt.Status.FAILED, null, outcome.failure());
			}
			return Attempt.Status.FAILED;
		});
	}

	/**
	 * The provider took the money of an attempt (its answer, or its webhook later): the
	 * payment or refund is written once.
	 */
	@Transactional
	public void paid(Attempt attempt, String providerReference) {
		EntryKind kind = attempt.action() == Attempt.Action.CHARGE ? EntryKind.PAYMENT : EntryKind.REFUND;
		ledger.write(
				new Ledger.Line("provider:" + attempt.key(), kind, attempt.purpose(), attempt.patientId(),
						attempt.appointmentId(), attempt.amount(), Method.CARD_ON_FILE, providerReference, null),
				Actor.SYSTEM);
		attempts.finish(attempt.key(), Attempt.Status.SUCCEEDED, providerReference, null);
	}

	private PaymentProvider.Outcome ask(Attempt attempt) {
		if (attempt.action() == Attempt.Action.REFUND) {
			return provider.refund(attempt.refundOf(), attempt.amount(), attempt.key());
		}
		Optional<CardOnFile> card = cards.of(PatientId.of(attempt.patientId())).filter(CardOnFile::chargeable);
		if (card.isEmpty()) {
			return PaymentProvider.Outcome.failed("There is no card on file that the patient agreed to be charged.");
		}
		return provider.chargeCardOnFile(card.get().customer(), card.get().card(), attempt.amount(),
				attempt.purpose().label(), attempt.key());
	}

	/** The purpose a payment goes to: the visit, or the fee still owed. */
	Purpose purposeOwed(UUID appointmentId) {
		return ledger.ofVisit(appointmentId)
			.stream()
			.filter(e -> e.kind() == EntryKind.CHARGE && e.purpose() != Purpose.VISIT)
			.map(LedgerEntry::purpose)
			.findFirst()
			.orElse(Purpose.VISIT);
	}

	private static Money sum(List<LedgerEntry> rows, EntryKind kind, Purpose purpose) {
		return rows.stream()
			.filter(e -> e.kind() == kind && e.purpose() == purpose)
			.map(LedgerEntry::amount)
			.reduce(Money.usd(0), Money::plus);
	}

}
