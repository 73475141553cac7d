package org.unknot.website.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceCategory;
import org.unknot.catalog.ServiceId;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsuranceAdmin;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.PayerKind;
import org.unknot.packages.PackageAdmin;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.Money;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;

/**
 * The confirmation says how a visit is paid: with a package's credit and how many are
 * left, or under the payer's authorization.
 */
@UnknotIntegrationTest
class ConfirmationPaymentTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	VisitViews views;

	@Autowired
	VisitBooking visits;

	@Autowired
	PackageAdmin packages;

	@Autowired
	PackageSales sales;

	@Autowired
	Authorizations authorizations;

	@Autowired
	InsuranceAdmin insurance;

	@Autowired
	Patients patients;

	@Autowired
	JdbcClient jdbc;

	String clinic;

	String therapist;

	PatientDetails patient;

	@BeforeEach
	void openAClinic() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		patient = new PatientDetails("Iris", "Vale", "iris." + UUID.randomUUID() + "@example.org", null,
				LocalDate.of(1983, 6, 1));
	}

	@Test
	void aVisitPaidWithAPackageSaysHowManyVisitsAreLeft() {
		String offered = packages.define(new PackageAdmin.Terms("Six " + TestNetwork.shortId(), Money.usd(54000),
				List.of(TestNetwork.MASSAGE), 6, 180));
		sales.sell(PatientId.of(patients.identify(patient)), offered, PaidHow.CASH);

		Booked booked = visits.book(massageAt(10), null, VisitAnswers.selfPay(patient), BookedBy.PATIENT);

		assertThat(views.visit(booked.appointment().id(), booked.manageToken()).payment())
			.startsWith("Paid with your Six")
			.endsWith("(5 visits left in it)");
	}

	@Test
	void aVisitUnderAnAuthorizationNamesIt() {
		String plan = insurance.add(new InsuranceAdmin.PlanTerms("Bayside " + TestNetwork.shortId(),
				PayerKind.COMMERCIAL, "Member ID", "[A-Z0-9]{6,12}"));
		insurance.setCoverage(plan,
				List.of(new InsurancePlan.Rule(ServiceCategory.MASSAGE, null, true, "Covered with an authorization.")));
		String reference = "BAY-" + TestNetwork.shortId();
		authorizations.record(PatientId.of(patients.identify(patient)), new Authorizations.Terms(plan, reference, 4,
				MONDAY.minusDays(1), MONDAY.plusDays(30), List.of(TestNetwork.MASSAGE), List.of()));

		Booked booked = visits.book(massageAt(10), null,
				new VisitAnswers(patient, Payer.plan(plan, "BAY12345"), null, Advice.NOT_GIVEN), BookedBy.PATIENT);

		assertThat(views.visit(booked.appointment().id(), booked.manageToken()).payment())
			.endsWith("covered under authorization " + reference);
	}

	private SlotRequest massageAt(int hour) {
		return new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
				LocalDateTime.of(MONDAY, LocalTime.of(hour, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant());
	}

}
