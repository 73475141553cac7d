package org.unknot.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.care.Assessment;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;

/**
 * The demo patient's initial assessment by Ana Ribeiro and the weekly plan she signed
 * from it, so the care pages have something to show on the first start. All of it is
 * fictional.
 */
@Component
class DemoCare {

	static final String PRACTITIONER = "ana-ribeiro";

	private static final SessionNotes.Actor DEMO = new SessionNotes.Actor("system:demo", "SYSTEM", null);

	private final Assessments assessments;

	private final TreatmentPlans plans;

	private final Clock clock;

	DemoCare(Assessments assessments, TreatmentPlans plans, Clock clock) {
		this.assessments = assessments;
		this.plans = plans;
		this.clock = clock;
	}

	void load(UUID patientId) {
		Assessment assessment = assessments.record(new Assessments.NewAssessment(patientId, PRACTITIONER,
				"Aching between the shoulder blades and a stiff neck by the end of the work day",
				Set.of(BodyRegion.NECK, BodyRegion.UPPER_BACK),
				"Began about four months ago with a new job at a standing desk; worse after long calls", true, Set.of(),
				"Tender taut bands in both upper trapezius and the left rhomboid; head held forward", 60, 70, 165, 170,
				List.of("M54.6", "M54.2", "M62.830"),
				"Turn the head to check the blind spot; carry the groceries upstairs"), DEMO);
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DemoClinics.ZONE)));
		TreatmentPlan plan = TreatmentPlan.draft(assessment.id(), patientId, PRACTITIONER, "swedish-60",
				new PlanTerms(
						List.of(new Goal("Worst pain in a day", "3/10 or less"),
								new Goal("Turn the head left to check the blind spot", "70 degrees without pain")),
						Set.of(Technique.SWEDISH, Technique.TRIGGER_POINT, Technique.MYOFASCIAL_RELEASE), 1, 6,
						today.plusDays(3), today.plusWeeks(7)),
				clock.instant());
		plan.sign(PRACTITIONER, clock.instant());
		plans.save(plan);
	}

}
