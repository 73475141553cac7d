package org.unknot.frontdesk.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.account.SignedIn;
import org.unknot.account.Role;
import org.unknot.care.measures.NotResponding;
import org.unknot.frontdesk.PatientRecords;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.InsurancePlans;
import org.unknot.practitioner.Practitioners;
import org.unknot.patient.PatientId;

/**
 * A patient's record for staff. Opening it is a read of health information and always
 * audited; a staff member without a treating relationship sees a form asking why, and the
 * reason is audited.
 */
@Controller
class PatientRecordController {

	private final PatientRecords records;

	private final InsurancePlans plans;

	private final Practitioners practitioners;

	private final NotResponding notResponding;

	PatientRecordController(PatientRecords records, InsurancePlans plans, Practitioners practitioners,
			NotResponding notResponding) {
		this.notResponding = notResponding;
		this.records = records;
		this.plans = plans;
		this.practitioners = practitioners;
	}

	@GetMapping("/staff/patients/{id}")
	String record(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return open(me, id, null, request, response, model);
	}

	/** Break-glass: the reason is posted, never put in a URL. */
	@PostMapping("/staff/patients/{id}")
	String withReason(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return open(me, id, reason, request, response, model);
	}

	private String open(SignedIn me, UUID id, String reason, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			model.addAttribute("record", records.open(me, PatientId.of(id), reason, request.getRemoteAddr()));
			model.addAttribute("planNames",
					plans.all()
						.stream()
						.collect(java.util.stream.Collectors.toMap(InsurancePlan::id, InsurancePlan::name)));
			model.addAttribute("practitionerNames", practitioners.displayNames());
			// the front desk sees that care is under way, not how it is going
			model.addAttribute("notResponding",
					me.role() != Role.FRONT_DESK && notResponding.of(PatientId.of(id)) ? NotResponding.WORDS : null);
			return "staff/patient";
		}
		catch (PatientRecords.ReasonRequired required) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("patientId", id);
			model.addAttribute("reason", reason == null ? "" : reason);
			model.addAttribute("reasonError", reason == null ? null
					: "Give a reason of at least 10 characters; it is recorded and shown to administrators.");
			return "staff/break-glass";
		}
	}

}
