package org.unknot.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.unknot.booking.SlotRequest;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.care.measures.MeasureSchedules;
import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.care.measures.Timing;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.visit.BookedBy;
import org.unknot.visit.PlanBooking;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.ServiceId;

/**
 * Plans that ended months ago, so the owners' outcomes page has something to say on the
 * first start: five practitioners' plans at the four clinics, most completed (the pain
 * and activity scores of each visit drawn from a seeded generator, so every load is
 * alike), some discontinued, two groups under five plans so the page shows how small
 * groups are hidden. And Noor Haddad, whose weekly plan with Ana Ribeiro has had six
 * visits without a meaningful change, so Ana's day and the record show "review: not
 * responding". Everyone here is invented.
 */
@Component
class DemoOutcomes {

	/**
	 * One practitioner's ended plans at one clinic, their visits on this weekday from
	 * this hour: so many completed, of which the first so many improved meaningfully in
	 * pain and in the activities, and so many discontinued.
	 */
	record Cohort(String practitioner, String clinic, String service, DayOfWeek day, int hour, int completed,
			int painImproved, int activitiesImproved, int discontinued) {
	}

	static final List<Cohort> COHORTS = List.of(
			new Cohort(DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, "swedish-60", DayOfWeek.WEDNESDAY, 9, 6, 6, 5, 2),
			new Cohort("james-okafor", DemoClinics.MONTCLAIR, "physical-therapy-45", DayOfWeek.MONDAY, 8, 10, 5, 5, 3),
			new Cohort("naomi-sato", DemoClinics.PRINCETON, "shiatsu-60", DayOfWeek.THURSDAY, 10, 5, 5, 3, 1),
			new Cohort("lucia-fernandes", DemoClinics.HOBOKEN, "physical-therapy-45", DayOfWeek.TUESDAY, 8, 4, 4, 2, 1),
			new Cohort("ravi-sharma", DemoClinics.RED_BANK, "deep-tissue-60", DayOfWeek.MONDAY, 10, 3, 2, 2, 1));

	static final PatientDetails NOT_RESPONDING = new PatientDetails("Noor", "Haddad", "noor.haddad@example.org",
			"(973) 555-0167", LocalDate.of(1979, 8, 23));

	static final int[] NOT_RESPONDING_PAIN = { 6, 6, 5, 6, 5, 5 };

	private static final int VISITS = 6;

	private static final List<String> GIVEN = List.of("Avery", "Blake", "Camila", "Dmitri", "Elena", "Farah", "Gideon",
			"Hana", "Isaac", "Jae", "Kiran", "Lena", "Mateo", "Nadia", "Oscar", "Paloma", "Quinn", "Rosa", "Silas",
			"Tessa");

	private static final List<String> FAMILY = List.of("Abernathy", "Brandt", "Coelho", "Dunmore", "Esposito",
			"Fairbanks", "Greaves", "Holloway", "Ibarra", "Jansen", "Kettering", "Lindqvist", "Moreau", "Novak");

	private static final List<String> REASONS = List.of("Moved away from the area",
			"Could not fit the visits around a new job", "Referred on to a pain physician");

	private final Assessments assessments;

	private final TreatmentPlans plans;

	private final MeasureSchedules schedules;

	private final MeasureResponses responses;

	private final Patients patients;

	private final DemoVisits visits;

	private final PlanBooking booking;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoOutcomes(JdbcClient jdbc, Assessments assessments, TreatmentPlans plans, MeasureSchedules schedules,
			MeasureResponses responses, Patients patients, DemoVisits visits, PlanBooking booking, Clock clock) {
		this.assessments = assessments;
		this.plans = plans;
		this.schedules = schedules;
		this.responses = responses;
		this.patients = patients;
		this.visits = visits;
		this.booking = booking;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Writes the ended plans and Noor Haddad's; once (nothing if Noor is there). */
	void load() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM patient WHERE email = ?)")
			.param(NOT_RESPONDING.email())
			.query(Boolean.class)
			.single()) {
			return;
		}
		LocalDate today = DemoClinics.today(clock);
		Random random = new Random(14);
		int person = 0;
		for (Cohort cohort : COHORTS) {
			for (int k = 0; k < cohort.completed() + cohort.discontinued(); k++) {
				boolean completed = k < cohort.completed();
				// six weekly visits, the last of them fifteen weeks ago or more; four
				// patients a practitioner, one an hour, then the next four eight weeks
				// earlier, so that a course that went on past two holidays (Memorial Day
				// and Independence Day) ends before the next begins
				List<LocalDateTime> course = DemoClinics.openWeekdaysUntil(cohort.clinic(),
						today.minusWeeks(15L + 8L * (k / 4)), cohort.day(), LocalTime.of(cohort.hour() + k % 4, 0),
						VISITS);
				UUID patient = patients.identify(person(person++));
				ended(cohort, patient, course, completed, k < cohort.painImproved(), k < cohort.activitiesImproved(),
						random);
			}
		}
		notResponding(today);
	}

	private PatientDetails person(int n) {
		String given = GIVEN.get(n % GIVEN.size());
		String family = FAMILY.get((n * 5) % FAMILY.size());
		return new PatientDetails(given, family,
				given.toLowerCase() + "." + family.toLowerCase() + "." + n + "@example.org", null,
				LocalDate.of(1950 + (n * 7) % 50, 1 + n % 12, 1 + n % 28));
	}

	/**
	 * A plan of weekly visits on these days, held (all of them, or the first two before
	 * it was discontinued) and scored.
	 */
	private void ended(Cohort cohort, UUID patient, List<LocalDateTime> course, boolean completed, boolean painImproves,
			boolean activitiesImprove, Random random) {
		TreatmentPlan plan = signed(patient, cohort.practitioner(), cohort.service(), 1, VISITS, course.get(0));
		int done = completed ? VISITS : 2;
		// what improves does so by a meaningful amount by a visit from the second to the
		// fifth; the rest by a point at most
		int painFirst = 5 + random.nextInt(4);
		int painChange = painImproves ? -(2 + random.nextInt(3)) : -random.nextInt(2);
		int painBy = 1 + random.nextInt(3);
		int psfsFirst = 2 + random.nextInt(3);
		int psfsChange = activitiesImprove ? 2 + random.nextInt(3) : random.nextInt(2);
		int psfsBy = 1 + random.nextInt(4);
		Instant last = null;
		for (int n = 0; n < done; n++) {
			LocalDateTime at = course.get(n);
			UUID visit = visits.past(patient, cohort.service(), cohort.practitioner(), cohort.clinic(), 1, at,
					"fulfilled");
			last = at.atZone(ZoneId.of(DemoClinics.ZONE)).toInstant();
			plans.link(plan.id(), visit, last);
			MeasureResponses.Taken taken = new MeasureResponses.Taken(plan.id(), visit, null, "patient",
					last.minus(Duration.ofHours(20)));
			responses.record(PatientId.of(patient), BuiltInMeasures.PAIN_NRS,
					Answers
						.of(Map.of("pain", painFirst + Math.round((float) painChange * Math.min(n, painBy) / painBy))),
					taken);
			responses.record(PatientId.of(patient), BuiltInMeasures.FUNCTION,
					activities(psfsFirst + Math.round((float) psfsChange * Math.min(n, psfsBy) / psfsBy)), taken);
		}
		if (completed) {
			plan.complete(last.plus(Duration.ofHours(1)));
		}
		else {
			plan.discontinue(REASONS.get(random.nextInt(REASONS.size())), last.plus(Duration.ofDays(10)));
		}
		plans.save(plan);
	}

	/**
	 * Noor Haddad's weekly plan with Ana Ribeiro: six Fridays done (the last a week ago
	 * or more), pain from 6 to 5, the activities from 4 to 5, neither a meaningful
	 * change; the last two visits booked.
	 */
	private void notResponding(LocalDate today) {
		UUID patient = patients.identify(NOT_RESPONDING);
		List<LocalDateTime> done = DemoClinics.openWeekdaysUntil(DemoClinics.MONTCLAIR, today.minusWeeks(1),
				DayOfWeek.FRIDAY, LocalTime.of(11, 0), VISITS);
		TreatmentPlan plan = signed(patient, DemoCare.PRACTITIONER, DemoCare.SERVICE, 1, VISITS + 2, done.get(0));
		for (int n = 0; n < VISITS; n++) {
			LocalDateTime at = done.get(n);
			UUID visit = visits.past(patient, DemoCare.SERVICE, DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, 2, at,
					"fulfilled");
			Instant start = at.atZone(ZoneId.of(DemoClinics.ZONE)).toInstant();
			plans.link(plan.id(), visit, start);
			MeasureResponses.Taken taken = new MeasureResponses.Taken(plan.id(), visit, null, "patient",
					start.minus(Duration.ofHours(20)));
			responses.record(PatientId.of(patient), BuiltInMeasures.PAIN_NRS,
					Answers.of(Map.of("pain", NOT_RESPONDING_PAIN[n])), taken);
			responses.record(PatientId.of(patient), BuiltInMeasures.FUNCTION, activities(n % 3 == 2 ? 5 : 4), taken);
		}
		Optional<Instant> next = visits
			.firstWholeCourse(DemoCare.SERVICE, DemoCare.PRACTITIONER, DemoClinics.MONTCLAIR, today, 2, 1)
			.map(SlotRequest::start);
		next.ifPresent(
				start -> booking.bookCourse(plan.id(), LocationId.of(DemoClinics.MONTCLAIR), start, BookedBy.PATIENT));
	}

	private TreatmentPlan signed(UUID patient, String practitioner, String service, int everyWeeks, int visits,
			LocalDateTime first) {
		UUID assessment = assessments
			.record(new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(practitioner),
					"Aching across the upper back and neck", Set.of(BodyRegion.NECK, BodyRegion.UPPER_BACK),
					"Months of desk work", true, Set.of(), null, null, null, null, null, List.of("M54.6"),
					"Sit through a working day without pain"), DemoCare.DEMO)
			.id();
		LocalDate start = first.toLocalDate();
		// assessed, and the plan signed, the day before its first visit
		Instant made = first.minusDays(1).atZone(ZoneId.of(DemoClinics.ZONE)).toInstant();
		DemoCare.dateBack(jdbc, assessment, made);
		TreatmentPlan plan = TreatmentPlan.draft(assessment, PatientId.of(patient), PractitionerId.of(practitioner),
				ServiceId.of(service), new PlanTerms(List.of(new Goal("Worst pain in a day", "3/10 or less")),
						Set.of(Technique.SWEDISH), everyWeeks, visits, start, start.plusWeeks(3L * everyWeeks)),
				made);
		plan.sign(practitioner, made);
		plans.save(plan);
		schedules.set(plan.id(), List.of(ScheduledMeasure.every(BuiltInMeasures.PAIN, Timing.EVERY_VISITS, 1),
				ScheduledMeasure.every(BuiltInMeasures.PSFS, Timing.EVERY_VISITS, 1)));
		return plan;
	}

	private static Answers activities(int each) {
		return new Answers(Map.of("activity-1", each, "activity-2", each, "activity-3", each), Map.of("activity-1",
				"Lifting a child", "activity-2", "Reaching overhead", "activity-3", "Sleeping through the night"));
	}

}
