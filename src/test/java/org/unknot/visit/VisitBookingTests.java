package org.unknot.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Booked;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceCategory;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.care.BodyRegion;
import org.unknot.care.HealthIntake;
import org.unknot.care.Intakes;
import org.unknot.care.PainDuration;
import org.unknot.care.RedFlag;
import org.unknot.care.Triage;
import org.unknot.patient.PatientDetails;
import org.unknot.system.InvalidRequest;
import org.unknot.system.WritesAtCommit;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The rules of booking a visit, whoever asks: triage of the intake, the payer recorded,
 * the override kept for staff, and nothing left behind by a refusal.
 */
@UnknotIntegrationTest
class VisitBookingTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	static final BookedBy RECEPTIONIST = BookedBy.staff(UUID.randomUUID(), "FRONT_DESK");

	@Autowired
	VisitBooking visits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Intakes intakes;

	@Autowired
	InsuranceChoices payers;

	String clinic;

	String therapist;

	PatientDetails patient;

	@BeforeEach
	void openAClinic() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		patient = new PatientDetails("Ines", "Roth", "ines." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1981, 7, 9));
	}

	@Nested
	class WhenTheIntakeIsClear {

		@Test
		void booksAndRecordsTheIntakeThePayerAndTheAudit() {
			Booked booked = visits.book(massageAt(10), null, answers(intake(), Advice.NOT_GIVEN), BookedBy.PATIENT);

			UUID id = booked.appointment().id();
			assertThat(intakes.of(id)).hasValueSatisfying(recorded -> {
				assertThat(recorded.triage()).isEqualTo(Triage.CLEAR);
				assertThat(recorded.adviceAcknowledged()).isFalse();
			});
			assertThat(payers.of(id)).hasValueSatisfying(payer -> assertThat(payer.selfPay()).isTrue());
			assertThat(audited(booked)).containsExactlyInAnyOrder("patient:CREATE:intake:" + id,
					"patient:CREATE:insurance:" + id);
		}

		@Test
		void booksWithoutAnIntakeRecordingOnlyThePayer() {
			Booked booked = visits.book(massageAt(10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

			assertThat(intakes.of(booked.appointment().id())).isEmpty();
			assertThat(payers.of(booked.appointment().id())).isPresent();
		}

	}

	@Nested
	class WhenTheBookingsTransactionEnds {

		@Autowired
		PlatformTransactionManager transactions;

		@Autowired
		WritesAtCommit atCommit;

		@Test
		void writesThePayerThePriceTheAuditAndTheMessagesJustBeforeTheVisitCommits() {
			Booked booked = new TransactionTemplate(transactions).execute(status -> {
				Booked inside = visits.book(massageAt(10), null, answers(intake(), Advice.NOT_GIVEN), BookedBy.PATIENT);
				assertThat(atCommit.waitingCount()).isEqualTo(5);
				assertThat(recordsOf(inside.appointment().id())).isEqualTo(new Records(1, 0, 0, 0, 0));
				return inside;
			});

			assertThat(recordsOf(booked.appointment().id())).isEqualTo(new Records(1, 1, 1, 2, 3));
		}

		@Test
		void leavesNoneOfThemWhenTheBookingRollsBack() {
			Booked booked = new TransactionTemplate(transactions).execute(status -> {
				Booked inside = visits.book(massageAt(10), null, answers(intake(), Advice.NOT_GIVEN), BookedBy.PATIENT);
				status.setRollbackOnly();
				return inside;
			});

			assertThat(recordsOf(booked.appointment().id())).isEqualTo(new Records(0, 0, 0, 0, 0));
		}

		private Records recordsOf(UUID id) {
			return new Records(count("SELECT count(*) FROM appointment WHERE id = ?", id),
					count("SELECT count(*) FROM appointment_insurance WHERE appointment_id = ?", id),
					count("SELECT count(*) FROM visit_price WHERE appointment_id = ?", id),
					count("SELECT count(*) FROM audit_entry WHERE subject LIKE '%:' || ?", id.toString()),
					count("SELECT count(*) FROM outbox_message WHERE subject_id = ?", id));
		}

		private long count(String sql, Object id) {
			return jdbc.sql(sql).param(id).query(Long.class).single();
		}

	}

	/** What a booking writes, counted: visit, payer, price, audit entries, messages. */
	record Records(long visits, long payers, long prices, long auditEntries, long messages) {
	}

	@Nested
	class WhenTheIntakeHasRedFlags {

		@Test
		void refusesMassageUntilThePatientIsToldAndLeavesNothingBehind() {
			assertThatThrownBy(() -> visits.book(massageAt(10), null,
					answers(intake(RedFlag.NUMBNESS_OR_WEAKNESS), Advice.NOT_GIVEN), BookedBy.PATIENT))
				.isInstanceOfSatisfying(RedFlagsFound.class, refused -> {
					assertThat(refused.triage()).isEqualTo(Triage.CONSULTATION_ADVISED);
					assertThat(refused.redFlags()).containsExactly(RedFlag.NUMBNESS_OR_WEAKNESS);
				});
			assertThat(patientsWithThisEmail()).isZero();
		}

		@Test
		void booksOnceThePatientIsToldAndRecordsThatTheyWere() {
			Booked booked = visits.book(massageAt(10), null,
					answers(intake(RedFlag.PAIN_AT_NIGHT_OR_REST), Advice.ACKNOWLEDGED), BookedBy.PATIENT);

			assertThat(intakes.of(booked.appointment().id())).hasValueSatisfying(recorded -> {
				assertThat(recorded.triage()).isEqualTo(Triage.CONSULTATION_ADVISED);
				assertThat(recorded.adviceAcknowledged()).isTrue();
			});
		}

		@Test
		void booksNothingInAnEmergencyEvenWhenTold() {
			assertThatThrownBy(() -> visits.book(massageAt(10), null,
					answers(intake(RedFlag.LOSS_OF_BOWEL_OR_BLADDER_CONTROL), Advice.ACKNOWLEDGED), RECEPTIONIST))
				.isInstanceOfSatisfying(RedFlagsFound.class,
						refused -> assertThat(refused.triage()).isEqualTo(Triage.EMERGENCY));
			assertThat(patientsWithThisEmail()).isZero();
		}

		@Test
		void honoursAStaffOverrideAndAuditsTheStaffMember() {
			Booked booked = visits.book(massageAt(10), null, answers(intake(RedFlag.FEVER), Advice.STAFF_OVERRIDE),
					RECEPTIONIST);

			assertThat(audited(booked)).allMatch(entry -> entry.startsWith("account:" + RECEPTIONIST.account()));
		}

		@Test
		void refusesAnOverrideAskedForByThePatient() {
			assertThatThrownBy(
					() -> visits.book(massageAt(10), null, answers(intake(), Advice.STAFF_OVERRIDE), BookedBy.PATIENT))
				.isInstanceOf(OverrideRefused.class);
		}

		@Test
		void refusesASeriesOfMassagesBeforeBookingAnyOfIt() {
			assertThatThrownBy(() -> visits.bookSeries(massageAt(10), null, new Repeat(1, 3, false),
					answers(intake(RedFlag.CANCER_HISTORY), Advice.NOT_GIVEN), BookedBy.PATIENT))
				.isInstanceOf(RedFlagsFound.class);
			assertThat(patientsWithThisEmail()).isZero();
		}

	}

	@Nested
	class WhenASeriesIsBooked {

		@Test
		void recordsTheIntakeAndThePayerWithEveryVisit() {
			SeriesOutcome outcome = visits.bookSeries(massageAt(10), null, new Repeat(1, 3, false),
					answers(intake(), Advice.NOT_GIVEN), BookedBy.PATIENT);

			assertThat(outcome.booked()).hasSize(3).allSatisfy(booked -> {
				assertThat(intakes.of(booked.appointment().id())).isPresent();
				assertThat(payers.of(booked.appointment().id())).isPresent();
			});
		}

	}

	@Nested
	class WhenThePayerIsAPlan {

		@Test
		void refusesAPlanTheClinicsDoNotAcceptAndLeavesNothingBehind() {
			VisitAnswers answers = new VisitAnswers(patient, Payer.plan("no-such-plan", "ABC123"), null,
					Advice.NOT_GIVEN);

			assertThatThrownBy(() -> visits.book(massageAt(10), null, answers, BookedBy.PATIENT))
				.isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.byField()).containsOnlyKeys("payer.plan"));
			assertThat(patientsWithThisEmail()).isZero();
		}

	}

	/**
	 * The rules are first checked on the service as availability keeps it in memory,
	 * which may be a moment older than the catalog; the booking's own check reads the
	 * catalog's version with the bookings, and what it finds decides.
	 */
	@Nested
	class WhenTheServiceChangedSinceAvailabilityLastLooked {

		@Autowired
		AvailabilitySearch availability;

		@Test
		void refusesOnTheServiceAsItIsNowNotAsItWas() {
			changeCategory("CONSULTATION");
			try {
				assertThat(inMemory().category()).isEqualTo(ServiceCategory.CONSULTATION);
				changeCategory("MASSAGE");

				assertThatThrownBy(() -> visits.book(massageAt(10), null,
						answers(intake(RedFlag.NUMBNESS_OR_WEAKNESS), Advice.NOT_GIVEN), BookedBy.PATIENT))
					.isInstanceOf(RedFlagsFound.class);
				assertThat(patientsWithThisEmail()).isZero();
			}
			finally {
				changeCategory("MASSAGE");
			}
		}

		@Test
		void booksWhatTheServiceAsItIsNowAllows() {
			assertThat(inMemory().category()).isEqualTo(ServiceCategory.MASSAGE);
			changeCategory("CONSULTATION");
			try {
				Booked booked = visits.book(massageAt(10), null,
						answers(intake(RedFlag.NUMBNESS_OR_WEAKNESS), Advice.NOT_GIVEN), BookedBy.PATIENT);

				assertThat(intakes.of(booked.appointment().id()))
					.hasValueSatisfying(recorded -> assertThat(recorded.triage()).isEqualTo(Triage.CLEAR));
			}
			finally {
				changeCategory("MASSAGE");
			}
		}

		@Test
		void keepsThePriceTheCatalogHasWhenTheVisitIsBooked() {
			int price = jdbc.sql("SELECT price_cents FROM care_service WHERE id = ?")
				.param(TestNetwork.MASSAGE)
				.query(Integer.class)
				.single();
			assertThat(inMemory().priceCents()).isEqualTo(price);
			setPrice(price + 1500);
			try {
				Booked booked = visits.book(massageAt(10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

				assertThat(jdbc.sql("SELECT amount_minor FROM visit_price WHERE appointment_id = ?")
					.param(booked.appointment().id())
					.query(Long.class)
					.single()).isEqualTo(price + 1500L);
			}
			finally {
				setPrice(price);
			}
		}

		/**
		 * The service as availability keeps it, once a question has brought its memory up
		 * to date.
		 */
		private CareService inMemory() {
			SlotRequest slot = massageAt(9);
			availability.check(slot.serviceId(), slot.location(), slot.practitionerId(), slot.start(), null);
			return availability.service(slot.serviceId());
		}

		private void changeCategory(String category) {
			jdbc.sql("UPDATE care_service SET category = ? WHERE id = ?")
				.params(category, TestNetwork.MASSAGE)
				.update();
		}

		private void setPrice(int cents) {
			jdbc.sql("UPDATE care_service SET price_cents = ? WHERE id = ?")
				.params(cents, TestNetwork.MASSAGE)
				.update();
		}

	}

	private VisitAnswers answers(HealthIntake intake, Advice advice) {
		return new VisitAnswers(patient, Payer.SELF_PAY, intake, advice);
	}

	private static HealthIntake intake(RedFlag... yes) {
		return new HealthIntake(Set.of(BodyRegion.NECK), 5, PainDuration.OVER_THREE_MONTHS, Set.of(), Set.of(yes));
	}

	private SlotRequest massageAt(int hour) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				LocalDateTime.of(MONDAY, LocalTime.of(hour, 0)).atZone(NEW_YORK).toInstant());
	}

	private java.util.List<String> audited(Booked booked) {
		return jdbc.sql("SELECT actor || ':' || action || ':' || subject FROM audit_entry WHERE patient_id = ?")
			.param(booked.appointment().patientId().value())
			.query(String.class)
			.list()
			.stream()
			.map(entry -> entry.startsWith("patient:") ? "patient:" + entry.substring(entry.indexOf(':', 8) + 1)
					: entry)
			.toList();
	}

	private long patientsWithThisEmail() {
		return jdbc.sql("SELECT count(*) FROM patient WHERE email = ?")
			.param(patient.email())
			.query(Long.class)
			.single();
	}

}
