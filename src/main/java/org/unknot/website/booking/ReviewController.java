package org.unknot.website.booking;

import org.unknot.catalog.ServiceId;
import org.unknot.system.Times;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.HoldExpired;
import org.unknot.booking.PatientAlreadyBooked;
import org.unknot.booking.PrerequisiteMissing;
import org.unknot.booking.SeriesConflicts;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotNotBookable;
import org.unknot.booking.SlotTaken;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.insurance.InsurancePlans;
import org.unknot.insurance.MemberId;
import org.unknot.care.BodyRegion;
import org.unknot.care.Cause;
import org.unknot.care.HealthIntake;
import org.unknot.care.RedFlag;
import org.unknot.care.Intakes;
import org.unknot.care.Triage;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.PatientId;
import org.unknot.payment.Actor;
import org.unknot.payment.OnlinePayments;
import org.unknot.payment.PaymentPolicies;
import org.unknot.payment.PolicyAgreements;
import org.unknot.payment.ShownPolicy;
import org.unknot.system.InvalidRequest;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.Payer;
import org.unknot.visit.Repeat;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.system.Money;

/** The last look before booking, the booking itself, and the confirmation. */
@Controller
class ReviewController {

	static final String LOST = "Sorry, the time you chose is no longer free: it was held for you for a while, "
			+ "and someone else has booked it since. Everything you typed is kept; please choose one of the nearest "
			+ "free times below.";

	/** Where a lost time is named: the review shows the nearest free times there. */
	private static final String LOST_TIME = "lost";

	private final Drafts drafts;

	private final FlowCatalog catalog;

	private final FlowView view;

	private final SlotHolder holder;

	private final WeekOfSlots weeks;

	private final InsurancePlans plans;

	private final VisitBooking booking;

	private final BookingDesk desk;

	private final VisitViews visits;

	private final Intakes intakes;

	private final InsuranceChoices choices;

	private final FormChange forms;

	private final PaymentPolicies policies;

	private final PolicyAgreements agreements;

	private final OnlinePayments online;

	ReviewController(Drafts drafts, FlowCatalog catalog, FlowView view, SlotHolder holder, WeekOfSlots weeks,
			InsurancePlans plans, VisitBooking booking, BookingDesk desk, VisitViews visits, Intakes intakes,
			InsuranceChoices choices, FormChange forms, PaymentPolicies policies, PolicyAgreements agreements,
			OnlinePayments online) {
		this.online = online;
		this.forms = forms;
		this.policies = policies;
		this.agreements = agreements;
		this.drafts = drafts;
		this.catalog = catalog;
		this.view = view;
		this.holder = holder;
		this.weeks = weeks;
		this.plans = plans;
		this.booking = booking;
		this.desk = desk;
		this.visits = visits;
		this.intakes = intakes;
		this.choices = choices;
	}

	@GetMapping("/book/{draftId}/review")
	String review(@PathVariable String draftId, Model model, HttpServletRequest request) {
		Draft draft = drafts.get(draftId);
		Optional<String> elsewhere = elsewhere(draftId, draft);
		if (elsewhere.isPresent()) {
			return elsewhere.get();
		}
		boolean held = holder.stillHeld(draft, request.getRemoteAddr());
		drafts.save(draftId, draft);
		return reviewStep(model, draftId, draft, !held, "none", "4", null, Map.of());
	}

	@PostMapping("/book/{draftId}/review")
	String book(@PathVariable String draftId, @ModelAttribute RepeatForm form, Model model,
			HttpServletResponse response) {
		Draft draft = drafts.get(draftId);
		Optional<String> elsewhere = elsewhere(draftId, draft);
		if (elsewhere.isPresent()) {
			return elsewhere.get();
		}
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		return forms.render(messages -> {
			int every = form.weeksApart(FlowCatalog.SERIES_CATEGORIES.contains(service.category()), messages);
			int visitsWanted = form.visits(every, messages);
			ShownPolicy policy = policies.shown(ServiceId.of(service.id()), service.priceCents());
			form.agreed(policy, messages);
			int bookedBefore = draft.booked.size();
			if (messages.isEmpty()) {
				book(draft, service, every, visitsWanted, messages);
			}
			if (messages.isEmpty() && policy.asksAgreement()) {
				recordAgreement(draft, bookedBefore, service, policy);
			}
			if (messages.isEmpty()) {
				draft.hold = null;
				draft.forgetSensitiveAnswers();
				drafts.save(draftId, draft);
			}
			// the provider's page is opened only once the booking has committed
			return PaymentController.owesNow(online, draft) ? "redirect:/book/" + draftId + "/pay"
					: ChoiceController.confirmed(draftId);
		}, response, errors -> refused(model, draftId, draft, form, errors));
	}

	/**
	 * Books the visit, or the series, of the draft; or says beside which field why not.
	 */
	private void book(Draft draft, CareService service, int every, int visitsWanted, FieldMessages messages) {
		VisitAnswers answers = answers(draft);
		var slot = BookingFlow.slot(draft, OffsetDateTime.parse(draft.start).toInstant());
		UUID hold = draft.hold == null ? null : UUID.fromString(draft.hold);
		try {
			if (every == 0) {
				Booked booked = booking.book(slot, hold, answers, BookedBy.PATIENT);
				draft.booked.add(new Draft.BookedVisit(booked.appointment().id().toString(), booked.manageToken()));
			}
			else {
				SeriesOutcome outcome = booking.bookSeries(slot, hold, new Repeat(every, visitsWanted, false), answers,
						BookedBy.PATIENT);
				outcome.booked()
					.forEach(booked -> draft.booked
						.add(new Draft.BookedVisit(booked.appointment().id().toString(), booked.manageToken())));
				outcome.conflicts()
					.forEach(conflict -> draft.missed.add(new Draft.MissedVisit(conflict.occurrence(),
							conflict.start().toString(), conflict.reason(), BookingFlow.alternatives(conflict))));
				draft.repeatEvery = every;
				draft.repeatCount = visitsWanted;
			}
		}
		catch (SlotTaken | HoldExpired | SlotNotBookable lost) {
			draft.hold = null;
			messages.add(LOST_TIME, LOST);
		}
		catch (SeriesConflicts conflicts) {
			draft.hold = null;
			messages.add("repeat",
					"None of those dates is free at this time. Please choose another time or fewer visits.");
		}
		catch (PatientAlreadyBooked busy) {
			messages.add("times", "You already have a visit at that time. Please choose another time.");
		}
		catch (PrerequisiteMissing missing) {
			messages.add("times",
					service.name() + " needs a consultation with a physician first. Please book a consultation.");
		}
	}

	/** The policy words the patient ticked, with each visit just booked. */
	private void recordAgreement(Draft draft, int bookedBefore, CareService service, ShownPolicy policy) {
		for (Draft.BookedVisit visit : draft.booked.subList(bookedBefore, draft.booked.size())) {
			UUID id = UUID.fromString(visit.id());
			PatientId patient = desk.find(id, visit.token()).patientId();
			agreements.agreed(id, patient, ServiceId.of(service.id()), policy.words(), Actor.patient(patient));
		}
	}

	/**
	 * The review again, with what was chosen kept; the draft as the refusal left it (a
	 * hold that is gone forgotten) is saved after the booking's rollback.
	 */
	private String refused(Model model, String draftId, Draft draft, RepeatForm form, Map<String, String> errors) {
		drafts.save(draftId, draft);
		Map<String, String> beside = new LinkedHashMap<>(errors);
		boolean lost = beside.remove(LOST_TIME) != null;
		return reviewStep(model, draftId, draft, lost, form.repeat(), form.count(), form.agreePolicy(), beside);
	}

	@GetMapping("/book/{draftId}/confirmed")
	String confirmed(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		if (!draft.isBooked()) {
			return ChoiceController.next(draftId, draft);
		}
		view.step(model, draftId, draft, Step.REVIEW, Map.of());
		model.addAttribute("meta", view.meta("Your visit is booked", "/book/" + draftId + "/confirmed"));
		List<VisitViews.Visit> booked = new ArrayList<>();
		for (Draft.BookedVisit visit : draft.booked) {
			booked.add(visits.visit(UUID.fromString(visit.id()), visit.token()));
		}
		booked.sort(Comparator.comparing(VisitViews.Visit::start));
		model.addAttribute("visits", booked);
		model.addAttribute("missed", draft.missed.stream().map(missed -> missedView(draft, missed)).toList());
		model.addAttribute("email", draft.email);
		model.addAttribute("series", draft.repeatEvery > 0);
		List<UUID> ids = booked.stream().map(visit -> UUID.fromString(visit.id())).toList();
		var lastOutcome = online.lastOutcome(ids).orElse(null);
		model.addAttribute("paymentPending", lastOutcome == OnlinePayments.Outcome.PENDING);
		model.addAttribute("paymentFailed", lastOutcome == OnlinePayments.Outcome.FAILED);
		// what the booked visits owe now: online where a provider takes it, else at the
		// desk (the patient agreed to pay when booking)
		Money owedNow = online.owedNow(ids);
		boolean owing = owedNow.isPositive();
		model.addAttribute("payNow", online.available() && owing && lastOutcome != OnlinePayments.Outcome.PENDING
				? owedNow.inWords() : null);
		model.addAttribute("payAtDesk", !online.available() && owing ? owedNow.inWords() : null);
		return "book/confirmed";
	}

	/** Books one of the alternatives offered for a visit of a series that clashed. */
	@PostMapping("/book/{draftId}/alternative")
	String bookAlternative(@PathVariable String draftId, @RequestParam(required = false) String slot,
			@RequestParam(required = false) String occurrence) {
		Draft draft = drafts.get(draftId);
		if (!draft.isBooked()) {
			return ChoiceController.next(draftId, draft);
		}
		Optional<Draft.MissedVisit> missed = draft.missed.stream()
			.filter(m -> String.valueOf(m.occurrence()).equals(occurrence) && m.alternatives().contains(slot))
			.findFirst();
		Optional<SlotValue> chosen = SlotValue.parse(slot);
		if (missed.isEmpty() || chosen.isEmpty()) {
			return "redirect:/book/" + draftId + "/confirmed?alternative=unknown";
		}
		UUID first = UUID.fromString(draft.booked.get(0).id());
		var intake = intakes.of(first).orElseThrow(DraftNotFound::new);
		Payer payer = BookingFlow.payer(choices.of(first).orElse(InsuranceChoice.SELF_PAY));
		var answers = new VisitAnswers(DetailsForm.of(draft).details(), payer, intake.intake(),
				intake.adviceAcknowledged() ? Advice.ACKNOWLEDGED : Advice.NOT_GIVEN);
		try {
			Booked booked = booking.book(
					BookingFlow.slot(draft.service, chosen.get().practitioner(), draft.location, chosen.get().start()),
					null, answers, BookedBy.PATIENT);
			draft.booked.add(new Draft.BookedVisit(booked.appointment().id().toString(), booked.manageToken()));
			draft.missed.remove(missed.get());
			drafts.save(draftId, draft);
			return "redirect:/book/" + draftId + "/confirmed";
		}
		catch (SlotTaken | SlotNotBookable | PatientAlreadyBooked | HoldExpired taken) {
			return "redirect:/book/" + draftId + "/confirmed?alternative=taken";
		}
		catch (InvalidRequest planWithdrawn) {
			return "redirect:/book/" + draftId + "/confirmed?alternative=unknown";
		}
	}

	/**
	 * Where to go instead of the review: a step still missing, the advice, or the
	 * confirmation.
	 */
	private Optional<String> elsewhere(String draftId, Draft draft) {
		if (!Step.REVIEW.reachable(draft)) {
			return Optional.of(ChoiceController.next(draftId, draft));
		}
		if (!Draft.SELF_PAY.equals(draft.plan)
				&& plans.find(draft.plan).flatMap(plan -> plan.memberId(draft.memberId)).isEmpty()) {
			// withdrawn, or its member id rules changed since the insurance step
			draft.plan = null;
			draft.memberId = null;
			drafts.save(draftId, draft);
			return Optional.of("redirect:/book/" + draftId + "/insurance?withdrawn=true");
		}
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		Optional<HealthIntake> intake = IntakeAnswers.from(draft).intake();
		if (intake.isEmpty()) {
			draft.intakeDone = false;
			drafts.save(draftId, draft);
			return Optional.of("redirect:/book/" + draftId + "/intake");
		}
		Triage triage = Triage.of(intake.get(), service.category());
		if (triage == Triage.EMERGENCY) {
			return Optional.of("redirect:/book/" + draftId + "/emergency");
		}
		if (triage == Triage.CONSULTATION_ADVISED && !draft.adviceAcknowledged) {
			return Optional.of("redirect:/book/" + draftId + "/advice");
		}
		return Optional.empty();
	}

	private VisitAnswers answers(Draft draft) {
		PatientDetails patient = DetailsForm.of(draft).details();
		HealthIntake intake = IntakeAnswers.from(draft).intake().orElseThrow(DraftNotFound::new);
		return BookingFlow.answers(patient, draft.plan, draft.memberId, intake, draft.adviceAcknowledged);
	}

	private String reviewStep(Model model, String draftId, Draft draft, boolean lost, String repeat, String count,
			String agreePolicy, Map<String, String> errors) {
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		view.step(model, draftId, draft, Step.REVIEW, errors);
		LocationId location = LocationId.of(draft.location);
		model.addAttribute("lost", lost);
		if (lost) {
			String practitioner = Draft.FIRST_AVAILABLE.equals(draft.practitioner) ? null : draft.practitioner;
			model.addAttribute("nearest",
					weeks.nearest(draft.service, location, practitioner, OffsetDateTime.parse(draft.start)));
			model.addAttribute("lostMessage", LOST);
		}
		model.addAttribute("details", DetailsForm.of(draft));
		model.addAttribute("birthDate", Times.day(LocalDate.parse(draft.birthDate)));
		model.addAttribute("payment", payment(draft, service));
		model.addAttribute("intake", IntakeAnswers.from(draft).intake().map(IntakeSummary::of).orElse(null));
		model.addAttribute("seriesAllowed", FlowCatalog.SERIES_CATEGORIES.contains(service.category()));
		model.addAttribute("repeat", repeat == null ? "none" : repeat);
		model.addAttribute("count", count == null ? "4" : count);
		model.addAttribute("lateCancellation", VisitViews.hours(desk.lateCancellationWindow()));
		model.addAttribute("policy", policies.shown(ServiceId.of(service.id()), service.priceCents()));
		model.addAttribute("agreePolicy", "yes".equals(agreePolicy));
		return "book/review";
	}

	private String payment(Draft draft, CareService service) {
		if (Draft.SELF_PAY.equals(draft.plan)) {
			return "You pay yourself: " + Money.usd(service.priceCents()).inWords() + " per visit.";
		}
		return plans.find(draft.plan).map(plan -> {
			var coverage = plan.coverageOf(service);
			String member = plan.memberId(draft.memberId).map(MemberId::masked).orElse("");
			return plan.name() + ", " + plan.memberIdLabel() + " " + member + ". " + coverage.reason()
					+ (coverage.covered() ? "" : " Self-pay price: " + Money.usd(service.priceCents()).inWords() + ".");
		}).orElse("");
	}

	private MissedView missedView(Draft draft, Draft.MissedVisit missed) {
		var zone = catalog.zone(LocationId.of(draft.location));
		OffsetDateTime start = OffsetDateTime.parse(missed.start());
		List<WeekOfSlots.Time> alternatives = missed.alternatives()
			.stream()
			.map(SlotValue::parse)
			.flatMap(Optional::stream)
			.map(value -> new WeekOfSlots.Time(value.value(), Times.timeWithZone(value.start().toInstant(), zone),
					Times.dateTime(value.start().toInstant(), zone), Times.shortDay(value.start().toLocalDate()),
					value.start().atZoneSameInstant(zone).getHour()))
			.toList();
		return new MissedView(missed.occurrence(), Times.dateTime(start.toInstant(), zone), because(missed.reason()),
				alternatives);
	}

	private static String because(String reason) {
		return switch (reason) {
			case "patient-busy" -> "you already have a visit then";
			case "practitioner-busy" -> "your practitioner is already booked then";
			case "no-room-free" -> "no treatment room is free then";
			case "time-off" -> "your practitioner is away then";
			case "clinic-closed" -> "the clinic is closed that day";
			case "outside-working-hours" -> "your practitioner does not work at that time that day";
			case "too-far-ahead" -> "that is further ahead than visits can be booked";
			case "not-licensed" -> "your practitioner cannot see patients that day";
			default -> "that time cannot be booked";
		};
	}

	/**
	 * Whether to repeat the visit ({@code none}, {@code weekly} or {@code fortnightly})
	 * and how many visits in all, as chosen on the review step.
	 */
	record RepeatForm(String repeat, String count, String agreePolicy) {

		/**
		 * A policy with anything to pay before the visit, or a fee, is agreed to with a
		 * tick.
		 */
		void agreed(ShownPolicy policy, FieldMessages messages) {
			if (policy.asksAgreement() && !"yes".equals(agreePolicy)) {
				messages.add("agreePolicy",
						"Please tick the box to agree to the payment policy, or choose another " + "treatment.");
			}
		}

		/** Weeks between visits: 0 for one visit. */
		int weeksApart(boolean seriesAllowed, FieldMessages messages) {
			int every = "weekly".equals(repeat) ? 1 : "fortnightly".equals(repeat) ? 2 : 0;
			if (repeat != null && !List.of("none", "weekly", "fortnightly").contains(repeat)
					|| every > 0 && !seriesAllowed) {
				messages.add("repeat", "Please choose whether to repeat this visit.");
			}
			return every;
		}

		/** How many visits of a series (2 to 12), or 0. */
		int visits(int weeksApart, FieldMessages messages) {
			if (weeksApart == 0) {
				return 0;
			}
			Integer visits = messages.parse("count", count, Integer::valueOf, COUNT);
			if (visits == null) {
				return 0;
			}
			if (visits < 2 || visits > 12) {
				messages.add("count", COUNT);
				return 0;
			}
			return visits;
		}

		private static final String COUNT = "Please choose how many visits to book: 2 to 12.";

	}

	record MissedView(int occurrence, String when, String reason, List<WeekOfSlots.Time> alternatives) {
	}

	/** The intake in words, for the review. */
	record IntakeSummary(String where, int intensity, String duration, String causes, List<String> redFlags) {

		static IntakeSummary of(HealthIntake intake) {
			return new IntakeSummary(
					String.join(", ", new TreeSet<>(intake.regions()).stream().map(BodyRegion::label).toList()),
					intake.intensity(), intake.duration().label(),
					intake.causes().isEmpty() ? "None given"
							: String.join(", ", new TreeSet<>(intake.causes()).stream().map(Cause::label).toList()),
					Triage.reasons(intake).stream().map(RedFlag::finding).toList());
		}
	}

}
