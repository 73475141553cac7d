package org.unknot.frontdesk.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.web.Choice;
import org.unknot.account.SignedIn;
import org.unknot.care.Assessments;
import org.unknot.care.Assessments.NewAssessment;
import org.unknot.care.BodyRegion;
import org.unknot.care.DiagnosisCode;
import org.unknot.care.DiagnosisCodes;
import org.unknot.care.RedFlag;
import org.unknot.care.SessionNotes;
import org.unknot.care.TreatmentPlans;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.frontdesk.CareAccess;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * A patient's care for staff: their assessments and treatment plans, and the assessment
 * form. Every opening of clinical content is audited by the care module.
 */
@Controller
class CareController {

	private final Patients patients;

	private final Assessments assessments;

	private final TreatmentPlans plans;

	private final DiagnosisCodes codes;

	private final CareServices services;

	private final Practitioners practitioners;

	private final CareAccess access;

	private final FormChange forms;

	private final CatalogProperties catalog;

	CareController(Patients patients, Assessments assessments, TreatmentPlans plans, DiagnosisCodes codes,
			CareServices services, Practitioners practitioners, CareAccess access, FormChange forms,
			CatalogProperties catalog) {
		this.catalog = catalog;
		this.patients = patients;
		this.assessments = assessments;
		this.plans = plans;
		this.codes = codes;
		this.services = services;
		this.practitioners = practitioners;
		this.access = access;
		this.forms = forms;
	}

	/** One plan as a list shows it. */
	record PlanRow(org.unknot.care.TreatmentPlan plan, String service, String practitioner,
			org.unknot.care.PlanProgress progress) {
	}

	@GetMapping("/staff/patients/{id}/care")
	String care(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		PatientId whose = PatientId.of(id);
		access.requireViews(me, whose);
		Patient patient = patients.get(id);
		SessionNotes.Actor actor = actor(me, request);
		boolean clinical = access.clinical(me, whose);
		Map<String, CareService> serviceById = services.byId();
		model.addAttribute("patient", patient);
		model.addAttribute("clinical", clinical);
		model.addAttribute("writes", access.writes(me, whose));
		model.addAttribute("assessments", clinical ? assessments.ofPatient(whose, actor) : List.of());
		model.addAttribute("codes",
				codes.all().stream().collect(Collectors.toMap(DiagnosisCode::code, DiagnosisCode::label)));
		model.addAttribute("names", practitioners.displayNames());
		model.addAttribute("zone", catalog.virtualZone());
		model
			.addAttribute("plans",
					plans.ofPatient(whose, actor)
						.stream()
						.map(plan -> new PlanRow(plan, serviceName(serviceById, plan.serviceId()),
								practitioners.displayNames()
									.getOrDefault(plan.practitionerId(), "another practitioner"),
								plans.progress(plan)))
						.toList());
		return "staff/care";
	}

	@GetMapping("/staff/patients/{id}/assessments/new")
	String assessmentForm(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Model model) {
		access.requireWrites(me, PatientId.of(id));
		return assessmentPage(patients.get(id), AssessmentForm.BLANK, Map.of(), model);
	}

	@PostMapping("/staff/patients/{id}/assessments")
	String recordAssessment(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@ModelAttribute AssessmentForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		PatientId whose = PatientId.of(id);
		access.requireWrites(me, whose);
		Patient patient = patients.get(id);
		return forms.attempt(messages -> {
			NewAssessment typed = form.typed(whose, PractitionerId.of(me.practitionerId()), messages);
			if (!messages.isEmpty()) {
				// name every problem at once, not only what did not parse
				assessments.problemsWith(typed).forEach(problem -> messages.add(problem.field(), problem.message()));
				return null;
			}
			assessments.record(typed, actor(me, request));
			return "/staff/patients/" + id + "/care";
		}, "Assessment recorded.", redirect, response, errors -> assessmentPage(patient, form, errors, model));
	}

	private String assessmentPage(Patient patient, AssessmentForm form, Map<String, String> errors, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("form", form.typed());
		model.addAttribute("picked", form);
		model.addAttribute("errors", errors);
		model.addAttribute("regionOptions",
				Arrays.stream(BodyRegion.values()).map(region -> new Choice(region.name(), region.label())).toList());
		model.addAttribute("redFlagOptions", Arrays.stream(RedFlag.values())
			.map(flag -> new Choice(flag.name(),
					Character.toUpperCase(flag.finding().charAt(0)) + flag.finding().substring(1).replace("your ", "")))
			.toList());
		model.addAttribute("codeOptions",
				codes.all().stream().map(code -> new Choice(code.code(), code.label())).toList());
		return "staff/assessment-form";
	}

	private static String serviceName(Map<String, CareService> byId, String id) {
		CareService service = byId.get(id);
		return service == null ? "a service no longer offered" : service.name();
	}

	static SessionNotes.Actor actor(SignedIn me, HttpServletRequest request) {
		return new SessionNotes.Actor("account:" + me.accountId(), me.role().name(), request.getRemoteAddr());
	}

	/** The assessment as typed; lists are the boxes ticked. */
	record AssessmentForm(String chiefComplaint, List<String> regions, String onsetAndHistory, String redFlagsReviewed,
			List<String> redFlags, String findings, String cervicalRotationLeft, String cervicalRotationRight,
			String shoulderFlexionLeft, String shoulderFlexionRight, List<String> diagnosisCodes,
			String functionalGoals) implements PageForm {

		static final AssessmentForm BLANK = new AssessmentForm(null, List.of(), null, null, List.of(), null, null, null,
				null, null, List.of(), null);

		private static final String DEGREES = "Enter whole degrees, like 70, or leave it empty.";

		AssessmentForm {
			regions = regions == null ? List.of() : regions;
			redFlags = redFlags == null ? List.of() : redFlags;
			diagnosisCodes = diagnosisCodes == null ? List.of() : diagnosisCodes;
		}

		NewAssessment typed(PatientId patientId, PractitionerId practitionerId, FieldMessages messages) {
			Integer rotationLeft = degrees("cervicalRotationLeft", cervicalRotationLeft, messages);
			Integer rotationRight = degrees("cervicalRotationRight", cervicalRotationRight, messages);
			Integer flexionLeft = degrees("shoulderFlexionLeft", shoulderFlexionLeft, messages);
			Integer flexionRight = degrees("shoulderFlexionRight", shoulderFlexionRight, messages);
			return new NewAssessment(patientId, practitionerId, chiefComplaint, choices(BodyRegion.class, regions),
					onsetAndHistory, redFlagsReviewed != null, choices(RedFlag.class, redFlags), findings, rotationLeft,
					rotationRight, flexionLeft, flexionRight, diagnosisCodes, functionalGoals);
		}

		private static Integer degrees(String field, String text, FieldMessages messages) {
			return messages.parseUnlessBlank(field, text, Integer::valueOf, DEGREES);
		}

		private static <E extends Enum<E>> Set<E> choices(Class<E> type, List<String> names) {
			return names.stream()
				.map(name -> FieldMessages.choice(type, name))
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
		}

	}

}
