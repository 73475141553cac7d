package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.web.Choice;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Appointment;
import org.unknot.care.Assessments;
import org.unknot.care.Goal;
import org.unknot.care.PlanProgress;
import org.unknot.care.PlanTerms;
import org.unknot.care.PlanTransitionRefused;
import org.unknot.care.Technique;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.TreatmentPlans;
import org.unknot.care.measures.BuiltInMeasures;
import org.unknot.care.measures.Measure;
import org.unknot.care.measures.MeasureSchedules;
import org.unknot.care.measures.Measures;
import org.unknot.care.measures.ScheduledMeasure;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.frontdesk.CareAccess;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;
import org.unknot.system.Times;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;
import org.unknot.catalog.ServiceId;

/**
 * Treatment plans for staff: drafted from an assessment by the practitioner who made it,
 * signed, amended, reviewed and ended through its verbs. Booking a plan's visits is
 * {@link PlanBookingController}.
 */
@Controller
class PlanController {

	private final TreatmentPlans plans;

	private final StaffPlans staffPlans;

	private final Assessments assessments;

	private final Patients patients;

	private final CareServices services;

	private final Practitioners practitioners;

	private final Clinics clinics;

	private final CatalogProperties catalog;

	private final CareAccess access;

	private final Measures measures;

	private final MeasureSchedules schedules;

	private final FormChange forms;

	private final PlanReports reports;

	private final Clock clock;

	PlanController(TreatmentPlans plans, StaffPlans staffPlans, Assessments assessments, Patients patients,
			CareServices services, Practitioners practitioners, Clinics clinics, CatalogProperties catalog,
			CareAccess access, Measures measures, MeasureSchedules schedules, FormChange forms, PlanReports reports,
			Clock clock) {
		this.reports = reports;
		this.plans = plans;
		this.staffPlans = staffPlans;
		this.assessments = assessments;
		this.patients = patients;
		this.services = services;
		this.practitioners = practitioners;
		this.clinics = clinics;
		this.catalog = catalog;
		this.access = access;
		this.measures = measures;
		this.schedules = schedules;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/staff/assessments/{id}/plans/new")
	String newPlan(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, Model model) {
		Assessments.Owner owner = ownAssessment(me, id);
		LocalDate today = LocalDate.now(clock.withZone(catalog.virtualZone()));
		PlanForm form = new PlanForm(null, null, null, null, null, null, null, List.of(), "1", "6", today.toString(),
				today.plusWeeks(6).toString(), null);
		return planPage(patients.get(owner.patientId().value()), null, id, form,
				ScheduleForm.first(BuiltInMeasures.PAIN), Map.of(), model);
	}

	@PostMapping("/staff/assessments/{id}/plans")
	String draft(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute PlanForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Assessments.Owner owner = ownAssessment(me, id);
		ScheduleForm schedule = schedule(request);
		return forms.answer(messages -> {
			CareService service = service(form.service(), me.practitionerId(), messages);
			PlanTerms terms = form.terms(messages);
			List<ScheduledMeasure> lines = schedule.lines(messages);
			if (!messages.isEmpty()) {
				return null;
			}
			TreatmentPlan plan = TreatmentPlan.draft(id, owner.patientId(), PractitionerId.of(me.practitionerId()),
					ServiceId.of(service.id()), terms, clock.instant());
			plans.save(plan);
			schedules.set(plan.id(), lines);
			return new FormChange.Made("/staff/plans/" + plan.id(), "Plan drafted. Read it over, then sign it.");
		}, redirect, response,
				errors -> planPage(patients.get(owner.patientId().value()), null, id, form, schedule, errors, model));
	}

	@GetMapping("/staff/plans/{id}")
	String plan(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		TreatmentPlan plan = staffPlans.viewed(me, id, request);
		return showPlan(me, plan, Map.of(), model);
	}

	@GetMapping("/staff/plans/{id}/edit")
	String editForm(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		TreatmentPlan plan = ownPlan(me, id, request);
		return planPage(patients.get(plan.patientId()), plan, plan.assessmentId(), PlanForm.of(plan),
				ScheduleForm.of(schedules.of(plan.id())), Map.of(), model);
	}

	@PostMapping("/staff/plans/{id}/edit")
	String revise(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute PlanForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TreatmentPlan plan = ownPlan(me, id, request);
		ScheduleForm schedule = schedule(request);
		boolean signed = plan.signedAt() != null;
		try {
			return forms.attempt(messages -> {
				PlanTerms terms = form.terms(messages);
				List<ScheduledMeasure> lines = schedule.lines(messages);
				if (!messages.isEmpty()) {
					return null;
				}
				plan.revise(terms, form.reason(), me.practitionerId(), clock.instant());
				plans.save(plan);
				schedules.set(plan.id(), lines);
				return "/staff/plans/" + id;
			}, signed ? "Amendment recorded; the signed version is kept." : "Draft changed.", redirect, response,
					errors -> planPage(patients.get(plan.patientId()), plan, plan.assessmentId(), form, schedule,
							errors, model));
		}
		catch (PlanTransitionRefused refused) {
			return refusedPlan(me, plans.find(id).orElseThrow(), refused, response, model);
		}
	}

	@PostMapping("/staff/plans/{id}/{verb:sign|review|resume|complete|discontinue}")
	String verb(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable String verb,
			@RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		TreatmentPlan plan = staffPlans.viewed(me, id, request);
		boolean own = me.role() == Role.PRACTITIONER && plan.practitionerId().equals(me.practitionerId());
		if (!own && !(me.role() == Role.ADMIN && !"sign".equals(verb))) {
			throw new AccessDeniedException("Only the plan's practitioner (or an admin, to end it) changes its state");
		}
		Instant now = clock.instant();
		try {
			switch (verb) {
				case "sign" -> plan.sign(me.practitionerId(), now);
				case "review" -> plan.startReview();
				case "resume" -> plan.resume();
				case "complete" -> plan.complete(now);
				default -> plan.discontinue(reason, now);
			}
			plans.save(plan);
			redirect.addFlashAttribute("message", "Plan " + plan.status().label().toLowerCase() + ".");
			return "redirect:/staff/plans/" + id;
		}
		catch (InvalidRequest invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("reason", reason);
			return showPlan(me, plans.find(id).orElseThrow(), invalid.byField(), model);
		}
		catch (PlanTransitionRefused refused) {
			return refusedPlan(me, plans.find(id).orElseThrow(), refused, response, model);
		}
	}

	private String refusedPlan(SignedIn me, TreatmentPlan plan, PlanTransitionRefused refused,
			HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("problem", refused.getMessage());
		return showPlan(me, plan, Map.of(), model);
	}

	private String showPlan(SignedIn me, TreatmentPlan plan, Map<String, String> errors, Model model) {
		PlanProgress progress = plans.progress(plan);
		model.addAttribute("plan", plan);
		model.addAttribute("patient", patients.get(plan.patientId()));
		model.addAttribute("service", staffPlans.serviceName(plan.serviceId()));
		model.addAttribute("practitioner", staffPlans.practitionerName(plan.practitionerId()));
		model.addAttribute("names", practitioners.displayNames());
		model.addAttribute("progress", progress);
		model.addAttribute("visits", progress.visits().stream().map(this::visitRow).toList());
		model.addAttribute("measures", scheduleInWords(plan));
		model.addAttribute("clinical", access.clinical(me, PatientId.of(plan.patientId())));
		model.addAttribute("own", me.role() == Role.PRACTITIONER && plan.practitionerId().equals(me.practitionerId()));
		model.addAttribute("admin", me.role() == Role.ADMIN);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", catalog.virtualZone());
		reports.addTo(model, me, plan);
		return "staff/plan";
	}

	/**
	 * Each measure the plan takes, with when: "Pain intensity: before each visit; at
	 * discharge".
	 */
	private List<String> scheduleInWords(TreatmentPlan plan) {
		Map<String, List<String>> byMeasure = new LinkedHashMap<>();
		for (ScheduledMeasure line : schedules.of(plan.id())) {
			byMeasure.computeIfAbsent(line.measure(), code -> new ArrayList<>()).add(line.when());
		}
		return byMeasure.entrySet()
			.stream()
			.map(entry -> measures.find(entry.getKey()).map(Measure::title).orElse(entry.getKey()) + ": "
					+ String.join("; ", entry.getValue()))
			.toList();
	}

	record VisitRow(String when, String where, String status) {
	}

	private VisitRow visitRow(Appointment visit) {
		ZoneId zone = clinics.zoneOf(visit.location());
		String clinicId = visit.location().clinicIdOrNull();
		String where = clinicId == null ? "Video visit"
				: clinics.find(clinicId).map(Clinic::name).orElse("a clinic no longer listed");
		return new VisitRow(Times.shortDateTime(visit.start(), zone), where, statusWords(visit));
	}

	private static String statusWords(Appointment visit) {
		return switch (visit.status()) {
			case FULFILLED -> "Done";
			case CANCELLED -> "Cancelled: still to book again";
			case NOSHOW -> "Missed: still to book again";
			case ARRIVED, CHECKED_IN -> "Under way";
			default -> "Booked";
		};
	}

	private String planPage(Patient patient, TreatmentPlan plan, UUID assessmentId, PlanForm form,
			ScheduleForm schedule, Map<String, String> errors, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("plan", plan);
		model.addAttribute("heading", plan == null ? "New treatment plan"
				: plan.signedAt() == null ? "Change the draft plan" : "Amend the signed plan");
		model.addAttribute("assessmentId", assessmentId);
		Map<String, String> typed = new LinkedHashMap<>(form.typed());
		typed.putAll(schedule.typed());
		model.addAttribute("form", typed);
		model.addAttribute("picked", form);
		model.addAttribute("schedule", schedule);
		model.addAttribute("measureOptions",
				measures.all().stream().map(measure -> new Choice(measure.code(), measure.title())).toList());
		model.addAttribute("repeatOptions",
				List.of(new Choice(ScheduleForm.NONE, "Not again"),
						new Choice(ScheduleForm.VISITS, "Every so many visits"),
						new Choice(ScheduleForm.WEEKS, "Every so many weeks")));
		model.addAttribute("errors", errors);
		model.addAttribute("serviceOptions",
				services.all().stream().map(service -> new Choice(service.id(), service.name())).toList());
		model.addAttribute("techniqueOptions",
				Arrays.stream(Technique.values()).map(t -> new Choice(t.name(), t.label())).toList());
		model.addAttribute("frequencyOptions", List.of(new Choice("1", "Weekly"), new Choice("2", "Every two weeks")));
		return "staff/plan-form";
	}

	/** The measures section as sent, for each measure on offer. */
	private ScheduleForm schedule(HttpServletRequest request) {
		return ScheduleForm.from(request.getParameterMap(), measures.all().stream().map(Measure::code).toList());
	}

	private TreatmentPlan ownPlan(SignedIn me, UUID id, HttpServletRequest request) {
		TreatmentPlan plan = staffPlans.viewed(me, id, request);
		if (me.role() != Role.PRACTITIONER || !plan.practitionerId().equals(me.practitionerId())) {
			throw new AccessDeniedException("Only the plan's own practitioner changes its terms");
		}
		return plan;
	}

	private Assessments.Owner ownAssessment(SignedIn me, UUID id) {
		Assessments.Owner owner = assessments.ownerOf(id)
			.orElseThrow(() -> new NotFound(null, "assessment", id.toString()));
		access.requireWrites(me, owner.patientId());
		return owner;
	}

	private CareService service(String id, String practitionerId, FieldMessages messages) {
		CareService service = id == null ? null : services.find(id).orElse(null);
		if (service == null) {
			messages.add("service", "Choose the service the visits are booked as.");
			return null;
		}
		if (Optional.ofNullable(PractitionerId.ofNullable(practitionerId))
			.flatMap(practitioners::find)
			.filter(p -> p.offers(ServiceId.of(service.id())))
			.isEmpty()) {
			messages.add("service", "You do not offer " + service.name() + "; choose a service you offer.");
		}
		return service;
	}

	/** The plan as typed: up to three goals with their targets. */
	record PlanForm(String service, String goal1, String target1, String goal2, String target2, String goal3,
			String target3, List<String> techniques, String frequency, String visits, String startDate,
			String reviewDate, String reason) implements PageForm {

		PlanForm {
			techniques = techniques == null ? List.of() : techniques;
		}

		static PlanForm of(TreatmentPlan plan) {
			PlanTerms terms = plan.terms();
			List<Goal> goals = terms.goals();
			return new PlanForm(plan.serviceId(), text(goals, 0, true), text(goals, 0, false), text(goals, 1, true),
					text(goals, 1, false), text(goals, 2, true), text(goals, 2, false),
					terms.techniquesInOrder().stream().map(Enum::name).toList(), String.valueOf(terms.everyWeeks()),
					String.valueOf(terms.visits()), terms.startDate().toString(), terms.reviewDate().toString(), null);
		}

		private static String text(List<Goal> goals, int index, boolean goal) {
			return index >= goals.size() ? "" : goal ? goals.get(index).text() : goals.get(index).target();
		}

		PlanTerms terms(FieldMessages messages) {
			List<Goal> goals = new ArrayList<>();
			goal(goals, 1, goal1, target1, messages);
			goal(goals, 2, goal2, target2, messages);
			goal(goals, 3, goal3, target3, messages);
			Integer every = "1".equals(frequency) ? Integer.valueOf(1)
					: "2".equals(frequency) ? Integer.valueOf(2) : null;
			if (every == null) {
				messages.add("frequency", "Choose weekly or every two weeks.");
			}
			Integer count = messages.wholeNumber("visits", visits);
			LocalDate start = messages.parse("startDate", startDate, LocalDate::parse, "Enter a date like 2027-03-15.");
			LocalDate review = messages.parse("reviewDate", reviewDate, LocalDate::parse,
					"Enter a date like 2027-04-26.");
			var chosen = techniques.stream()
				.map(name -> FieldMessages.choice(Technique.class, name))
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
			if (!messages.isEmpty()) {
				return null;
			}
			return new PlanTerms(goals, chosen, every, count, start, review);
		}

		private static void goal(List<Goal> goals, int n, String text, String target, FieldMessages messages) {
			boolean hasText = text != null && !text.isBlank();
			boolean hasTarget = target != null && !target.isBlank();
			if (hasText && hasTarget) {
				if (text.length() > Goal.MAX || target.length() > Goal.MAX) {
					messages.add("goal" + n, "Keep a goal and its target under " + Goal.MAX + " characters each.");
					return;
				}
				goals.add(new Goal(text, target));
			}
			else if (hasText) {
				messages.add("target" + n, "Give the target that says this goal is met, like 3/10 or less.");
			}
			else if (hasTarget) {
				messages.add("goal" + n, "Say what the goal is.");
			}
		}

	}

}
