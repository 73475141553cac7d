package org.unknot.visit;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unknot.booking.Booked;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.care.PlanProgress;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;

/**
 * "Book this plan": the visits of a signed plan still to book, booked at once as a course
 * through {@link VisitBooking} (every visit checked, alternatives offered for each
 * clash), each visit linked to the plan. Only what is missing is booked, so booking again
 * after a cancellation fills the gap instead of doubling the course.
 */
@Service
public class PlanBooking {

	private final VisitBooking visits;

	private final TreatmentPlans plans;

	private final Patients patients;

	private final Clock clock;

	PlanBooking(VisitBooking visits, TreatmentPlans plans, Patients patients, Clock clock) {
		this.visits = visits;
		this.plans = plans;
		this.patients = patients;
		this.clock = clock;
	}

	/**
	 * The visits still to book, from {@code firstStart} at the plan's frequency with its
	 * practitioner and service at {@code location}.
	 * @throws org.unknot.booking.SeriesConflicts when none of them could be booked
	 */
	@Transactional
	public SeriesOutcome bookCourse(UUID planId, LocationId location, Instant firstStart, BookedBy by) {
		TreatmentPlan plan = bookable(planId);
		PlanProgress progress = plans.progress(plan);
		if (progress.toBook() == 0) {
			throw new InvalidRequest("firstStart", "Every visit of this plan is already booked or done.");
		}
		SeriesOutcome outcome = visits.bookSeries(slot(plan, location, firstStart), null,
				new Repeat(plan.terms().everyWeeks(), (int) progress.toBook(), false), answers(plan), by);
		outcome.booked().forEach(booked -> link(plan, booked));
		return outcome;
	}

	/** One visit of the plan at a time chosen by hand, such as an offered alternative. */
	@Transactional
	public Booked bookOne(UUID planId, LocationId location, Instant start, BookedBy by) {
		TreatmentPlan plan = bookable(planId);
		if (plans.progress(plan).toBook() == 0) {
			throw new InvalidRequest("start", "Every visit of this plan is already booked or done.");
		}
		Booked booked = visits.book(slot(plan, location, start), null, answers(plan), by);
		link(plan, booked);
		return booked;
	}

	private TreatmentPlan bookable(UUID planId) {
		TreatmentPlan plan = plans.find(planId)
			.orElseThrow(() -> new NotFound(null, "treatment plan", planId.toString()));
		if (!plan.status().open()) {
			throw new InvalidRequest("plan", "Only a signed plan that has not ended is booked; this one is "
					+ plan.status().label().toLowerCase() + ".");
		}
		return plan;
	}

	private VisitAnswers answers(TreatmentPlan plan) {
		PatientDetails patient = patients.find(plan.patientId())
			.orElseThrow(() -> new NotFound(null, "patient", plan.patientId().toString()))
			.details();
		return VisitAnswers.selfPay(patient);
	}

	private static SlotRequest slot(TreatmentPlan plan, LocationId location, Instant start) {
		return new SlotRequest(ServiceId.of(plan.serviceId()), PractitionerId.of(plan.practitionerId()), location,
				start);
	}

	private void link(TreatmentPlan plan, Booked booked) {
		plans.link(plan.id(), booked.appointment().id(), clock.instant());
	}

}
