package org.unknot.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.unknot.care.Assessments;
import org.unknot.care.BodyRegion;
import org.unknot.care.Goal;
import org.unknot.care.RangeOfMotion;
import org.unknot.care.PlanTerms;
import org.unknot.care.PlanVersion;
import org.unknot.care.SessionNotes;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.Answers;
import org.unknot.care.measures.Measure;
import org.unknot.care.measures.MeasureResponse;
import org.unknot.care.measures.MeasureResponses;
import org.unknot.care.measures.MeasureSchedules;
import org.unknot.care.measures.Measures;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.practitioner.Practitioners;
import org.unknot.patient.PatientId;

/**
 * The patient's assessments, treatment plans (every version, with the measures each
 * takes) and their questionnaire answers with scores, as parts of the patient's JSON
 * download. Names, not ids, for practitioners and services; ids only to tie answers to
 * plans and visits.
 */
@Component
class CareExport {

	private final TreatmentPlans plans;

	private final MeasureSchedules schedules;

	private final MeasureResponses responses;

	private final Measures measures;

	private final CareServices services;

	private final Practitioners practitioners;

	private final Assessments assessments;

	CareExport(TreatmentPlans plans, MeasureSchedules schedules, MeasureResponses responses, Measures measures,
			CareServices services, Practitioners practitioners, Assessments assessments) {
		this.assessments = assessments;
		this.plans = plans;
		this.schedules = schedules;
		this.responses = responses;
		this.measures = measures;
		this.services = services;
		this.practitioners = practitioners;
	}

	List<Map<String, Object>> plans(UUID patientId, SessionNotes.Actor actor) {
		Map<String, String> names = practitioners.displayNames();
		return plans.ofPatient(PatientId.of(patientId), actor).stream().map(plan -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", plan.id().toString());
			row.put("status", plan.status().label());
			row.put("practitioner", names.getOrDefault(plan.practitionerId(), "a practitioner no longer listed"));
			row.put("service", services.find(plan.serviceId()).map(CareService::name).orElse("a service"));
			row.put("signedAt", plan.signedAt() == null ? "" : plan.signedAt().toString());
			row.put("endedAt", plan.endedAt() == null ? "" : plan.endedAt().toString());
			row.put("discontinueReason", plan.discontinueReason() == null ? "" : plan.discontinueReason());
			row.put("visits", plans.progress(plan).summary());
			row.put("measures",
					schedules.of(plan.id())
						.stream()
						.map(line -> Map.of("measure", title(line.measure()), "when", line.when()))
						.toList());
			row.put("versions", plan.versions().stream().map(version -> version(version, names)).toList());
			return row;
		}).toList();
	}

	List<Map<String, Object>> answers(UUID patientId) {
		return responses.ofPatient(PatientId.of(patientId)).stream().map(response -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("measure", title(response.measure()));
			row.put("code", response.measure());
			row.put("score", response.score());
			row.put("answeredAt", response.answeredAt().toString());
			row.put("enteredBy", response.enteredBy());
			row.put("plan", response.planId() == null ? "" : response.planId().toString());
			row.put("visit", response.appointmentId() == null ? "" : response.appointmentId().toString());
			Answers answers = responses.answersOf(response.id());
			row.put("answers", answers.scores());
			row.put("activitiesNamed", answers.names());
			return row;
		}).toList();
	}

	/** Every assessment of the patient, as the practitioner recorded it, newest first. */
	List<Map<String, Object>> assessments(UUID patientId, SessionNotes.Actor actor) {
		Map<String, String> names = practitioners.displayNames();
		return assessments.ofPatient(PatientId.of(patientId), actor).stream().map(assessment -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("recordedAt", assessment.recordedAt().toString());
			row.put("practitioner", names.getOrDefault(assessment.practitionerId(), "a practitioner no longer listed"));
			row.put("chiefComplaint", assessment.chiefComplaint());
			row.put("regions", assessment.regionsInOrder().stream().map(BodyRegion::label).toList());
			row.put("onsetAndHistory", text(assessment.onsetAndHistory()));
			row.put("redFlagsFound", assessment.redFlagsInOrder().stream().map(Enum::name).toList());
			row.put("findings", text(assessment.findings()));
			RangeOfMotion motion = assessment.rangeOfMotion();
			Map<String, Object> degrees = new LinkedHashMap<>();
			degrees.put("cervicalRotationLeft", motion.cervicalRotationLeft());
			degrees.put("cervicalRotationRight", motion.cervicalRotationRight());
			degrees.put("shoulderFlexionLeft", motion.shoulderFlexionLeft());
			degrees.put("shoulderFlexionRight", motion.shoulderFlexionRight());
			row.put("rangeOfMotionDegrees", degrees);
			row.put("diagnosisCodes", assessment.diagnosisCodes());
			row.put("functionalGoals", text(assessment.functionalGoals()));
			return row;
		}).toList();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private Map<String, Object> version(PlanVersion version, Map<String, String> names) {
		PlanTerms terms = version.terms();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("version", version.number());
		row.put("recordedAt", version.recordedAt().toString());
		row.put("recordedBy", names.getOrDefault(version.recordedBy(), "a practitioner"));
		row.put("reason", version.reason() == null ? "" : version.reason());
		row.put("goals",
				terms.goals().stream().map(goal -> Map.of("goal", goal.text(), "target", goal.target())).toList());
		row.put("techniques", terms.techniquesInOrder().stream().map(Technique::label).toList());
		row.put("frequency", terms.frequency());
		row.put("visits", terms.visits());
		row.put("startDate", terms.startDate().toString());
		row.put("reviewDate", terms.reviewDate().toString());
		return row;
	}

	private String title(String code) {
		return measures.find(code).map(Measure::title).orElse(code);
	}

}
