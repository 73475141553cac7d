package org.unknot.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessment;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureSchedules;
import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.care.measures.Timing;
import org.unknot.catalog.LocationId;
import org.unknot.visit.BookedBy;
import org.unknot.visit.PlanBooking;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.ServiceId;

/**
 * The demo patient's initial assessment by Ana Ribeiro, the plan of six bi-weekly visits
 * she signed from it the day before its first visit, with the measures it takes, its
 * first three visits done (Wednesdays five, three and one weeks ago) and the other three
 * booked through "Book this plan", so the care pages, the plan's progress and its outcome
 * curves have something to show on the first start. All of it is fictional.
 */
@Component
class DemoCare {

	static final String PRACTITIONER = "ana-ribeiro";

	static final int VISITS = 6;

	/** Visits done before the demo is loaded, the rest being booked. */
	static final int DONE = 3;

	/** Who the demo's clinical records say wrote them. */
	static final SessionNotes.Actor DEMO = new SessionNotes.Actor("system:demo", "SYSTEM", null);

	static final String SERVICE = "swedish-60";

	private final Assessments assessments;

	private final TreatmentPlans plans;

	private final MeasureSchedules schedules;

	private final PlanBooking booking;

	private final DemoVisits visits;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoCare(Assessments assessments, TreatmentPlans plans, MeasureSchedules schedules, PlanBooking booking,
			DemoVisits visits, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.visits = visits;
		this.assessments = assessments;
		this.plans = plans;
		this.schedules = schedules;
		this.booking = booking;
		this.clock = clock;
	}

	/** The booked course, or empty when Ana has no free time in the weeks ahead. */
	Optional<Course> load(UUID patientId) {
		Assessment assessment = assessments
			.record(new Assessments.NewAssessment(PatientId.of(patientId), PractitionerId.of(PRACTITIONER),
					"Aching between the shoulder blades and a stiff neck by the end of the work day",
					Set.of(BodyRegion.NECK, BodyRegion.UPPER_BACK),
					"Began about four months ago with a new job at a standing desk; worse after long calls", true,
					Set.of(), "Tender taut bands in both upper trapezius and the left rhomboid; head held forward", 60,
					70, 165, 170, List.of("M54.6", "M54.2", "M62.830"),
					"Turn the head to check the blind spot; carry the groceries upstairs"), DEMO);
		LocalDate today = DemoClinics.today(clock);
		List<LocalDateTime> done = visitsDone(today);
		LocalDate start = done.get(0).toLocalDate();
		// assessed, and the plan drawn up and signed, the day before its first visit, so
		// that the record, the plan and its report read in order
		Instant assessed = done.get(0).minusDays(1).atZone(ZoneId.of(DemoClinics.ZONE)).toInstant();
		dateBack(jdbc, assessment.id(), assessed);
		TreatmentPlan plan = TreatmentPlan.draft(assessment.id(), PatientId.of(patientId),
				PractitionerId.of(PRACTITIONER), ServiceId.of(SERVICE),
				new PlanTerms(
						List.of(new Goal("Worst pain in a day", "3/10 or less"),
								new Goal("Turn the head left to check the blind spot", "70 degrees without pain")),
						Set.of(Technique.SWEDISH, Technique.TRIGGER_POINT, Technique.MYOFASCIAL_RELEASE), 2, VISITS,
						start, start.plusWeeks(6)),
				assessed);
		plan.sign(PRACTITIONER, assessed);
		plans.save(plan);
		schedules.set(plan.id(),
				List.of(ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 1),
						ScheduledMeasure.every(BuiltInMeasures.PSFS, Timing.EVERY_VISITS, 1),
						ScheduledMeasure.at(BuiltInMeasures.PGIC, Timing.REVIEW),
						ScheduledMeasure.at(BuiltInMeasures.PGIC, Timing.DISCHARGE)));
		List<Visit> past = new ArrayList<>();
		for (LocalDateTime at : done) {
			UUID visit = visits.past(patientId, SERVICE, PRACTITIONER, DemoClinics.MONTCLAIR, 1, at, "fulfilled");
			Instant when = at.atZone(ZoneId.of(DemoClinics.ZONE)).toInstant();
			plans.link(plan.id(), visit, when);
			past.add(new Visit(visit, when));
		}
		// the next visit two weeks after the last one done, or the first free time after
		LocalDate next = done.get(DONE - 1).toLocalDate().plusWeeks(2);
		LocalDate from = next.isBefore(today.plusDays(3)) ? today.plusDays(3) : next;
		Optional<Instant> first = visits
			.firstWholeCourse(SERVICE, PRACTITIONER, DemoClinics.MONTCLAIR, from, VISITS - DONE, 2)
			.map(SlotRequest::start);
		if (first.isEmpty()) {
			return Optional.empty();
		}
		SeriesOutcome course = booking.bookCourse(plan.id(), LocationId.of(DemoClinics.MONTCLAIR), first.get(),
				BookedBy.PATIENT);
		return Optional.of(new Course(plan.id(), past, course));
	}

	/**
	 * Assessments are recorded when they are taken; the demo's were taken weeks or months
	 * before the demo loads, so they are dated back the way its past visits are written
	 * on their days.
	 */
	static void dateBack(JdbcClient jdbc, UUID assessmentId, Instant taken) {
		jdbc.sql("UPDATE assessment SET recorded_at = ? WHERE id = ?")
			.params(Timestamp.from(taken), assessmentId)
			.update();
	}

	/**
	 * Wednesdays five, three and one weeks ago, at the first hour from 2 PM when Ana and
	 * a massage room are free on all three (a test may load a second such patient).
	 */
	private List<LocalDateTime> visitsDone(LocalDate today) {
		List<LocalDateTime> done = new ArrayList<>();
		for (int hour = 14; hour < 17 && done.size() < DONE; hour++) {
			done.clear();
			for (int n = 0; n < DONE; n++) {
				LocalDateTime at = today.minusWeeks(2L * (DONE - n) - 1)
					.with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY))
					.atTime(hour, 0);
				if (visits.free(SERVICE, PRACTITIONER, DemoClinics.MONTCLAIR, 1, at)) {
					done.add(at);
				}
			}
		}
		return done;
	}

	/** A visit done, and when it began. */
	record Visit(UUID id, Instant start) {
	}

	/** The plan, its visits done and the visits booked for it. */
	record Course(UUID planId, List<Visit> done, SeriesOutcome outcome) {
	}

}
