package org.unknot.website.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.booking.BookingDesk;
import org.unknot.catalog.CareService;
import org.unknot.insurance.InsurancePlan;
import org.unknot.insurance.InsurancePlans;
import org.unknot.care.BodyRegion;
import org.unknot.care.Cause;
import org.unknot.care.HealthIntake;
import org.unknot.care.PainDuration;
import org.unknot.care.RedFlag;
import org.unknot.care.Triage;
import org.unknot.system.web.FormChange;
import org.unknot.system.Money;

/**
 * Who the patient is, how they pay, and how they are: details, insurance, health intake
 * and its advice.
 */
@Controller
class PatientController {

	private final Drafts drafts;

	private final FlowCatalog catalog;

	private final FlowView view;

	private final InsurancePlans plans;

	private final BookingDesk desk;

	private final Clock clock;

	private final FormChange forms;

	PatientController(Drafts drafts, FlowCatalog catalog, FlowView view, InsurancePlans plans, BookingDesk desk,
			Clock clock, FormChange forms) {
		this.forms = forms;
		this.drafts = drafts;
		this.catalog = catalog;
		this.view = view;
		this.plans = plans;
		this.desk = desk;
		this.clock = clock;
	}

	@GetMapping("/book/{draftId}/details")
	String details(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.DETAILS.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		model.addAttribute("form", DetailsForm.of(draft));
		return view.step(model, draftId, draft, Step.DETAILS, Map.of());
	}

	@PostMapping("/book/{draftId}/details")
	String saveDetails(@PathVariable String draftId, @ModelAttribute("form") DetailsForm form, Model model,
			HttpServletResponse response) {
		Draft draft = drafts.get(draftId);
		if (!Step.DETAILS.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		return forms.render(messages -> {
			form.copyTo(draft, LocalDate.now(clock));
			drafts.save(draftId, draft);
			return ChoiceController.next(draftId, draft);
		}, response, errors -> view.step(model, draftId, draft, Step.DETAILS, errors));
	}

	@GetMapping("/book/{draftId}/insurance")
	String insurance(@PathVariable String draftId, @RequestParam(required = false) String withdrawn, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.INSURANCE.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		return insuranceStep(model, draftId, draft, draft.plan, draft.memberId,
				"true".equals(withdrawn) && draft.plan == null ? Map.of("plan",
						"We no longer accept the plan you chose. Please choose another, or that you will pay yourself.")
						: Map.of());
	}

	@PostMapping("/book/{draftId}/insurance")
	String saveInsurance(@PathVariable String draftId, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String memberId, Model model, HttpServletResponse response) {
		Draft draft = drafts.get(draftId);
		if (!Step.INSURANCE.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		Optional<InsurancePlan> chosen = plan == null ? Optional.empty() : plans.find(plan);
		return forms.render(messages -> {
			if (Draft.SELF_PAY.equals(plan)) {
				draft.plan = Draft.SELF_PAY;
				draft.memberId = null;
			}
			else if (chosen.isEmpty()) {
				messages.add("plan", "Please choose your insurance plan, or that you will pay yourself.");
				return null;
			}
			else {
				var member = chosen.get().memberId(memberId);
				if (member.isEmpty()) {
					messages.add("memberId",
							memberId == null || memberId.isBlank()
									? "Please enter the " + chosen.get().memberIdLabel() + " from your card."
									: "This does not look like a " + chosen.get().memberIdLabel() + " for "
											+ chosen.get().name() + ". Please type it as printed on your card.");
					return null;
				}
				draft.plan = plan;
				draft.memberId = member.get().value();
			}
			drafts.save(draftId, draft);
			return ChoiceController.next(draftId, draft);
		}, response, errors -> insuranceStep(model, draftId, draft, chosen.isEmpty() ? null : plan, memberId, errors));
	}

	@GetMapping("/book/{draftId}/intake")
	String intake(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.INTAKE.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		return intakeStep(model, draftId, draft, IntakeAnswers.from(draft), Map.of());
	}

	@PostMapping("/book/{draftId}/intake")
	String saveIntake(@PathVariable String draftId, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		Draft draft = drafts.get(draftId);
		if (!Step.INTAKE.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		IntakeAnswers answers = IntakeAnswers.from(form);
		return forms.render(messages -> {
			Optional<HealthIntake> intake = answers.intake();
			if (intake.isEmpty()) {
				answers.problems().forEach(messages::add);
				return null;
			}
			return saveIntake(draftId, draft, answers, intake.get());
		}, response, errors -> intakeStep(model, draftId, draft, answers, errors));
	}

	private String saveIntake(String draftId, Draft draft, IntakeAnswers answers, HealthIntake intake) {
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		Triage triage = Triage.of(intake, service.category());
		answers.copyTo(draft, intake);
		draft.adviceAcknowledged = false;
		if (triage == Triage.EMERGENCY) {
			draft.intakeDone = false;
			if (draft.hold != null) {
				desk.release(UUID.fromString(draft.hold));
				draft.forgetTime();
			}
			drafts.save(draftId, draft);
			return "redirect:/book/" + draftId + "/emergency";
		}
		drafts.save(draftId, draft);
		if (triage == Triage.CONSULTATION_ADVISED) {
			return "redirect:/book/" + draftId + "/advice";
		}
		return ChoiceController.next(draftId, draft);
	}

	@GetMapping("/book/{draftId}/emergency")
	String emergency(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		view.step(model, draftId, draft, Step.INTAKE, Map.of());
		model.addAttribute("meta", view.meta("Please get emergency care now", "/book/" + draftId + "/emergency"));
		return "book/emergency";
	}

	@GetMapping("/book/{draftId}/advice")
	String advice(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		return adviceStep(model, draftId, draft, Map.of());
	}

	@PostMapping("/book/{draftId}/advice")
	String followAdvice(@PathVariable String draftId, @RequestParam(required = false) String choice,
			@RequestParam(required = false) String understood, Model model, HttpServletResponse response) {
		Draft draft = drafts.get(draftId);
		if (draft.isBooked() || !draft.intakeDone) {
			return ChoiceController.next(draftId, draft);
		}
		Optional<CareService> consultation = catalog.consultationFor(draft.location);
		if ("consultation".equals(choice) && consultation.isPresent()) {
			if (draft.hold != null) {
				desk.release(UUID.fromString(draft.hold));
			}
			String location = draft.location;
			draft.chooseService(consultation.get().id());
			// the same place, when the consultation is offered there
			if (catalog.locations(consultation.get()).stream().anyMatch(c -> c.value().equals(location))) {
				draft.chooseLocation(location);
			}
			drafts.save(draftId, draft);
			return ChoiceController.next(draftId, draft);
		}
		if ("continue".equals(choice)) {
			return forms.render(messages -> {
				if (!"yes".equals(understood)) {
					messages.add("understood",
							"Please tick the box to say you have read the advice, or book a consultation instead.");
				}
				draft.adviceAcknowledged = true;
				drafts.save(draftId, draft);
				return ChoiceController.next(draftId, draft);
			}, response, errors -> adviceStep(model, draftId, draft, errors));
		}
		return adviceStep(model, draftId, draft, Map.of());
	}

	private String adviceStep(Model model, String draftId, Draft draft, Map<String, String> errors) {
		if (!draft.intakeDone) {
			return ChoiceController.next(draftId, draft);
		}
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		Optional<HealthIntake> intake = IntakeAnswers.from(draft).intake();
		if (intake.isEmpty() || Triage.of(intake.get(), service.category()) != Triage.CONSULTATION_ADVISED) {
			return ChoiceController.next(draftId, draft);
		}
		view.step(model, draftId, draft, Step.INTAKE, errors);
		model.addAttribute("meta", view.meta("A physician should see you first", "/book/" + draftId + "/advice"));
		model.addAttribute("findings", Triage.reasons(intake.get()).stream().map(RedFlag::finding).toList());
		model.addAttribute("serviceName", service.name());
		model.addAttribute("consultation", catalog.consultationFor(draft.location).orElse(null));
		return "book/advice";
	}

	private String insuranceStep(Model model, String draftId, Draft draft, String selected, String memberId,
			Map<String, String> errors) {
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		List<PlanRow> rows = new ArrayList<>();
		for (InsurancePlan plan : plans.accepted()) {
			var coverage = plan.coverageOf(service);
			rows.add(new PlanRow(plan.id(), plan.name(), plan.payerKind().label(), plan.memberIdLabel(),
					coverage.covered(), coverage.reason()));
		}
		model.addAttribute("plans", rows);
		model.addAttribute("selected", selected);
		model.addAttribute("memberId", memberId);
		model.addAttribute("serviceName", service.name());
		model.addAttribute("price", Money.usd(service.priceCents()).inWords());
		return view.step(model, draftId, draft, Step.INSURANCE, errors);
	}

	private String intakeStep(Model model, String draftId, Draft draft, IntakeAnswers answers,
			Map<String, String> errors) {
		model.addAttribute("answers", answers);
		model.addAttribute("regions", BodyRegion.values());
		model.addAttribute("durations", PainDuration.values());
		model.addAttribute("causes", Cause.values());
		model.addAttribute("flags", RedFlag.values());
		return view.step(model, draftId, draft, Step.INTAKE, errors);
	}

	/** One accepted plan and whether it pays for the chosen service. */
	record PlanRow(String id, String name, String kind, String memberIdLabel, boolean covered, String reason) {
	}

}
