package org.unknot.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.unknot.MovableClock;
import org.unknot.TestNetwork;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.Money;

/**
 * The Stripe adapter, through Stripe's own library, against a fake of Stripe's endpoints
 * on loopback: fees charged once to the card on file whatever the provider does
 * (declines, fails, answers after the client gave up, is asked twice), refunds of card
 * payments, and webhooks that count only when signed, and only once.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "system", "booking", "patient", "availability", "practitioner" })
@ActiveProfiles("test")
@DirtiesContext
class StripePaymentsTests {

	static final String WEBHOOK_SECRET = "whsec_unknot_test";

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final FakeStripe STRIPE = FakeStripe.onLoopback();

	static final MovableClock CLOCK = new MovableClock();

	@TestBean(name = "clock", methodName = "movableClock")
	Clock clock;

	static Clock movableClock() {
		return CLOCK;
	}

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		STRIPE.configure(registry, WEBHOOK_SECRET);
		registry.add("unknot.payments.stripe.timeout-seconds", () -> "1");
	}

	@Autowired
	BookingDesk desk;

	@Autowired
	Cashier cashier;

	@Autowired
	Cards cards;

	@Autowired
	Attempts attempts;

	@Autowired
	Ledger ledger;

	@Autowired
	PaymentPolicies policies;

	@Autowired
	StripeWebhooks webhooks;

	@Autowired
	OnlinePayments online;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	Instant ten;

	@BeforeEach
	void aTherapistAtWorkAndAPolicyWithFees() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		ten = LocalDateTime.parse("2027-06-14T10:00").atZone(NEW_YORK).toInstant();
		policies.save(new PaymentPolicy(TestNetwork.MASSAGE, PaymentPolicy.Due.AT_VISIT, null, null,
				Duration.ofHours(24), Money.usd(4000), Money.usd(6000)));
		STRIPE.charging(FakeStripe.Behaviour.SUCCEED);
	}

	@AfterEach
	void realTime() {
		CLOCK.reset();
	}

	@AfterAll
	static void stopStripe() {
		STRIPE.close();
	}

	@Nested
	class AFeeToTheCardOnFile {

		@Test
		void isChargedOnceWithAKeyNamingTheVisitAndGetsAReceipt() {
			Booked booked = bookWithCardOnFile();
			UUID visit = booked.appointment().id();
			int before = STRIPE.charges().size();

			noShow(visit);

			String key = "collect:no_show_fee:" + visit;
			await().atMost(Duration.ofSeconds(10))
				.until(() -> attempts.find(key).map(Attempt::status).orElse(null) == Attempt.Status.SUCCEEDED);
			assertThat(cashier.carryOut(key)).isEqualTo(Attempt.Status.SUCCEEDED);
			assertThat(STRIPE.charges().subList(before, STRIPE.charges().size())).singleElement().satisfies(charge -> {
				assertThat(charge).containsEntry("amount", "6000")
					.containsEntry("off_session", "true")
					.containsEntry("payment_method", "pm_card_kept");
			});
			assertThat(payments(visit)).singleElement().satisfies(payment -> {
				assertThat(payment.method()).isEqualTo(Method.CARD_ON_FILE);
				assertThat(payment.receiptNumber()).isNotNull();
				assertThat(payment.providerReference()).startsWith("pi_");
			});
			assertThat(Balance.of(ledger.ofVisit(visit)).owed()).isEqualTo(Money.usd(0));
		}

		@Test
		void answeredAfterTheClientGaveUpIsRetriedUnderTheSameKeyAndChargedOnce() {
			Booked booked = bookWithCardOnFile();
			UUID visit = booked.appointment().id();
			int before = STRIPE.charges().size();
			int requestsBefore = STRIPE.requests();
			STRIPE.charging(FakeStripe.Behaviour.SLOW_ONCE);

			noShow(visit);

			String key = "collect:no_show_fee:" + visit;
			await().atMost(Duration.ofSeconds(15))
				.until(() -> attempts.find(key).map(Attempt::status).orElse(null) == Attempt.Status.SUCCEEDED);
			assertThat(STRIPE.requests() - requestsBefore).isGreaterThanOrEqualTo(2);
			assertThat(STRIPE.charges().size() - before).isEqualTo(1);
			assertThat(payments(visit)).hasSize(1);
		}

		@Test
		void declinedIsLeftFailedForTheFrontDeskAndOwed() {
			Booked booked = bookWithCardOnFile();
			UUID visit = booked.appointment().id();
			STRIPE.charging(FakeStripe.Behaviour.DECLINE);

			noShow(visit);

			String key = "collect:no_show_fee:" + visit;
			await().atMost(Duration.ofSeconds(10))
				.until(() -> attempts.find(key).map(Attempt::status).orElse(null) == Attempt.Status.FAILED);
			assertThat(attempts.failed()).anySatisfy(failed -> {
				assertThat(failed.key()).isEqualTo(key);
				assertThat(failed.failure()).contains("declined").contains("insufficient funds");
			});
			assertThat(payments(visit)).isEmpty();
			assertThat(Balance.of(ledger.ofVisit(visit)).owed()).isEqualTo(Money.usd(6000));
		}

		@Test
		void notAnsweredInTimeFailsAndATryLaterChargesOnce() {
			Booked booked = bookWithCardOnFile();
			UUID visit = booked.appointment().id();
			int before = STRIPE.charges().size();
			STRIPE.charging(FakeStripe.Behaviour.HANG);

			noShow(visit);

			String key = "collect:no_show_fee:" + visit;
			await().atMost(Duration.ofSeconds(20))
				.until(() -> attempts.find(key).map(Attempt::status).orElse(null) == Attempt.Status.FAILED);
			assertThat(attempts.find(key).orElseThrow().failure()).contains("did not answer");
			STRIPE.charging(FakeStripe.Behaviour.SUCCEED);

			assertThat(cashier.carryOut(key)).isEqualTo(Attempt.Status.SUCCEEDED);
			assertThat(cashier.carryOut(key)).isEqualTo(Attempt.Status.SUCCEEDED);
			assertThat(STRIPE.charges().size() - before).isEqualTo(1);
			assertThat(payments(visit)).hasSize(1);
		}

		@Test
		void failingAtStripeIsLeftForTheFrontDesk() {
			Booked booked = bookWithCardOnFile();
			UUID visit = booked.appointment().id();
			STRIPE.charging(FakeStripe.Behaviour.FAIL);

			noShow(visit);

			String key = "collect:no_show_fee:" + visit;
			await().atMost(Duration.ofSeconds(15))
				.until(() -> attempts.find(key).map(Attempt::status).orElse(null) == Attempt.Status.FAILED);
			assertThat(payments(visit)).isEmpty();
		}

		@Test
		void isNotChargedWithoutThePatientsConsent() {
			Booked booked = book();
			UUID patient = patientOf(booked);
			cards.customer(patient, "stripe", "cus_without_consent");
			int before = STRIPE.charges().size();

			noShow(booked.appointment().id());

			assertThat(attempts.ofVisit(booked.appointment().id())).isEmpty();
			assertThat(STRIPE.charges()).hasSize(before);
			assertThat(Balance.of(ledger.ofVisit(booked.appointment().id())).owed()).isEqualTo(Money.usd(6000));
		}

	}

	@Test
	void cancellingInTimeRefundsWhatWasPaidOnline() {
		Booked booked = book();
		UUID visit = booked.appointment().id();
		UUID patient = patientOf(booked);
		ledger.write(new Ledger.Line("online:test:" + visit, EntryKind.PAYMENT, Purpose.VISIT, patient, visit,
				Money.usd(2500), Method.ONLINE, "pi_paid_online", null), Actor.patient(PatientId.of(patient)));
		int before = STRIPE.refunds().size();
		CLOCK.set(ten.minus(Duration.ofDays(3)));

		desk.cancel(visit, booked.manageToken(), "patient");

		await().atMost(Duration.ofSeconds(10)).until(() -> Balance.of(ledger.ofVisit(visit)).owed().isZero());
		assertThat(STRIPE.refunds().subList(before, STRIPE.refunds().size())).singleElement()
			.satisfies(refund -> assertThat(refund).containsEntry("payment_intent", "pi_paid_online")
				.containsEntry("amount", "2500"));
	}

	@Test
	void aWebhookSignedByStripeKeepsTheCardAndCountsOnceWhenReplayed() {
		UUID patient = UUID.randomUUID();
		cashier.cardSetupPage(PatientId.of(patient), "Ada Lane", "ada@example.org", "http://localhost/back",
				"http://localhost/cancel");
		String payload = sessionCompleted("evt_" + UUID.randomUUID(), patient);
		String signature = sign(payload, WEBHOOK_SECRET);

		assertThat(webhooks.receive(payload, signature)).isTrue();
		assertThat(webhooks.receive(payload, signature)).isFalse();

		assertThat(cards.of(PatientId.of(patient))).hasValueSatisfying(card -> {
			assertThat(card.card()).isEqualTo("pm_card_kept");
			assertThat(card.chargeable()).isTrue();
			assertThat(card.consentWords()).isEqualTo(Cashier.CARD_CONSENT);
		});
	}

	@Test
	void aForgedWebhookIsRefusedAndChangesNothing() {
		UUID patient = UUID.randomUUID();
		cashier.cardSetupPage(PatientId.of(patient), "Bo Lane", "bo@example.org", "http://localhost/back",
				"http://localhost/cancel");
		String payload = sessionCompleted("evt_" + UUID.randomUUID(), patient);

		assertThatThrownBy(() -> webhooks.receive(payload, sign(payload, "whsec_someone_else")))
			.isInstanceOf(WebhookRefused.class);
		assertThatThrownBy(() -> webhooks.receive(payload, "t=1,v1=deadbeef")).isInstanceOf(WebhookRefused.class);
		assertThatThrownBy(() -> webhooks.receive(payload.replace("seti_", "seti_x"), sign(payload, WEBHOOK_SECRET)))
			.isInstanceOf(WebhookRefused.class);
		assertThat(cards.of(PatientId.of(patient))).hasValueSatisfying(card -> assertThat(card.chargeable()).isFalse());
	}

	private void aDepositAtBooking() {
		policies.save(new PaymentPolicy(TestNetwork.MASSAGE, PaymentPolicy.Due.DEPOSIT, Money.usd(2500), null,
				Duration.ofHours(24), Money.usd(4000), Money.usd(6000)));
	}

	@Test
	void opensOnePageForTheDepositWithItsAmountCurrencyAndKey() {
		aDepositAtBooking();
		Booked booked = book();
		UUID visit = booked.appointment().id();
		int before = STRIPE.sessions().size();

		String page = online.payVisits(payer(booked), List.of(new OnlinePayments.VisitToPay(visit, "Massage")), BACK)
			.orElseThrow();
		String again = online.payVisits(payer(booked), List.of(new OnlinePayments.VisitToPay(visit, "Massage")), BACK)
			.orElseThrow();

		assertThat(again).isEqualTo(page).startsWith(STRIPE.base() + "/pay/cs_");
		assertThat(STRIPE.sessions().subList(before, STRIPE.sessions().size())).singleElement()
			.satisfies(session -> assertThat(session).containsEntry("mode", "payment")
				.containsEntry("line_items[0][price_data][unit_amount]", "2500")
				.containsEntry("line_items[0][price_data][currency]", "usd")
				.containsEntry("line_items[0][price_data][product_data][name]", "Massage")
				.containsEntry("client_reference_id", patientOf(booked).toString())
				.containsEntry("metadata[key]", "checkout:visit:" + visit + ":2500USD")
				.containsEntry("success_url", BACK.paid())
				.containsEntry("cancel_url", BACK.gaveUp()));
	}

	@Test
	void aSeriesPaysEachVisitsDepositOnOnePage() {
		aDepositAtBooking();
		Booked first = book();
		Booked second = bookAt(ten.plus(Duration.ofDays(7)), first);
		int before = STRIPE.sessions().size();

		online.payVisits(payer(first), List.of(new OnlinePayments.VisitToPay(first.appointment().id(), "Visit 1"),
				new OnlinePayments.VisitToPay(second.appointment().id(), "Visit 2")), BACK);
		String key = STRIPE.sessions().get(before).get("metadata[key]");
		String payload = paid(key, patientOf(first), 5000);
		webhooks.receive(payload, sign(payload, WEBHOOK_SECRET));

		assertThat(key).startsWith("checkout:visits:");
		assertThat(payments(first.appointment().id())).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.usd(2500)));
		assertThat(payments(second.appointment().id())).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.usd(2500)));
	}

	@Test
	void whenPaidIsRecordedOnceEvenIfStripeSendsItAgain() {
		aDepositAtBooking();
		Booked booked = book();
		UUID visit = booked.appointment().id();
		String key = open(booked);
		String payload = paid(key, patientOf(booked), 2500);

		assertThat(webhooks.receive(payload, sign(payload, WEBHOOK_SECRET))).isTrue();
		assertThat(webhooks.receive(payload, sign(payload, WEBHOOK_SECRET))).isFalse();
		String resentAsNewEvent = payload.replace("\"id\":\"evt_", "\"id\":\"evt_again_");
		webhooks.receive(resentAsNewEvent, sign(resentAsNewEvent, WEBHOOK_SECRET));

		assertThat(payments(visit)).singleElement().satisfies(payment -> {
			assertThat(payment.method()).isEqualTo(Method.ONLINE);
			assertThat(payment.amount()).isEqualTo(Money.usd(2500));
			assertThat(payment.providerReference()).isEqualTo("pi_for_" + key);
			assertThat(payment.receiptNumber()).isNotNull();
		});
		assertThat(Balance.of(ledger.ofVisit(visit)).owed().isZero()).isTrue();
		assertThat(online.payVisits(payer(booked), List.of(new OnlinePayments.VisitToPay(visit, "Massage")), BACK))
			.isEmpty();
	}

	@Test
	void aForgedPaymentIsRefusedAndNothingIsPaid() {
		aDepositAtBooking();
		Booked booked = book();
		String payload = paid(open(booked), patientOf(booked), 2500);

		assertThatThrownBy(() -> webhooks.receive(payload, sign(payload, "whsec_someone_else")))
			.isInstanceOf(WebhookRefused.class);

		assertThat(payments(booked.appointment().id())).isEmpty();
		assertThat(Balance.of(ledger.ofVisit(booked.appointment().id())).owed()).isEqualTo(Money.usd(2500));
	}

	@Test
	void givenUpLeavesTheDepositOwedAndPayNowOpensTheSamePage() {
		aDepositAtBooking();
		Booked booked = book();
		UUID visit = booked.appointment().id();
		String page = online.payVisits(payer(booked), List.of(new OnlinePayments.VisitToPay(visit, "Massage")), BACK)
			.orElseThrow();

		assertThat(Balance.of(ledger.ofVisit(visit)).owed()).isEqualTo(Money.usd(2500));
		assertThat(online.owedNow(List.of(visit))).isEqualTo(Money.usd(2500));
		assertThat(online.payVisits(payer(booked), List.of(new OnlinePayments.VisitToPay(visit, "Massage")), BACK))
			.hasValue(page);
	}

	@Test
	void aDelayedPaymentCompletedUnpaidIsPendingAndRecordsNothing() {
		aDepositAtBooking();
		Booked booked = book();
		UUID visit = booked.appointment().id();
		String payload = pending(open(booked), patientOf(booked), 2500);

		webhooks.receive(payload, sign(payload, WEBHOOK_SECRET));

		assertThat(payments(visit)).isEmpty();
		assertThat(online.lastOutcome(List.of(visit))).hasValue(OnlinePayments.Outcome.PENDING);
	}

	@Test
	void aDelayedPaymentSucceedingLaterIsPaidOnceAndNoLongerPending() {
		aDepositAtBooking();
		Booked booked = book();
		UUID visit = booked.appointment().id();
		String key = open(booked);
		String pending = pending(key, patientOf(booked), 2500);
		webhooks.receive(pending, sign(pending, WEBHOOK_SECRET));

		String succeeded = later("checkout.session.async_payment_succeeded", key, patientOf(booked), 2500);
		webhooks.receive(succeeded, sign(succeeded, WEBHOOK_SECRET));
		String again = succeeded.replace("\"id\":\"evt_", "\"id\":\"evt_again_");
		webhooks.receive(again, sign(again, WEBHOOK_SECRET));

		assertThat(payments(visit)).singleElement()
			.satisfies(paid -> assertThat(paid.amount()).isEqualTo(Money.usd(2500)));
		assertThat(Balance.of(ledger.ofVisit(visit)).owed().isZero()).isTrue();
		assertThat(online.lastOutcome(List.of(visit))).hasValue(OnlinePayments.Outcome.PAID);
	}

	@Test
	void aDelayedPaymentFailingLaterLeavesTheVisitBookedAndOwingTellsThePatientAndPayingAgainOpensANewPage(
			AssertablePublishedEvents events) {
		aDepositAtBooking();
		Booked booked = book();
		UUID visit = booked.appointment().id();
		String key = open(booked);
		String pending = pending(key, patientOf(booked), 2500);
		webhooks.receive(pending, sign(pending, WEBHOOK_SECRET));

		String failed = later("checkout.session.async_payment_failed", key, patientOf(booked), 2500);
		webhooks.receive(failed, sign(failed, WEBHOOK_SECRET));
		String resent = failed.replace("\"id\":\"evt_", "\"id\":\"evt_again_");
		webhooks.receive(resent, sign(resent, WEBHOOK_SECRET));

		assertThat(payments(visit)).isEmpty();
		assertThat(Balance.of(ledger.ofVisit(visit)).owed()).isEqualTo(Money.usd(2500));
		assertThat(desk.find(visit, booked.manageToken()).status()).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(online.lastOutcome(List.of(visit))).hasValue(OnlinePayments.Outcome.FAILED);
		assertThat(events.ofType(OnlinePaymentFailed.class)
			.matching(OnlinePaymentFailed::patientId, booked.appointment().patientId()::equals)).singleElement()
			.satisfies(told -> {
				assertThat(told.appointmentIds()).containsExactly(visit);
				assertThat(told.amount()).isEqualTo(Money.usd(2500));
			});
		String again = open(booked);
		assertThat(again).isEqualTo(key + ":again-1");
		assertThat(online.lastOutcome(List.of(visit))).isEmpty();
	}

	@Test
	void aForgedFailureOfADelayedPaymentIsRefusedAndChangesNothing() {
		aDepositAtBooking();
		Booked booked = book();
		String key = open(booked);
		String failed = later("checkout.session.async_payment_failed", key, patientOf(booked), 2500);

		assertThatThrownBy(() -> webhooks.receive(failed, sign(failed, "whsec_someone_else")))
			.isInstanceOf(WebhookRefused.class);

		assertThat(online.lastOutcome(List.of(booked.appointment().id()))).isEmpty();
	}

	/**
	 * Stripe's event for a Checkout page completed with a delayed method, not yet paid.
	 */
	static String pending(String key, UUID patient, long cents) {
		return paid(key, patient, cents).replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"");
	}

	/** Stripe's event for the delayed payment of a Checkout page, succeeded or failed. */
	static String later(String type, String key, UUID patient, long cents) {
		String status = type.endsWith("succeeded") ? "paid" : "unpaid";
		return paid(key, patient, cents).replace("checkout.session.completed", type)
			.replace("\"payment_status\":\"paid\"", "\"payment_status\":\"" + status + "\"");
	}

	@Test
	void aPackagePaidOnlineIsRecordedOnceAndAnnounced(AssertablePublishedEvents events) {
		aDepositAtBooking();
		UUID patient = UUID.randomUUID();
		UUID holding = UUID.randomUUID();
		int before = STRIPE.sessions().size();
		online.payPackage(new OnlinePayments.Payer(PatientId.of(patient), "Ada Lane", "ada@example.org"), holding,
				"6 x 60-minute massage", Money.usd(54000), BACK);
		String key = STRIPE.sessions().get(before).get("metadata[key]");
		String payload = paid(key, patient, 54000);

		webhooks.receive(payload, sign(payload, WEBHOOK_SECRET));
		String resent = payload.replace("\"id\":\"evt_", "\"id\":\"evt_again_");
		webhooks.receive(resent, sign(resent, WEBHOOK_SECRET));

		assertThat(key).isEqualTo("checkout:package:" + holding + ":54000USD");
		assertThat(ledger.ofPatient(PatientId.of(patient))).singleElement().satisfies(paid -> {
			assertThat(paid.purpose()).isEqualTo(Purpose.PACKAGE);
			assertThat(paid.amount()).isEqualTo(Money.usd(54000));
		});
		assertThat(events.ofType(PackagePaidOnline.class).matching(PackagePaidOnline::holdingId, holding::equals))
			.hasSize(1);
	}

	private String open(Booked booked) {
		int before = STRIPE.sessions().size();
		online.payVisits(payer(booked), List.of(new OnlinePayments.VisitToPay(booked.appointment().id(), "Massage")),
				BACK);
		return STRIPE.sessions().get(before).get("metadata[key]");
	}

	static final OnlinePayments.ReturnTo BACK = new OnlinePayments.ReturnTo("http://localhost/book/d/confirmed?paid",
			"http://localhost/book/d/confirmed?gave-up");

	private static OnlinePayments.Payer payer(Booked booked) {
		return new OnlinePayments.Payer(booked.appointment().patientId(), "Dee Payer", "dee@example.org");
	}

	/** Stripe's event for a Checkout page paid in full. */
	static String paid(String key, UUID patient, long cents) {
		return """
				{"id":"evt_%s","object":"event","api_version":"%s","type":"checkout.session.completed",
				 "data":{"object":{"id":"cs_paid","object":"checkout.session","mode":"payment","payment_status":"paid",
				 "client_reference_id":"%s","amount_total":%d,"currency":"usd","payment_intent":"pi_for_%s",
				 "metadata":{"patient":"%s","key":"%s"}}}}""".formatted(UUID.randomUUID(), Stripe.API_VERSION, patient,
				cents, key, patient, key);
	}

	private static String sessionCompleted(String eventId, UUID patient) {
		return """
				{"id":"%s","object":"event","api_version":"%s","type":"checkout.session.completed",
				 "data":{"object":{"id":"cs_1","object":"checkout.session","mode":"setup",
				 "setup_intent":"seti_1","client_reference_id":"%s"}}}""".formatted(eventId, Stripe.API_VERSION,
				patient);
	}

	static String sign(String payload, String secret) {
		long now = Webhook.Util.getTimeNow();
		try {
			return "t=" + now + ",v1=" + Webhook.Util.computeHmacSha256(secret, now + "." + payload);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<LedgerEntry> payments(UUID visit) {
		return ledger.ofVisit(visit).stream().filter(e -> e.kind() == EntryKind.PAYMENT).toList();
	}

	private void noShow(UUID visit) {
		CLOCK.set(ten.plus(Duration.ofMinutes(20)));
		desk.markNoShow(visit);
	}

	private Booked bookWithCardOnFile() {
		Booked booked = book();
		UUID patient = patientOf(booked);
		cards.customer(patient, "stripe", "cus_" + patient);
		cards.offer(patient, Cashier.CARD_CONSENT);
		cards.keep(patient, "pm_card_kept", "Visa ending 4242");
		return booked;
	}

	private Booked book() {
		return bookAt(ten, null);
	}

	/** A visit at {@code start}, for the patient of {@code samePatient} if given. */
	private Booked bookAt(Instant start, Booked samePatient) {
		String email = samePatient == null ? "dee." + UUID.randomUUID() + "@example.org"
				: jdbc.sql("SELECT email FROM patient WHERE id = ?")
					.param(patientOf(samePatient))
					.query(String.class)
					.single();
		Booked booked = desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist),
				LocationId.of(clinic), start), null,
				new PatientDetails("Dee", "Payer", email, null, LocalDate.of(1980, 1, 1)));
		cashier.booked(booked.appointment().id(), booked.appointment().patientId(), booked.appointment().serviceId(),
				false);
		return booked;
	}

	private static UUID patientOf(Booked booked) {
		return booked.appointment().patientId().value();
	}

}
