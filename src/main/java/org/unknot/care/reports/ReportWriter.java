package org.unknot.care.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unknot.booking.Appointment;
import org.unknot.care.PlanProgress;
import org.unknot.care.PlanTerms;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.ClinicTime;
import org.unknot.care.measures.Progress;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.Times;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;

/**
 * Puts a report into words: names for ids, each time in the zone of its clinic, visits as
 * attended, cancelled or missed, and the patient's outcome measures judged against
 * meaningful change.
 */
@Component
class ReportWriter {

	private final TreatmentPlans plans;

	private final Progress progress;

	private final Patients patients;

	private final Practitioners practitioners;

	private final CareServices services;

	private final Clinics clinics;

	private final ClinicTime clinicTime;

	ReportWriter(TreatmentPlans plans, Progress progress, Patients patients, Practitioners practitioners,
			CareServices services, Clinics clinics, ClinicTime clinicTime) {
		this.plans = plans;
		this.progress = progress;
		this.patients = patients;
		this.practitioners = practitioners;
		this.services = services;
		this.clinics = clinics;
		this.clinicTime = clinicTime;
	}

	ReportContent content(TreatmentPlan plan, ReportKind kind, String summary, String followUp, String practitionerId,
			Instant now, Progress.Reader reader) {
		Patient patient = patients.get(plan.patientId());
		ZoneId zone = clinicTime.ofPatient(PatientId.of(plan.patientId()));
		PlanTerms terms = plan.terms();
		PlanProgress course = plans.progress(plan);
		String signedPlan = plan.signedAt() == null ? "" : ", signed " + Times.shortDateTime(plan.signedAt(), zone);
		return new ReportContent(kind, patient.givenName() + " " + patient.familyName(),
				patient.birthDate() == null ? "not recorded" : Times.day(patient.birthDate()),
				practitionerName(plan.practitionerId()),
				services.find(plan.serviceId()).map(CareService::name).orElse("a service no longer offered"),
				plan.status().label() + signedPlan,
				terms.visits() + " visits, " + terms.frequency() + ", from " + Times.day(terms.startDate())
						+ "; review " + Times.day(terms.reviewDate()),
				terms.goals(),
				terms.techniquesInOrder().stream().map(Technique::label).collect(Collectors.joining(", ")),
				course.summary(), course.visits().stream().map(this::line).toList(), outcomes(plan, now, zone, reader),
				ended(plan, zone), summary, followUp,
				Times.dateTime(now, zone) + " by " + practitionerName(practitionerId));
	}

	/**
	 * Each measure over the plan's period: from its first day (with the baseline, the
	 * last score on or before it) to the day it ended, or to this report while it runs.
	 */
	private List<ReportContent.Charted> outcomes(TreatmentPlan plan, Instant now, ZoneId zone, Progress.Reader reader) {
		LocalDate start = plan.terms().startDate();
		boolean ended = plan.status().ended() && plan.endedAt() != null;
		LocalDate last = ended ? plan.endedAt().atZone(zone).toLocalDate() : now.atZone(zone).toLocalDate();
		Instant until = ended ? last.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1) : now;
		String period = "Charted from " + Times.day(start) + " to " + Times.day(last) + ", the plan's period";
		Instant startDay = start.atStartOfDay(zone).toInstant();
		return progress.during(PatientId.of(plan.patientId()), start, until, reader).stream().map(series -> {
			Progress.Point first = series.points().get(0);
			String baseline = first.at().isBefore(startDay)
					? "; the first point (" + first.dayLabel() + ") is the baseline, the last score before it began."
					: "; the first point is the baseline.";
			return new ReportContent.Charted(series, period + baseline);
		}).toList();
	}

	String practitionerName(String id) {
		return Optional.ofNullable(PractitionerId.ofNullable(id))
			.flatMap(practitioners::find)
			.map(Practitioner::displayName)
			.orElse("a practitioner no longer listed");
	}

	ZoneId zoneOf(UUID patientId) {
		return clinicTime.ofPatient(PatientId.of(patientId));
	}

	private static String ended(TreatmentPlan plan, ZoneId zone) {
		if (!plan.status().ended()) {
			return null;
		}
		String when = plan.status().label() + " on " + Times.day(plan.endedAt().atZone(zone).toLocalDate());
		return plan.discontinueReason() == null ? when : when + ". Reason: " + plan.discontinueReason();
	}

	private ReportContent.VisitLine line(Appointment visit) {
		String clinicId = visit.location().clinicIdOrNull();
		String where = clinicId == null ? "video visit"
				: clinics.find(clinicId).map(Clinic::name).orElse("a clinic no longer listed");
		String status = switch (visit.status()) {
			case FULFILLED -> "attended";
			case CANCELLED -> "cancelled";
			case NOSHOW -> "missed";
			case ARRIVED, CHECKED_IN -> "under way";
			default -> "booked";
		};
		return new ReportContent.VisitLine(Times.shortDateTime(visit.start(), clinics.zoneOf(visit.location())), where,
				status);
	}

}
