package org.unknot.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.unknot.MovableClock;
import org.unknot.TestNetwork;
import org.unknot.audit.AuditLog;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.InvalidRequest;
import org.unknot.system.Money;

/**
 * The payment module with what it stands on (booking, catalog, patient, audit), paid at
 * the clinic (no provider configured): what a policy makes owed at booking, at the visit,
 * after a late cancellation or a missed visit, and what the desk records, all as rows of
 * a ledger that cannot be changed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "system", "booking", "patient", "availability", "practitioner" })
@ActiveProfiles("test")
@DirtiesContext
class PaymentModuleTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final ServiceId MASSAGE = ServiceId.of(TestNetwork.MASSAGE);

	static final MovableClock CLOCK = new MovableClock();

	@TestBean(name = "clock", methodName = "movableClock")
	Clock clock;

	static Clock movableClock() {
		return CLOCK;
	}

	@Autowired
	BookingDesk desk;

	@Autowired
	Cashier cashier;

	@Autowired
	Ledger ledger;

	@Autowired
	PaymentPolicies policies;

	@Autowired
	VisitPayments visitPayments;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	Instant ten;

	Actor desk() {
		return Actor.staff(UUID.randomUUID(), "FRONT_DESK");
	}

	@BeforeEach
	void aTherapistAtWork() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		ten = LocalDateTime.parse("2027-06-14T10:00").atZone(NEW_YORK).toInstant();
	}

	@AfterEach
	void realTime() {
		CLOCK.reset();
		policies.save(PaymentPolicy.payAtVisit(TestNetwork.MASSAGE));
	}

	@Test
	void refusesToChangeOrDeleteALedgerRow() {
		UUID patient = UUID.randomUUID();
		LedgerEntry row = ledger
			.write(new Ledger.Line("test:" + UUID.randomUUID(), EntryKind.PAYMENT, Purpose.VISIT, patient, null,
					Money.usd(4500), Method.CASH, null, null), desk())
			.orElseThrow();

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE payment_entry SET amount_minor = 1 WHERE id = ?").param(row.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM payment_entry WHERE id = ?").param(row.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(ledger.find(row.id())).contains(row);
		assertThat(audit.entriesOf(patient)).extracting(e -> e.event().subject())
			.containsExactly("payment-payment:" + row.id());
	}

	@Test
	void writesARowForTheSameThingOnlyOnce() {
		UUID patient = UUID.randomUUID();
		var line = new Ledger.Line("fee:twice:" + patient, EntryKind.CHARGE, Purpose.NO_SHOW_FEE, patient, null,
				Money.usd(2500), null, null, null);

		assertThat(ledger.write(line, Actor.SYSTEM)).isPresent();
		assertThat(ledger.write(line, Actor.SYSTEM)).isEmpty();
		assertThat(Balance.of(ledger.ofPatient(PatientId.of(patient))).owed()).isEqualTo(Money.usd(2500));
	}

	@Nested
	class WithADepositPolicy {

		@BeforeEach
		void depositOfAQuarter() {
			policies.save(new PaymentPolicy(TestNetwork.MASSAGE, PaymentPolicy.Due.DEPOSIT, null, 25,
					Duration.ofHours(24), Money.usd(4000), Money.usd(6000)));
		}

		@Test
		void owesTheDepositFromBookingAndTheRestAtTheVisit() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			assertThat(owed(visit)).isEqualTo(Money.usd(2500));

			cashier.chargeTheVisit(visit, patientOf(booked), MASSAGE, false);
			cashier.chargeTheVisit(visit, patientOf(booked), MASSAGE, false);
			assertThat(owed(visit)).isEqualTo(Money.usd(10000));

			LedgerEntry paid = cashier.recordAtDesk(visit, patientOf(booked), "$100.00", Method.CARD_TERMINAL, false,
					desk());
			assertThat(owed(visit)).isEqualTo(Money.usd(0));
			assertThat(paid.receiptNumber()).isNotNull();
			assertThat(visitPayments.forAppointment(visit))
				.containsExactly(new VisitPayments.PaymentLine(paid.at(), "Card (clinic terminal)", Money.usd(10000)));
		}

		@Test
		void aVisitCoveredByInsuranceOwesNothingAtBooking() {
			Booked booked = desk.book(slotAtTen(), null, patient("Cora"));
			cashier.booked(booked.appointment().id(), patientOf(booked), MASSAGE, true);

			assertThat(ledger.ofVisit(booked.appointment().id())).isEmpty();
		}

		@Test
		void refusesDeskAmountsThatAreNotMoneyOrMoreThanIsOwed() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			for (String typed : new String[] { "abc", "0", "-5", "12.345", "25.01", "", "1e3" }) {
				assertThatThrownBy(
						() -> cashier.recordAtDesk(visit, patientOf(booked), typed, Method.CASH, false, desk()))
					.as(typed)
					.isInstanceOfSatisfying(InvalidRequest.class,
							refused -> assertThat(refused.errors()).extracting(e -> e.field())
								.containsExactly("amount"));
			}
			assertThatThrownBy(
					() -> cashier.recordAtDesk(visit, patientOf(booked), "10", Method.CARD_ON_FILE, false, desk()))
				.isInstanceOf(InvalidRequest.class);
			assertThat(owed(visit)).isEqualTo(Money.usd(2500));
		}

		@Test
		void aLateCancellationByThePatientOwesTheLateFeeInsteadOfTheVisitOnce() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			CLOCK.set(ten.minus(Duration.ofHours(3)));

			desk.cancel(visit, booked.manageToken(), "patient");

			assertThat(owed(visit)).isEqualTo(Money.usd(4000));
			assertThat(ledger.ofVisit(visit)).extracting(LedgerEntry::kind, LedgerEntry::purpose)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.CHARGE, Purpose.VISIT),
						org.assertj.core.groups.Tuple.tuple(EntryKind.WAIVER, Purpose.VISIT),
						org.assertj.core.groups.Tuple.tuple(EntryKind.CHARGE, Purpose.LATE_CANCELLATION_FEE));
		}

		@Test
		void cancellingInTimeOwesNothingAndLeavesThePaidDepositToGiveBack() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			cashier.recordAtDesk(visit, patientOf(booked), "25", Method.CASH, false, desk());
			CLOCK.set(ten.minus(Duration.ofDays(3)));

			desk.cancel(visit, booked.manageToken(), "patient");

			assertThat(owed(visit)).isEqualTo(Money.usd(-2500));
			cashier.recordAtDesk(visit, patientOf(booked), "25", Method.CASH, true, desk());
			assertThat(owed(visit)).isEqualTo(Money.usd(0));
			assertThat(visitPayments.forAppointment(visit)).extracting(VisitPayments.PaymentLine::amount)
				.containsExactly(Money.usd(2500), Money.usd(-2500));
		}

		@Test
		void theClinicCancellingLateOwesNoFee() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			CLOCK.set(ten.minus(Duration.ofHours(1)));

			desk.cancelForClinic(visit, "therapist ill");

			assertThat(owed(visit)).isEqualTo(Money.usd(0));
		}

		@Test
		void owesThePriceTheVisitWasBookedAtWhenTheCatalogPriceChangesLater() {
			int catalogPrice = jdbc.sql("SELECT price_cents FROM care_service WHERE id = ?")
				.param(TestNetwork.MASSAGE)
				.query(Integer.class)
				.single();
			Booked booked = book();
			UUID visit = booked.appointment().id();
			jdbc.sql("UPDATE care_service SET price_cents = ? WHERE id = ?")
				.params(catalogPrice + 2500, TestNetwork.MASSAGE)
				.update();
			try {
				cashier.chargeTheVisit(visit, patientOf(booked), MASSAGE, false);

				assertThat(owed(visit)).isEqualTo(Money.usd(catalogPrice));
				assertThat(cashier.priceOf(visit, MASSAGE)).isEqualTo(Money.usd(catalogPrice));
			}
			finally {
				jdbc.sql("UPDATE care_service SET price_cents = ? WHERE id = ?")
					.params(catalogPrice, TestNetwork.MASSAGE)
					.update();
			}
		}

		@Test
		void aLatePatientOwesTheFeeWhateverReasonTheyTyped() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			CLOCK.set(ten.minus(Duration.ofHours(3)));

			desk.cancel(visit, booked.manageToken(), "clinic asked me to move, I think");

			assertThat(owed(visit)).isEqualTo(Money.usd(4000));
		}

		@Test
		void staffCancellingLateOwesNoFeeEvenWithTheWordPatientAsReason() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			CLOCK.set(ten.minus(Duration.ofHours(1)));

			desk.cancelForClinic(visit, "patient");

			assertThat(owed(visit)).isEqualTo(Money.usd(0));
			assertThat(ledger.ofVisit(visit)).extracting(LedgerEntry::purpose)
				.doesNotContain(Purpose.LATE_CANCELLATION_FEE);
		}

		@Test
		void aNoShowOwesTheNoShowFeeWhichStaffCanWaiveWithAReason() {
			Booked booked = book();
			UUID visit = booked.appointment().id();
			CLOCK.set(ten.plus(Duration.ofMinutes(20)));

			desk.markNoShow(visit);
			assertThat(owed(visit)).isEqualTo(Money.usd(6000));

			assertThatThrownBy(() -> cashier.waive(visit, Purpose.NO_SHOW_FEE, " ", desk()))
				.isInstanceOf(InvalidRequest.class);
			Actor staff = desk();
			cashier.waive(visit, Purpose.NO_SHOW_FEE, "Snowstorm closed the roads", staff);

			assertThat(owed(visit)).isEqualTo(Money.usd(0));
			assertThat(audit.entriesOf(patientOf(booked).value()))
				.anySatisfy(entry -> assertThat(entry.event().reason()).isEqualTo("Snowstorm closed the roads"));
			assertThatThrownBy(() -> cashier.waive(visit, Purpose.NO_SHOW_FEE, "again", staff))
				.isInstanceOf(InvalidRequest.class);
		}

		private Booked book() {
			Booked booked = desk.book(slotAtTen(), null, patient("Ana"));
			cashier.booked(booked.appointment().id(), patientOf(booked), MASSAGE, false);
			return booked;
		}

	}

	private Money owed(UUID visit) {
		return Balance.of(ledger.ofVisit(visit)).owed();
	}

	private static PatientId patientOf(Booked booked) {
		return booked.appointment().patientId();
	}

	private SlotRequest slotAtTen() {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				ten);
	}

	private static PatientDetails patient(String name) {
		return new PatientDetails(name, "Payer", name.toLowerCase() + "." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1980, 1, 1));
	}

}
