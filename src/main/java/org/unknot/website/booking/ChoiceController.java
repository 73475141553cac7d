package org.unknot.website.booking;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.booking.BookingDesk;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.practitioner.Practitioner;
import org.unknot.system.web.FormChange;

/** The first three steps: which treatment, where, and with whom. */
@Controller
class ChoiceController {

	private final Drafts drafts;

	private final FlowCatalog catalog;

	private final FlowView view;

	private final BookingDesk desk;

	private final FormChange forms;

	ChoiceController(Drafts drafts, FlowCatalog catalog, FlowView view, BookingDesk desk, FormChange forms) {
		this.drafts = drafts;
		this.catalog = catalog;
		this.view = view;
		this.desk = desk;
		this.forms = forms;
	}

	/**
	 * The start of the flow; article and service pages link here with {@code ?service=}.
	 */
	@GetMapping("/book")
	String start(@RequestParam(required = false) String service, Model model) {
		return serviceStep(model, null, null, catalog.service(service).map(CareService::id).orElse(null), Map.of());
	}

	@PostMapping("/book")
	String begin(@ModelAttribute ChoiceForm form, Model model, HttpServletResponse response) {
		String service = form.service();
		return forms.render(messages -> {
			if (catalog.service(service).isEmpty()) {
				messages.add("service", ChoiceForm.NO_SERVICE);
				return null;
			}
			Draft draft = new Draft();
			draft.chooseService(service);
			again(draft, form);
			return "redirect:/book/" + drafts.create(draft) + "/" + Step.firstMissing(draft).path();
		}, response, errors -> serviceStep(model, null, null, null, errors));
	}

	/**
	 * "Book again" from the portal sends the place and practitioner too: each is kept
	 * when still offered for the treatment, and otherwise asked for as usual.
	 */
	private void again(Draft draft, ChoiceForm form) {
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		if (form.location() == null
				|| catalog.locations(service).stream().noneMatch(choice -> choice.value().equals(form.location()))) {
			return;
		}
		draft.chooseLocation(form.location());
		if (form.practitioner() != null
				&& practitioners(draft).stream().anyMatch(p -> p.id().equals(form.practitioner()))) {
			draft.choosePractitioner(form.practitioner());
		}
	}

	@GetMapping("/book/{draftId}/service")
	String service(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.SERVICE.reachable(draft)) {
			return next(draftId, draft);
		}
		return serviceStep(model, draftId, draft, draft.service, Map.of());
	}

	@PostMapping("/book/{draftId}/service")
	String chooseService(@PathVariable String draftId, @ModelAttribute ChoiceForm form, Model model,
			HttpServletResponse response) {
		String service = form.service();
		Draft draft = drafts.get(draftId);
		if (!Step.SERVICE.reachable(draft)) {
			return next(draftId, draft);
		}
		Chosen chosen = new Chosen("service", service, catalog.service(service).isPresent(), draft.service,
				ChoiceForm.NO_SERVICE);
		return choose(draftId, draft, chosen, draft::chooseService, response,
				errors -> serviceStep(model, draftId, draft, null, errors));
	}

	@GetMapping("/book/{draftId}/where")
	String where(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.WHERE.reachable(draft)) {
			return next(draftId, draft);
		}
		return whereStep(model, draftId, draft, draft.location, Map.of());
	}

	@PostMapping("/book/{draftId}/where")
	String chooseWhere(@PathVariable String draftId, @ModelAttribute ChoiceForm form, Model model,
			HttpServletResponse response) {
		String location = form.location();
		Draft draft = drafts.get(draftId);
		if (!Step.WHERE.reachable(draft)) {
			return next(draftId, draft);
		}
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		Chosen chosen = new Chosen("location", location,
				catalog.locations(service).stream().anyMatch(choice -> choice.value().equals(location)), draft.location,
				ChoiceForm.NO_LOCATION);
		return choose(draftId, draft, chosen, draft::chooseLocation, response,
				errors -> whereStep(model, draftId, draft, null, errors));
	}

	@GetMapping("/book/{draftId}/who")
	String who(@PathVariable String draftId, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.WHO.reachable(draft)) {
			return next(draftId, draft);
		}
		return whoStep(model, draftId, draft, draft.practitioner, Map.of());
	}

	@PostMapping("/book/{draftId}/who")
	String chooseWho(@PathVariable String draftId, @ModelAttribute ChoiceForm form, Model model,
			HttpServletResponse response) {
		String practitioner = form.practitioner();
		Draft draft = drafts.get(draftId);
		if (!Step.WHO.reachable(draft)) {
			return next(draftId, draft);
		}
		boolean known = Draft.FIRST_AVAILABLE.equals(practitioner)
				|| practitioners(draft).stream().anyMatch(p -> p.id().equals(practitioner));
		Chosen chosen = new Chosen("practitioner", practitioner, known, draft.practitioner, ChoiceForm.NO_PRACTITIONER);
		return choose(draftId, draft, chosen, draft::choosePractitioner, response,
				errors -> whoStep(model, draftId, draft, null, errors));
	}

	/**
	 * Keeps a choice the step offers, giving up the held time when it changes; refuses
	 * any other beside its field.
	 */
	private String choose(String draftId, Draft draft, Chosen chosen, Consumer<String> keep,
			HttpServletResponse response, Function<Map<String, String>, String> refused) {
		return forms.render(messages -> {
			if (!chosen.offered()) {
				messages.add(chosen.field(), chosen.refusal());
				return null;
			}
			if (!chosen.value().equals(chosen.before())) {
				releaseHold(draft);
			}
			keep.accept(chosen.value());
			drafts.save(draftId, draft);
			return next(draftId, draft);
		}, response, refused);
	}

	/**
	 * What one of the choice steps posted: its field, the value, whether the step offers
	 * it, the draft's value before, and what a refusal says.
	 */
	private record Chosen(String field, String value, boolean offered, String before, String refusal) {
	}

	private String serviceStep(Model model, String draftId, Draft draft, String selected, Map<String, String> errors) {
		model.addAttribute("groups", catalog.servicesByCategory());
		model.addAttribute("selected", selected);
		model.addAttribute("action", draftId == null ? "/book" : "/book/" + draftId + "/service");
		return view.step(model, draftId, draft, Step.SERVICE, errors);
	}

	private String whereStep(Model model, String draftId, Draft draft, String selected, Map<String, String> errors) {
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		model.addAttribute("choices", catalog.locations(service));
		model.addAttribute("selected", selected);
		return view.step(model, draftId, draft, Step.WHERE, errors);
	}

	private String whoStep(Model model, String draftId, Draft draft, String selected, Map<String, String> errors) {
		List<Practitioner> offered = practitioners(draft);
		List<Choice> choices = offered.stream()
			.map(p -> new Choice(p.id(), p.displayName(), String.join(", ", p.specialties())))
			.toList();
		model.addAttribute("choices", choices);
		// each with their photo and short biography (fragments/practitioner)
		model.addAttribute("people", offered.stream().collect(Collectors.toMap(Practitioner::id, p -> p)));
		model.addAttribute("selected", selected);
		return view.step(model, draftId, draft, Step.WHO, errors);
	}

	private List<Practitioner> practitioners(Draft draft) {
		CareService service = catalog.service(draft.service).orElseThrow(DraftNotFound::new);
		return catalog.practitioners(service, LocationId.of(draft.location));
	}

	private void releaseHold(Draft draft) {
		if (draft.hold != null) {
			desk.release(UUID.fromString(draft.hold));
		}
	}

	static String next(String draftId, Draft draft) {
		if (draft.isBooked()) {
			return confirmed(draftId);
		}
		return "redirect:/book/" + draftId + "/" + Step.firstMissing(draft).path();
	}

	static String confirmed(String draftId) {
		return "redirect:/book/" + draftId + "/confirmed";
	}

}
