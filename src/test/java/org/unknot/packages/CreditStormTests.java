package org.unknot.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.Money;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;

/**
 * Many bookings at once for the same patient, who has one credit left: exactly one spends
 * it, every other visit is still booked (to be paid as usual), and the balance ends at
 * zero. Then the same storm aimed at the table itself, skipping the application's lock:
 * the database alone lets exactly one write through. Seeded
 * ({@code -Dunknot.storm.seed=N} replays a run).
 */
@UnknotIntegrationTest
class CreditStormTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final long SEED = Long.getLong("unknot.storm.seed", System.nanoTime());

	@Autowired
	PackageAdmin admin;

	@Autowired
	PackageSales sales;

	@Autowired
	CreditLedger ledger;

	@Autowired
	VisitBooking visits;

	@Autowired
	Patients patients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void concurrentBookingsSpendTheLastCreditExactlyOnce() throws Exception {
		Random random = new Random(SEED);
		for (int round = 0; round < 3; round++) {
			var network = new TestNetwork(jdbc);
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			PatientDetails patient = new PatientDetails("Storm", "Rider", "storm." + UUID.randomUUID() + "@example.org",
					null, LocalDate.of(1990, 1, 1));
			PatientId patientId = PatientId.of(patients.identify(patient));
			Holding holding = sales.sell(patientId, onePackage(), PaidHow.CASH);
			spendAllButOne(holding, patient, therapist, clinic);

			List<SlotRequest> slots = distinctSlots(random, 4 + random.nextInt(5), therapist, clinic);
			List<Booked> booked = storm(slots.size(),
					i -> visits.book(slots.get(i), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT));

			assertThat(booked).as("seed %d: every visit is booked", SEED).hasSize(slots.size());
			long spent = booked.stream().filter(b -> ledger.spentOn(b.appointment().id()).isPresent()).count();
			assertThat(spent).as("seed %d: visits that spent the last credit", SEED).isEqualTo(1);
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isZero();
		}
	}

	/**
	 * Bookings of one patient already take turns on the patient's row, so here the spends
	 * themselves race, each in its own transaction, for visits booked before the package.
	 */
	@Test
	void concurrentSpendsOfTheLastCreditTakeTurnsAndExactlyOneWins() throws Exception {
		Random random = new Random(SEED);
		for (int round = 0; round < 3; round++) {
			var network = new TestNetwork(jdbc);
			String clinic = network.clinic(1, 0, 0);
			String therapist = network.therapist();
			network.weekdays(therapist, clinic);
			PatientDetails patient = new PatientDetails("Gale", "Force", "gale." + UUID.randomUUID() + "@example.org",
					null, LocalDate.of(1992, 2, 2));
			List<Booked> booked = new ArrayList<>();
			for (SlotRequest slot : distinctSlots(random, 4 + random.nextInt(6), therapist, clinic)) {
				booked.add(visits.book(slot, null, VisitAnswers.selfPay(patient), BookedBy.PATIENT));
			}
			Holding holding = sales.sell(booked.get(0).appointment().patientId(), onePackage(1), PaidHow.CASH);

			TransactionTemplate transaction = new TransactionTemplate(transactions);
			List<String> outcomes = storm(booked.size(), i -> {
				try {
					return transaction.execute(status -> ledger.spendFor(booked.get(i).appointment()))
						.map(use -> "spent, " + use.remaining() + " left")
						.orElse("none left");
				}
				catch (DataAccessException refused) {
					return "refused by the database: " + refused.getClass().getSimpleName();
				}
			});

			assertThat(outcomes).as("seed %d", SEED).containsOnlyOnce("spent, 0 left");
			assertThat(Collections.frequency(outcomes, "none left")).as("seed %d: %s", SEED, outcomes)
				.isEqualTo(booked.size() - 1);
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isZero();
		}
	}

	@Test
	void theTableAloneLetsOneOfManyWritesTakeTheLastCredit() throws Exception {
		Random random = new Random(SEED);
		PatientId patientId = PatientId.of(patients.identify(new PatientDetails("Raw", "Writer",
				"raw." + UUID.randomUUID() + "@example.org", null, LocalDate.of(1985, 5, 5))));
		Holding holding = sales.sell(patientId, onePackage(), PaidHow.CASH);
		List<UUID> visitIds = new ArrayList<>();
		int writers = 4 + random.nextInt(6);
		var network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		PatientDetails someoneElse = new PatientDetails("Other", "Patient",
				"other." + UUID.randomUUID() + "@example.org", null, LocalDate.of(1970, 3, 3));
		for (SlotRequest slot : distinctSlots(random, writers + 1, therapist, clinic)) {
			visitIds
				.add(visits.book(slot, null, VisitAnswers.selfPay(someoneElse), BookedBy.PATIENT).appointment().id());
		}
		int lastSeq = ledger.movements(holding.id()).size();
		int balance = holding.balance();
		jdbc.sql("""
				INSERT INTO credit_movement (holding_id, seq, kind, credits, balance_after, appointment_id, at)
				VALUES (?, ?, 'SPENT', ?, 1, ?, now())""")
			.params(holding.id(), lastSeq + 1, 1 - balance, visitIds.get(0))
			.update();

		TransactionTemplate transaction = new TransactionTemplate(transactions);
		List<String> outcomes = storm(writers - 1, i -> {
			try {
				transaction.executeWithoutResult(status -> jdbc.sql("""
						INSERT INTO credit_movement (holding_id, seq, kind, credits, balance_after, appointment_id, at)
						VALUES (?, ?, 'SPENT', -1, 0, ?, now())""")
					.params(holding.id(), lastSeq + 2, visitIds.get(i + 1))
					.update());
				return "written";
			}
			catch (DataAccessException refused) {
				return "refused";
			}
		});

		assertThat(Collections.frequency(outcomes, "written")).as("seed %d", SEED).isEqualTo(1);
		assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isZero();
		assertThatNoRowCanGoBelowZero(holding, visitIds);
	}

	private void assertThatNoRowCanGoBelowZero(Holding holding, List<UUID> visitIds) {
		int next = ledger.movements(holding.id()).size() + 1;
		try {
			jdbc.sql("""
					INSERT INTO credit_movement (holding_id, seq, kind, credits, balance_after, appointment_id, at)
					VALUES (?, ?, 'SPENT', -1, -1, ?, now())""")
				.params(holding.id(), next, visitIds.get(visitIds.size() - 1))
				.update();
			throw new AssertionError("a balance of -1 was written");
		}
		catch (DataAccessException refused) {
			assertThat(ledger.holding(holding.id()).orElseThrow().balance()).isZero();
		}
	}

	private <T> List<T> storm(int threads, java.util.function.IntFunction<T> work) throws Exception {
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return work.apply(n);
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String onePackage() {
		return onePackage(3);
	}

	private String onePackage(int credits) {
		return admin.define(new PackageAdmin.Terms("Storm " + TestNetwork.shortId(), Money.usd(9000L * credits),
				List.of(TestNetwork.MASSAGE), credits, 365));
	}

	private void spendAllButOne(Holding holding, PatientDetails patient, String therapist, String clinic) {
		LocalDate friday = LocalDate.of(2027, 3, 19);
		for (int hour = 9; ledger.holding(holding.id()).orElseThrow().balance() > 1; hour += 2) {
			visits.book(slot(therapist, clinic, friday, hour), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);
		}
	}

	/** Different days and hours, so the visits never clash with each other. */
	private static List<SlotRequest> distinctSlots(Random random, int count, String therapist, String clinic) {
		List<LocalDateTime> times = new ArrayList<>();
		for (int week = 0; week < 4; week++) {
			for (int day = 0; day < 4; day++) {
				for (int hour = 9; hour <= 15; hour += 2) {
					times.add(LocalDateTime.of(LocalDate.of(2027, 4, 5).plusWeeks(week).plusDays(day),
							LocalTime.of(hour, 0)));
				}
			}
		}
		Collections.shuffle(times, random);
		return times.subList(0, count)
			.stream()
			.map(at -> slot(therapist, clinic, at.toLocalDate(), at.getHour()))
			.toList();
	}

	private static SlotRequest slot(String therapist, String clinic, LocalDate day, int hour) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(NEW_YORK).toInstant());
	}

}
