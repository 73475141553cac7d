package org.unknot.care.measures.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointments;
import org.unknot.care.measures.ClinicTime;
import org.unknot.care.measures.Progress;
import org.unknot.care.measures.QuestionnaireRequests;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;

/**
 * Progress as charts: the patient's own in the portal, and a patient's for the staff who
 * treat them (admins too; the front desk sees none of it).
 */
@Controller
class ProgressController {

	private final Progress progress;

	private final QuestionnaireRequests requests;

	private final Patients patients;

	private final Appointments appointments;

	private final ClinicTime clinicTime;

	ProgressController(Progress progress, QuestionnaireRequests requests, Patients patients, Appointments appointments,
			ClinicTime clinicTime) {
		this.clinicTime = clinicTime;
		this.progress = progress;
		this.requests = requests;
		this.patients = patients;
		this.appointments = appointments;
	}

	@GetMapping("/account/progress")
	String mine(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		PatientId mine = PatientId.of(me.patientId());
		model.addAttribute("series", progress.of(mine, reader(me, request)));
		List<QuestionnaireRequests.Request> open = requests.openFor(mine);
		model.addAttribute("open", open);
		model.addAttribute("zones", open.stream()
			.collect(Collectors.toMap(QuestionnaireRequests.Request::id, clinicTime::of, (a, b) -> a)));
		return "measures/progress";
	}

	@GetMapping("/staff/patients/{id}/progress")
	String ofPatient(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var patient = patients.get(id);
		if (!treats(me, id)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("patientId", id);
			return "measures/staff-progress-refused";
		}
		model.addAttribute("patient", patient);
		model.addAttribute("series", progress.of(PatientId.of(id), reader(me, request)));
		return "measures/staff-progress";
	}

	/** Admins, and practitioners with a visit of the patient's. */
	private boolean treats(SignedIn me, UUID patientId) {
		if (me.role() == Role.ADMIN) {
			return true;
		}
		return me.role() == Role.PRACTITIONER && appointments.ofPatient(PatientId.of(patientId))
			.stream()
			.anyMatch(visit -> visit.practitionerId().value().equals(me.practitionerId()));
	}

	private static Progress.Reader reader(SignedIn me, HttpServletRequest request) {
		return new Progress.Reader("account:" + me.accountId(), me.role().name(), request.getRemoteAddr());
	}

}
