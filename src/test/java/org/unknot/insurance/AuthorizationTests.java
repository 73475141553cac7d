package org.unknot.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceCategory;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.InvalidRequest;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.Repeat;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.visit.MoveNotCovered;
import org.unknot.visit.VisitMoves;
import org.unknot.patient.PatientId;

/**
 * Payers' authorizations: a visit under the plan counts against the cap, a single visit
 * beyond the cap or outside the dates is refused for that payer (self-pay still books), a
 * series says which of its visits are covered, and a cancellation gives the visit back.
 */
@UnknotIntegrationTest
class AuthorizationTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final BookedBy DESK = BookedBy.staff(UUID.randomUUID(), "FRONT_DESK");

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	Authorizations authorizations;

	@Autowired
	InsuranceAdmin insurance;

	@Autowired
	InsuranceChoices payers;

	@Autowired
	VisitBooking visits;

	@Autowired
	BookingDesk desk;

	@Autowired
	VisitMoves moves;

	@Autowired
	org.unknot.audit.AuditLog audit;

	@Autowired
	Patients patients;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	String plan;

	PatientDetails patient;

	UUID patientId;

	@BeforeEach
	void openAClinicAPlanAndAPatient() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		plan = planCoveringMassage(insurance, "Garden State Health");
		patient = new PatientDetails("Rafael", "Quint", "rafael." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1975, 8, 30));
		patientId = patients.identify(patient);
	}

	@Nested
	class WhenTheVisitFits {

		@Test
		void itIsCoveredAndCountedAgainstTheCap() {
			UUID authorization = authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(60));

			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			assertThat(payers.of(booked.appointment().id()))
				.hasValueSatisfying(payer -> assertThat(payer.covered()).isTrue());
			assertThat(authorizations.countedFor(booked.appointment().id()))
				.hasValueSatisfying(counted -> assertThat(counted.id()).isEqualTo(authorization));
			assertThat(only().used()).isEqualTo(1);
			assertThat(only().left()).isEqualTo(1);
		}

		@Test
		void aCancellationGivesTheVisitBack() {
			authorize(1, MONDAY.minusDays(7), MONDAY.plusDays(60));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			desk.cancelForClinic(booked.appointment().id(), "therapist ill");

			assertThat(only().used()).isZero();
			visits.book(massageAt(MONDAY.plusDays(1), 10), null, underThePlan(), BookedBy.PATIENT);
			assertThat(only().used()).isEqualTo(1);
		}

	}

	@Nested
	class WhenASingleVisitDoesNotFit {

		@Test
		void beyondTheCapItIsRefusedForThePayerAndSelfPayStillBooks() {
			authorize(1, MONDAY.minusDays(7), MONDAY.plusDays(60));
			visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			assertThatThrownBy(
					() -> visits.book(massageAt(MONDAY.plusDays(1), 10), null, underThePlan(), BookedBy.PATIENT))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> {
					assertThat(refused.byField()).containsKey("payer.plan");
					assertThat(refused.getMessage()).contains("all of them are booked or used").contains("self-pay");
				});
			assertThat(visitsOfThePatient()).isEqualTo(1);

			Booked selfPay = visits.book(massageAt(MONDAY.plusDays(1), 10), null, VisitAnswers.selfPay(patient),
					BookedBy.PATIENT);
			assertThat(payers.of(selfPay.appointment().id()))
				.hasValueSatisfying(payer -> assertThat(payer.selfPay()).isTrue());
		}

		@Test
		void outsideTheDatesItIsRefusedForThePayer() {
			authorize(12, MONDAY.plusDays(7), MONDAY.plusDays(60));

			assertThatThrownBy(() -> visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT))
				.isInstanceOfSatisfying(InvalidRequest.class,
						refused -> assertThat(refused.getMessage()).contains("outside those dates"));
			assertThat(visitsOfThePatient()).isZero();
		}

		@Test
		void withoutAnAuthorizationOnFileThePlanBooksAsBefore() {
			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			assertThat(authorizations.countedFor(booked.appointment().id())).isEmpty();
			assertThat(payers.of(booked.appointment().id()))
				.hasValueSatisfying(payer -> assertThat(payer.covered()).isTrue());
		}

	}

	@Test
	void aMissedVisitIsGivenBackBecausePayersDoNotPayNoShows() {
		authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(60));
		Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);
		assertThat(only().used()).isEqualTo(1);
		new TestNetwork(jdbc).started(booked.appointment().id());

		desk.markNoShow(booked.appointment().id());

		assertThat(only().used()).isZero();
		assertThat(only().left()).isEqualTo(2);
	}

	@Nested
	class WhenAVisitIsMoved {

		@Test
		void withinTheDatesItStaysCountedWhereItWas() {
			UUID authorization = authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(60));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			moves.forClinic(booked.appointment().id(), massageAt(MONDAY.plusDays(2), 11).start(), null, false, DESK);

			assertThat(authorizations.countedFor(booked.appointment().id()))
				.hasValueSatisfying(counted -> assertThat(counted.id()).isEqualTo(authorization));
			assertThat(only().used()).isEqualTo(1);
		}

		@Test
		void pastItsDatesItCountsAgainstTheNextAuthorizationThatCoversTheDay() {
			UUID first = authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(6));
			UUID next = authorize(2, MONDAY.plusDays(7), MONDAY.plusDays(60));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			moves.forClinic(booked.appointment().id(), massageAt(MONDAY.plusDays(7), 10).start(), null, false, DESK);

			assertThat(authorizations.countedFor(booked.appointment().id()))
				.hasValueSatisfying(counted -> assertThat(counted.id()).isEqualTo(next));
			assertThat(authorizations.of(PatientId.of(patientId))).filteredOn(a -> a.id().equals(first))
				.singleElement()
				.satisfies(a -> assertThat(a.used()).isZero());
		}

		@Test
		void pastEveryAuthorizationItIsRefusedForThePayerAndNothingMoves() {
			authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(6));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);
			var before = booked.appointment().start();

			assertThatThrownBy(() -> moves.forClinic(booked.appointment().id(),
					massageAt(MONDAY.plusDays(8), 10).start(), null, false, DESK))
				.isInstanceOfSatisfying(MoveNotCovered.class, refused -> {
					assertThat(refused.byField()).containsKey("selfPay");
					assertThat(refused.getMessage()).contains("outside those dates").contains("self-pay");
				});
			assertThat(startOf(booked.appointment().id())).isEqualTo(before);
			assertThat(only().used()).isEqualTo(1);
		}

		@Test
		void asSelfPayItMovesGivesTheVisitBackAndTheChangeOfPayerIsAudited() {
			authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(6));
			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);
			UUID id = booked.appointment().id();

			moves.forClinic(id, massageAt(MONDAY.plusDays(8), 10).start(), null, true, DESK);

			assertThat(startOf(id)).isEqualTo(massageAt(MONDAY.plusDays(8), 10).start());
			assertThat(only().used()).isZero();
			assertThat(payers.of(id)).hasValueSatisfying(payer -> assertThat(payer.covered()).isFalse());
			assertThat(audit.entriesOf(patientId)).anySatisfy(entry -> {
				assertThat(entry.event().subject()).isEqualTo("insurance:" + id);
				assertThat(entry.event().action()).isEqualTo("UPDATE");
				assertThat(entry.event().actor()).isEqualTo("account:" + DESK.account());
				assertThat(entry.event().reason()).startsWith("Moved as self-pay:");
			});
		}

	}

	@Test
	void aSeriesSaysWhichOfItsVisitsAreCovered() {
		authorize(2, MONDAY.minusDays(7), MONDAY.plusDays(60));

		SeriesOutcome outcome = visits.bookSeries(massageAt(MONDAY, 10), null, new Repeat(1, 4, false), underThePlan(),
				BookedBy.PATIENT);

		assertThat(outcome.booked()).hasSize(4);
		List<Boolean> covered = outcome.booked()
			.stream()
			.sorted(java.util.Comparator.comparing(booked -> booked.appointment().start()))
			.map(booked -> payers.of(booked.appointment().id()).orElseThrow().covered())
			.toList();
		assertThat(covered).containsExactly(true, true, false, false);
		assertThat(only().left()).isZero();
	}

	@Test
	void theDeskSeesAuthorizationsWithFewVisitsOrDaysLeft() {
		LocalDate today = MONDAY;
		UUID fewVisits = authorize(2, today.minusDays(30), today.plusDays(90));
		UUID fewDays = authorize(10, today.minusDays(30), today.plusDays(13));
		UUID plenty = authorize(10, today.minusDays(30), today.plusDays(90));
		UUID ended = authorize(1, today.minusDays(60), today.minusDays(1));

		assertThat(authorizations.runningLow(today)).extracting(Authorization::id)
			.contains(fewVisits, fewDays)
			.doesNotContain(plenty, ended);
	}

	@Test
	void refusesAnAuthorizationThatCannotBeRecordedNamingEachField() {
		assertThatThrownBy(() -> authorizations.record(PatientId.of(patientId),
				new Authorizations.Terms("no-such-plan", " ", 0, MONDAY, MONDAY.minusDays(1),
						List.of("no-such-service"), List.of("ABC"))))
			.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.byField().keySet())
				.containsExactlyInAnyOrder("planId", "reference", "visits", "lastDay", "services", "cptCodes"));
	}

	@Test
	void coversByCptCodeAsWellAsByService() {
		String[] codes = jdbc.sql("SELECT billing_codes FROM care_service WHERE id = ?")
			.param(TestNetwork.MASSAGE)
			.query((rs, n) -> (String[]) rs.getArray(1).getArray())
			.single();
		jdbc.sql("UPDATE care_service SET billing_codes = '{97124}' WHERE id = ?").param(TestNetwork.MASSAGE).update();
		try {
			authorizations.record(PatientId.of(patientId),
					new Authorizations.Terms(plan, "CPT-" + TestNetwork.shortId(), 3, MONDAY.minusDays(1),
							MONDAY.plusDays(30), List.of(), List.of("97124")));

			Booked booked = visits.book(massageAt(MONDAY, 10), null, underThePlan(), BookedBy.PATIENT);

			assertThat(authorizations.countedFor(booked.appointment().id())).isPresent();
		}
		finally {
			jdbc.sql("UPDATE care_service SET billing_codes = ? WHERE id = ?")
				.params(codes, TestNetwork.MASSAGE)
				.update();
		}
	}

	/**
	 * A commercial plan (its name made unique) that covers massage with an authorization.
	 */
	static String planCoveringMassage(InsuranceAdmin insurance, String name) {
		String plan = insurance.add(new InsuranceAdmin.PlanTerms(name + " " + TestNetwork.shortId(),
				PayerKind.COMMERCIAL, "Member ID", "[A-Z0-9]{6,12}"));
		insurance.setCoverage(plan, List.of(new InsurancePlan.Rule(ServiceCategory.MASSAGE, null, true,
				"Medical massage is covered with an authorization.")));
		return plan;
	}

	private UUID authorize(int visitsAuthorized, LocalDate first, LocalDate last) {
		return authorizations.record(PatientId.of(patientId),
				new Authorizations.Terms(plan, "AUTH-" + TestNetwork.shortId(), visitsAuthorized, first, last,
						List.of(TestNetwork.MASSAGE), List.of()));
	}

	private java.time.Instant startOf(UUID visit) {
		return jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
			.param(visit)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private Authorization only() {
		return authorizations.of(PatientId.of(patientId)).get(0);
	}

	private VisitAnswers underThePlan() {
		return new VisitAnswers(patient, Payer.plan(plan, "GSH123456"), null, Advice.NOT_GIVEN);
	}

	private long visitsOfThePatient() {
		return jdbc.sql("SELECT count(*) FROM appointment WHERE patient_id = ? AND status = 'booked'")
			.param(patientId)
			.query(Long.class)
			.single();
	}

	private SlotRequest massageAt(LocalDate day, int hour) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(NEW_YORK).toInstant());
	}

}
