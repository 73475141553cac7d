package org.unknot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.PlanTerms;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/** A signed plan for a patient of a practitioner, made the way the pages make one. */
public record PlanFixture(Assessments assessments, TreatmentPlans plans) {

	public static final SessionNotes.Actor ACTOR = new SessionNotes.Actor("test", "PRACTITIONER", null);

	public TreatmentPlan signed(UUID patient, String practitioner, String service, int everyWeeks, int visits,
			LocalDate start) {
		UUID assessment = assessments
			.record(new Assessments.NewAssessment(PatientId.of(patient), PractitionerId.of(practitioner),
					"Upper back ache", Set.of(BodyRegion.UPPER_BACK), null, true, Set.of(), null, null, null, null,
					null, List.of("M54.6"), null), ACTOR)
			.id();
		TreatmentPlan plan = TreatmentPlan.draft(assessment, PatientId.of(patient), PractitionerId.of(practitioner),
				ServiceId.of(service), new PlanTerms(List.of(new Goal("Worst pain in a day", "3/10 or less")),
						Set.of(Technique.SWEDISH), everyWeeks, visits, start, start.plusWeeks(2L * everyWeeks)),
				Instant.now());
		plan.sign(practitioner, Instant.now());
		plans.save(plan);
		return plan;
	}

}
