package org.unknot.frontdesk.web;

import java.util.UUID;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.unknot.account.SignedIn;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.frontdesk.CareAccess;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.NotFound;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;

/**
 * What the plan pages and the plan booking pages share: a plan opened by someone allowed
 * to see it (audited), and its service and practitioner named.
 */
@Component
class StaffPlans {

	private final TreatmentPlans plans;

	private final CareServices services;

	private final Practitioners practitioners;

	private final CareAccess access;

	StaffPlans(TreatmentPlans plans, CareServices services, Practitioners practitioners, CareAccess access) {
		this.plans = plans;
		this.services = services;
		this.practitioners = practitioners;
		this.access = access;
	}

	/** The plan, for staff who see the patient's plans; the opening is audited. */
	TreatmentPlan viewed(SignedIn me, UUID id, HttpServletRequest request) {
		TreatmentPlan plan = plans.find(id).orElseThrow(() -> new NotFound(null, "treatment plan", id.toString()));
		access.requireViews(me, PatientId.of(plan.patientId()));
		return plans.open(id, CareController.actor(me, request)).orElseThrow();
	}

	String practitionerName(String id) {
		return Optional.ofNullable(PractitionerId.ofNullable(id))
			.flatMap(practitioners::find)
			.map(Practitioner::displayName)
			.orElse("a practitioner no longer listed");
	}

	String serviceName(String id) {
		return services.find(id).map(CareService::name).orElse("a service no longer offered");
	}

}
