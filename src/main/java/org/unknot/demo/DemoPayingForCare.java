package org.unknot.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unknot.booking.SlotRequest;
import org.unknot.insurance.Authorizations;
import org.unknot.packages.CarePackages;
import org.unknot.packages.PackageAdmin;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.system.Money;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.Repeat;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.care.HealthIntake;

/**
 * Paying for care in the demo: a "6 x 60-minute massage" package on sale, bought at the
 * desk by Jordan Ellis (so the portal shows six visits left and the next massage booked
 * spends one), and Dana Whitfield's authorization of 12 physical therapy visits from her
 * PPO, ten of them booked (an evaluation, then weekly sessions) with James Okafor, so the
 * desk sees it running low.
 */
@Component
class DemoPayingForCare {

	static final String MASSAGE_PACKAGE = "6 x 60-minute massage";

	static final PatientDetails PT_PATIENT = new PatientDetails("Dana", "Whitfield", "dana.whitfield@example.org",
			"(973) 555-0188", LocalDate.of(1969, 11, 3));

	static final String PT_PLAN = "harbor-health-ppo";

	static final int AUTHORIZED = 12;

	static final int BOOKED_UNDER_IT = 10;

	private final PackageAdmin packages;

	private final CarePackages onSale;

	private final PackageSales sales;

	private final Authorizations authorizations;

	private final Patients patients;

	private final DemoVisits demoVisits;

	private final VisitBooking visits;

	private final Clock clock;

	DemoPayingForCare(PackageAdmin packages, CarePackages onSale, PackageSales sales, Authorizations authorizations,
			Patients patients, DemoVisits demoVisits, VisitBooking visits, Clock clock) {
		this.packages = packages;
		this.onSale = onSale;
		this.sales = sales;
		this.authorizations = authorizations;
		this.patients = patients;
		this.demoVisits = demoVisits;
		this.visits = visits;
		this.clock = clock;
	}

	/**
	 * Puts the package on sale, sells one to the demo patient and records the PT
	 * authorization; once (nothing if the package is there already).
	 */
	void load(PatientId demoPatient) {
		if (onSale.all().stream().anyMatch(offered -> offered.name().equals(MASSAGE_PACKAGE))) {
			return;
		}
		List<String> sixtyMinuteMassages = DemoCatalog.SERVICES.stream()
			.filter(service -> service.category().equals("MASSAGE") && service.minutes() == 60)
			.map(DemoCatalog.Service::id)
			.toList();
		String id = packages
			.define(new PackageAdmin.Terms(MASSAGE_PACKAGE, Money.usd(54000), sixtyMinuteMassages, 6, 180));
		sales.sell(demoPatient, id, PaidHow.CARD_TERMINAL);
		loadAuthorization();
	}

	/** The PT patient, the authorization, and a weekly course booked under the plan. */
	private void loadAuthorization() {
		LocalDate today = DemoClinics.today(clock);
		PatientId patient = PatientId.of(patients.identify(PT_PATIENT));
		authorizations.record(patient,
				new Authorizations.Terms(PT_PLAN, "HHP-PT-" + today.getYear() + "-0412", AUTHORIZED, today.minusDays(7),
						today.plusDays(90), List.of("physical-therapy-evaluation", "physical-therapy-45"),
						List.of("97110", "97140")));
		VisitAnswers underThePlan = new VisitAnswers(PT_PATIENT, Payer.plan(PT_PLAN, "HHP-448210"), (HealthIntake) null,
				org.unknot.visit.Advice.NOT_GIVEN);
		Optional<SlotRequest> evaluation = demoVisits.firstFree("physical-therapy-evaluation", "james-okafor",
				DemoClinics.MONTCLAIR, today.plusDays(2));
		evaluation.ifPresent(slot -> visits.book(slot, null, underThePlan, BookedBy.PATIENT));
		LocalDate sessionsFrom = evaluation
			.map(slot -> slot.start().atZone(ZoneId.of(DemoClinics.ZONE)).toLocalDate().plusDays(7))
			.orElse(today.plusDays(9));
		demoVisits
			.firstWholeCourse("physical-therapy-45", "james-okafor", DemoClinics.MONTCLAIR, sessionsFrom,
					BOOKED_UNDER_IT - 1, 1)
			.ifPresent(start -> visits.bookSeries(start, null, new Repeat(1, BOOKED_UNDER_IT - 1, false), underThePlan,
					BookedBy.PATIENT));
	}

}
