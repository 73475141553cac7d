package org.unknot.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.PackageFixture;
import org.unknot.SecuredMockMvc;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.CancelledBy;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Money;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Repeat;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.visit.MoveNotCovered;
import org.unknot.visit.MovedVisit;
import org.unknot.visit.VisitMoves;

/**
 * Credits bought, spent by bookings, given back by cancellations in time, and written off
 * when a package runs out; every movement a row whose balance the database keeps honest.
 */
@UnknotIntegrationTest
class CreditLedgerTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final BookedBy DESK = BookedBy.staff(UUID.randomUUID(), "FRONT_DESK");

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	PackageAdmin admin;

	@Autowired
	PackageSales sales;

	@Autowired
	org.unknot.payment.Ledger payments;

	@Autowired
	CreditLedger ledger;

	@Autowired
	CreditReturns returns;

	@Autowired
	VisitBooking visits;

	@Autowired
	BookingDesk desk;

	@Autowired
	VisitMoves moves;

	@Autowired
	Patients patients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	void transactions(org.springframework.transaction.PlatformTransactionManager manager) {
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(manager);
	}

	PackageFixture packages;

	String clinic;

	String therapist;

	PatientDetails patient;

	PatientId patientId;

	@BeforeEach
	void openAClinicAndAPatient() {
		packages = new PackageFixture(jdbc, admin);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		patient = new PatientDetails("Tova", "Brandt", "tova." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1979, 2, 11));
		patientId = PatientId.of(patients.identify(patient));
	}

	@Nested
	class WhenAPackageIsSold {

		@Test
		void buysItsCreditsAsTheFirstRowOfTheLedger() {
			Holding holding = sales.sell(patientId, packages.massage(6, 180), PaidHow.CASH);

			assertThat(holding.balance()).isEqualTo(6);
			assertThat(holding.price()).isEqualTo(Money.usd(54000));
			assertThat(holding.owed()).isFalse();
			assertThat(holding.validUntil()).isEqualTo(holding.soldAt().plus(Duration.ofDays(180)));
			assertThat(ledger.movements(holding.id())).singleElement().satisfies(row -> {
				assertThat(row.kind()).isEqualTo(CreditMovement.Kind.BOUGHT);
				assertThat(row.balanceAfter()).isEqualTo(6);
			});
		}

		@Test
		void boughtOnlineToPayAtTheClinicIsOwedUntilTheDeskRecordsPayment() {
			Holding holding = sales.sell(patientId, packages.massage(6, 180), PaidHow.TO_PAY_AT_CLINIC);
			assertThat(holding.owed()).isTrue();

			assertThat(sales.settle(holding.id(), PaidHow.CARD_TERMINAL).paidHow()).isEqualTo(PaidHow.CARD_TERMINAL);
			assertThatThrownBy(() -> sales.settle(holding.id(), PaidHow.CASH)).isInstanceOf(InvalidRequest.class);
		}

		@Test
		void soldToPayOnlineHasItsCreditsOnlyOnceItIsPaidOnline() {
			Holding holding = sales.sellToPayOnline(patientId, packages.massage(6, 180));
			assertThat(holding.owed()).isTrue();
			assertThat(holding.balance()).isZero();

			var paid = new org.unknot.payment.PackagePaidOnline(holding.id(), patientId, Money.usd(54000));
			transactions.executeWithoutResult(status -> events.publishEvent(paid));
			transactions.executeWithoutResult(status -> events.publishEvent(paid));

			Holding now = ledger.holding(holding.id()).orElseThrow();
			assertThat(now.paidHow()).isEqualTo(PaidHow.ONLINE);
			assertThat(now.balance()).isEqualTo(6);
			assertThat(ledger.movements(holding.id())).extracting(CreditMovement::kind)
				.containsExactly(CreditMovement.Kind.BOUGHT);
		}

		@Test
		void soldToPayOnlineButPaidAtTheDeskAfterAllHasItsCredits() {
			Holding holding = sales.sellToPayOnline(patientId, packages.massage(6, 180));

			assertThat(sales.settle(holding.id(), PaidHow.CASH).balance()).isEqualTo(6);
			assertThatThrownBy(() -> sales.settle(holding.id(), PaidHow.ONLINE)).isInstanceOf(InvalidRequest.class);
		}

		@Test
		void isOwedInTheMoneyLedgerAndPaidWithOneReceipt() {
			Holding holding = sales.sell(patientId, packages.massage(6, 180), PaidHow.TO_PAY_AT_CLINIC);
			assertThat(org.unknot.payment.Balance.of(payments.ofPatient(patientId)).owed()).isEqualTo(Money.usd(54000));

			sales.settle(holding.id(), PaidHow.CASH);

			var rows = payments.ofPatient(patientId);
			assertThat(org.unknot.payment.Balance.of(rows).owed()).isEqualTo(Money.usd(0));
			assertThat(rows).filteredOn(org.unknot.payment.LedgerEntry::movesMoney).singleElement().satisfies(paid -> {
				assertThat(paid.purpose()).isEqualTo(org.unknot.payment.Purpose.PACKAGE);
				assertThat(paid.method()).isEqualTo(org.unknot.payment.Method.CASH);
				assertThat(paid.receiptNumber()).isNotNull();
			});
		}

		@Test
		void refusesAPackageTakenOffSale() {
			String id = packages.massage(6, 180);
			admin.stopSelling(id);

			assertThatThrownBy(() -> sales.sell(patientId, id, PaidHow.CASH)).isInstanceOf(InvalidRequest.class);
		}

	}

	@Nested
	class WhenAVisitIsBooked {

		@Test
		void aCoveredServiceSpendsOneCreditAndSaysHowManyRemain() {
			Holding holding = sales.sell(patientId, packages.massage(6, 180), PaidHow.CASH);

			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThat(ledger.spentOn(booked.appointment().id())).hasValueSatisfying(use -> {
				assertThat(use.holdingId()).isEqualTo(holding.id());
				assertThat(use.remaining()).isEqualTo(5);
			});
		}

		@Test
		void aPatientNewInTheTransactionThatSellsThemAPackageSpendsItsCredit() {
			PatientDetails newcomer = new PatientDetails("Ivo", "Brandt", "ivo." + UUID.randomUUID() + "@example.org",
					null, LocalDate.of(1984, 6, 1));

			Booked booked = transactions.execute(status -> {
				PatientId id = PatientId.of(patients.identify(newcomer));
				sales.sell(id, packages.massage(6, 180), PaidHow.CASH);
				return visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(newcomer), BookedBy.PATIENT);
			});

			assertThat(ledger.spentOn(booked.appointment().id()))
				.hasValueSatisfying(use -> assertThat(use.remaining()).isEqualTo(5));
		}

		@Test
		void aServiceThePackageDoesNotCoverSpendsNothing() {
			String id = packages.define("Consultations " + TestNetwork.shortId(), List.of(TestNetwork.CONSULTATION), 3,
					90);
			Holding holding = sales.sell(patientId, id, PaidHow.CASH);

			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThat(ledger.spentOn(booked.appointment().id())).isEmpty();
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(3);
		}

		@Test
		void aVisitAfterThePackageRunsOutSpendsNothing() {
			sales.sell(patientId, packages.massage(6, 1), PaidHow.CASH);

			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThat(ledger.spentOn(booked.appointment().id())).isEmpty();
		}

		@Test
		void aSeriesSpendsOneCreditPerVisitWhileCreditsLast() {
			Holding holding = sales.sell(patientId, packages.massage(2, 365), PaidHow.CASH);

			SeriesOutcome outcome = visits.bookSeries(massageAt(MONDAY, 10), null, new Repeat(1, 3, false),
					VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThat(outcome.booked()).hasSize(3);
			List<Integer> remaining = outcome.booked()
				.stream()
				.map(booked -> ledger.spentOn(booked.appointment().id()).map(CreditUse::remaining).orElse(-1))
				.toList();
			assertThat(remaining.stream().filter(left -> left >= 0)).hasSize(2);
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isZero();
		}

	}

	@Nested
	class WhenAVisitIsCancelled {

		@Test
		void withinPolicyTheCreditComesBackOnce() {
			Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			desk.cancelForClinic(booked.appointment().id(), "caller asked");

			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(6);
			assertThat(ledger.giveBack(booked.appointment().id())).isEmpty();
			assertThat(ledger.movements(holding.id())).extracting(CreditMovement::kind)
				.containsExactly(CreditMovement.Kind.BOUGHT, CreditMovement.Kind.SPENT, CreditMovement.Kind.RETURNED);
		}

		@Test
		void lateTheCreditStaysSpent() {
			Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			var visit = booked.appointment();

			returns.on(new AppointmentCancelled(visit.id(), visit.patientId(), null, visit.serviceId(),
					visit.practitionerId(), visit.location(), clock.instant().plus(Duration.ofHours(3)),
					clock.instant().plus(Duration.ofHours(4)), 0, "patient", CancelledBy.PATIENT));

			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(5);
		}

		@Test
		void lateByTheClinicTheCreditComesBack() {
			Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			var visit = booked.appointment();

			returns.on(new AppointmentCancelled(visit.id(), visit.patientId(), null, visit.serviceId(),
					visit.practitionerId(), visit.location(), clock.instant().plus(Duration.ofHours(3)),
					clock.instant().plus(Duration.ofHours(4)), 0, "therapist ill", CancelledBy.STAFF));

			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(6);
		}

	}

	@Test
	void aMissedVisitKeepsItsCreditSpent() {
		Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
		Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
		new TestNetwork(jdbc).started(booked.appointment().id());

		desk.markNoShow(booked.appointment().id());

		assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(5);
		assertThat(ledger.movements(holding.id())).extracting(CreditMovement::kind)
			.containsExactly(CreditMovement.Kind.BOUGHT, CreditMovement.Kind.SPENT);
	}

	@Nested
	class WhenAVisitIsMoved {

		@Test
		void whileThePackageIsValidTheCreditStillPaysForIt() {
			Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			moves.forClinic(booked.appointment().id(), massageAt(MONDAY.plusDays(14), 10).start(), null, false, DESK);

			assertThat(ledger.spentOn(booked.appointment().id()))
				.hasValueSatisfying(use -> assertThat(use.holdingId()).isEqualTo(holding.id()));
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(5);
		}

		@Test
		void pastThePackagesEndItIsRefusedWithThePlainReasonAndNothingMoves() {
			Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			packages.endsOn(holding, MONDAY.plusDays(7));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThatThrownBy(() -> moves.forClinic(booked.appointment().id(),
					massageAt(MONDAY.plusDays(14), 10).start(), null, false, DESK))
				.isInstanceOfSatisfying(MoveNotCovered.class, refused -> {
					assertThat(refused.byField()).containsKey("selfPay");
					assertThat(refused.getMessage()).contains(holding.packageName())
						.contains("runs out on Monday, March 22, 2027")
						.contains("self-pay");
				});
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(5);
			assertThat(jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
				.param(booked.appointment().id())
				.query(java.sql.Timestamp.class)
				.single()
				.toInstant()).isEqualTo(booked.appointment().start());
		}

		@Test
		void pastThePackagesEndAnotherPackageOfThePatientTakesTheCreditOver() {
			Holding first = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			packages.endsOn(first, MONDAY.plusDays(7));
			Holding later = sales.sell(patientId, packages.massage(10, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			UUID id = booked.appointment().id();
			assertThat(ledger.spentOn(id)).hasValueSatisfying(use -> assertThat(use.holdingId()).isEqualTo(first.id()));

			MovedVisit moved = moves.forClinic(id, massageAt(MONDAY.plusDays(14), 10).start(), null, false, DESK);

			assertThat(moved.paymentNote())
				.hasValue("Uses a credit from the " + later.packageName() + " package instead (9 visits left in it).");
			assertThat(ledger.spentOn(id)).hasValueSatisfying(use -> assertThat(use.holdingId()).isEqualTo(later.id()));
			assertThat(ledger.holding(first.id()).orElseThrow().balance()).isEqualTo(6);
			assertThat(ledger.holding(later.id()).orElseThrow().balance()).isEqualTo(9);
			assertThat(ledger.movements(first.id())).extracting(CreditMovement::kind)
				.containsExactly(CreditMovement.Kind.BOUGHT, CreditMovement.Kind.SPENT, CreditMovement.Kind.RETURNED);
			assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE patient_id = ? AND subject = ?")
				.params(patientId.value(), "package-credit:" + id)
				.query(Integer.class)
				.single()).isOne();
			// cancelled in time, the credit goes back to the package that holds it now
			desk.cancelForClinic(id, "caller asked");
			assertThat(ledger.holding(later.id()).orElseThrow().balance()).isEqualTo(10);
			assertThat(ledger.holding(first.id()).orElseThrow().balance()).isEqualTo(6);
		}

		@Test
		void aPackageOfAnotherServiceDoesNotTakeTheCreditOver() {
			Holding first = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			packages.endsOn(first, MONDAY.plusDays(7));
			Holding consultations = sales.sell(patientId, packages.define("Consultations " + TestNetwork.shortId(),
					List.of(TestNetwork.CONSULTATION), 3, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThatThrownBy(() -> moves.forClinic(booked.appointment().id(),
					massageAt(MONDAY.plusDays(14), 10).start(), null, false, DESK))
				.isInstanceOf(MoveNotCovered.class);
			assertThat(ledger.holding(consultations.id()).orElseThrow().balance()).isEqualTo(3);
			assertThat(ledger.holding(first.id()).orElseThrow().balance()).isEqualTo(5);
		}

		@Test
		void throughTheApiTheAnswerSaysWhichPackagePaysNow() throws Exception {
			Holding first = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			packages.endsOn(first, MONDAY.plusDays(7));
			Holding later = sales.sell(patientId, packages.massage(10, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			var answer = SecuredMockMvc.of(context)
				.perform(post("/api/v1/appointments/" + booked.appointment().id() + "/reschedule")
					.header("X-Manage-Token", booked.manageToken())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"start\":\""
							+ massageAt(MONDAY.plusDays(14), 10).start().atZone(NEW_YORK).toOffsetDateTime() + "\"}"))
				.andReturn()
				.getResponse();

			assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
			assertThat(answer.getContentAsString()).contains("\"paymentNote\":\"Uses a credit from the "
					+ later.packageName() + " package instead (9 visits left in it).\"");
			assertThat(ledger.holding(later.id()).orElseThrow().balance()).isEqualTo(9);
			var visitPage = SecuredMockMvc.of(context)
				.perform(get("/visits/" + booked.appointment().id()).param("token", booked.manageToken())
					.param("done", "moved-credit"))
				.andReturn()
				.getResponse();
			visitPage.setCharacterEncoding("UTF-8");
			assertThat(visitPage.getContentAsString()).contains("Your visit has been moved.")
				.contains("Uses a credit from the " + later.packageName() + " package instead (9 visits left in it).");
		}

		@Test
		void twoMovesAtOnceNeverTakeMoreCreditsThanThereAre() throws Exception {
			for (int round = 0; round < 3; round++) {
				openAClinicAndAPatient();
				Holding first = sales.sell(patientId, packages.massage(2, 365), PaidHow.CASH);
				packages.endsOn(first, MONDAY.plusDays(7));
				Holding last = sales.sell(patientId, packages.massage(1, 365), PaidHow.CASH);
				UUID one = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT)
					.appointment()
					.id();
				UUID other = visits.book(massageAt(MONDAY, 12), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT)
					.appointment()
					.id();
				CyclicBarrier together = new CyclicBarrier(2);
				ExecutorService both = Executors.newFixedThreadPool(2);
				try {
					Future<String> a = both.submit(() -> moveAtOnce(together, one, 10));
					Future<String> b = both.submit(() -> moveAtOnce(together, other, 12));
					assertThat(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)))
						.containsExactlyInAnyOrder("moved", "not covered");
				}
				finally {
					both.shutdownNow();
				}
				assertThat(ledger.holding(last.id()).orElseThrow().balance()).isZero();
				assertThat(ledger.holding(first.id()).orElseThrow().balance()).isEqualTo(1);
				assertThat(ledger.movements(last.id())).extracting(CreditMovement::kind)
					.containsExactly(CreditMovement.Kind.BOUGHT, CreditMovement.Kind.SPENT);
			}
		}

		private String moveAtOnce(CyclicBarrier together, UUID visit, int hour) throws Exception {
			together.await(30, TimeUnit.SECONDS);
			try {
				moves.forClinic(visit, massageAt(MONDAY.plusDays(14), hour).start(), null, false, DESK);
				return "moved";
			}
			catch (MoveNotCovered refused) {
				return "not covered";
			}
		}

		@Test
		void asSelfPayTheCreditComesBackAndThePriceIsOwed() {
			Holding holding = sales.sell(patientId, packages.massage(6, 365), PaidHow.CASH);
			packages.endsOn(holding, MONDAY.plusDays(7));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			UUID id = booked.appointment().id();

			moves.forClinic(id, massageAt(MONDAY.plusDays(14), 10).start(), null, true, DESK);

			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isEqualTo(6);
			assertThat(ledger.movements(holding.id())).extracting(CreditMovement::kind)
				.containsExactly(CreditMovement.Kind.BOUGHT, CreditMovement.Kind.SPENT, CreditMovement.Kind.RETURNED);
			// moved again within the new time's rules, a credit given back is not asked
			// for
			moves.forClinic(id, massageAt(MONDAY.plusDays(15), 10).start(), null, false, DESK);
		}

	}

	@Nested
	class TheDatabase {

		@Test
		void refusesABalanceBelowZero() {
			Holding holding = sales.sell(patientId, packages.massage(1, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			Booked another = visits.book(massageAt(MONDAY, 12), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			assertThat(ledger.spentOn(booked.appointment().id())).isPresent();

			assertThatThrownBy(() -> jdbc.sql("""
					INSERT INTO credit_movement (holding_id, seq, kind, credits, balance_after, appointment_id, at)
					VALUES (?, 3, 'SPENT', -1, -1, ?, now())""")
				.params(holding.id(), another.appointment().id())
				.update()).isInstanceOf(DataAccessException.class);
		}

		@Test
		void refusesARowThatDoesNotFollowTheLast() {
			Holding holding = sales.sell(patientId, packages.massage(3, 365), PaidHow.CASH);
			Booked booked = visits.book(massageAt(MONDAY, 10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
			List<String> attempts = new ArrayList<>();
			for (String values : List.of("2, 'SPENT', -1, 5", "3, 'SPENT', -1, 1", "2, 'SPENT', -1, 2")) {
				try {
					jdbc.sql(
							"INSERT INTO credit_movement (holding_id, seq, kind, credits, balance_after, appointment_id, at) "
									+ "VALUES (?, " + values + ", ?, now())")
						.params(holding.id(), booked.appointment().id())
						.update();
					attempts.add("written");
				}
				catch (DataAccessException refused) {
					attempts.add("refused");
				}
			}
			assertThat(attempts).containsExactly("refused", "refused", "refused");
			// the third adds up, but row 2 is the booking's own spend: two rows cannot
			// share a number
		}

		@Test
		void neverChangesOrDeletesAMovement() {
			Holding holding = sales.sell(patientId, packages.massage(3, 365), PaidHow.CASH);

			assertThatThrownBy(() -> jdbc.sql("UPDATE credit_movement SET balance_after = 99 WHERE holding_id = ?")
				.param(holding.id())
				.update()).isInstanceOf(DataAccessException.class);
			assertThatThrownBy(
					() -> jdbc.sql("DELETE FROM credit_movement WHERE holding_id = ?").param(holding.id()).update())
				.isInstanceOf(DataAccessException.class);
		}

	}

	@Test
	void writesOffWhatIsLeftWhenAPackageRunsOut() {
		Holding holding = sales.sell(patientId, packages.massage(4, 30), PaidHow.CASH);
		jdbc.sql(
				"UPDATE package_holding SET sold_at = sold_at - interval '31 days', valid_until = valid_until - interval '31 days' WHERE id = ?")
			.param(holding.id())
			.update();

		ledger.expireDue();

		assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isZero();
		assertThat(ledger.movements(holding.id())).last().satisfies(row -> {
			assertThat(row.kind()).isEqualTo(CreditMovement.Kind.EXPIRED);
			assertThat(row.credits()).isEqualTo(-4);
		});
	}

	SlotRequest massageAt(LocalDate day, int hour) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(NEW_YORK).toInstant());
	}

}
