package org.unknot.website.booking;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.booking.BookingProperties;
import org.unknot.catalog.LocationId;

/**
 * Day and time, a week at a time. Choosing a time holds it while the patient fills in the
 * rest.
 */
@Controller
class TimeController {

	static final String TAKEN = "Sorry, that time has just been taken. Please choose another.";

	private final Drafts drafts;

	private final FlowCatalog catalog;

	private final FlowView view;

	private final WeekOfSlots weeks;

	private final SlotHolder holder;

	private final BookingProperties booking;

	TimeController(Drafts drafts, FlowCatalog catalog, FlowView view, WeekOfSlots weeks, SlotHolder holder,
			BookingProperties booking) {
		this.drafts = drafts;
		this.catalog = catalog;
		this.view = view;
		this.weeks = weeks;
		this.holder = holder;
		this.booking = booking;
	}

	@GetMapping("/book/{draftId}/when")
	String when(@PathVariable String draftId, @RequestParam(required = false) String week, Model model) {
		Draft draft = drafts.get(draftId);
		if (!Step.WHEN.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		String chosenWeek = week;
		if (chosenWeek == null && draft.start != null) {
			chosenWeek = draft.start.substring(0, Math.min(10, draft.start.length()));
		}
		return whenStep(model, draftId, draft, chosenWeek, Map.of());
	}

	@PostMapping("/book/{draftId}/when")
	String choose(@PathVariable String draftId, @ModelAttribute TimeChoice form, Model model) {
		String week = form.week();
		Draft draft = drafts.get(draftId);
		if (draft.isBooked()) {
			return ChoiceController.confirmed(draftId);
		}
		if (!Step.WHEN.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		Optional<SlotValue> chosen = form.chosen().filter(value -> holder.allowed(draft, value.practitioner()));
		if (chosen.isEmpty()) {
			return whenStep(model, draftId, draft, week, Map.of("times", TimeChoice.CHOOSE));
		}
		if (!holder.hold(draft, chosen.get())) {
			drafts.save(draftId, draft);
			return whenStep(model, draftId, draft, week, Map.of("times", TAKEN));
		}
		drafts.save(draftId, draft);
		return ChoiceController.next(draftId, draft);
	}

	private String whenStep(Model model, String draftId, Draft draft, String week, Map<String, String> errors) {
		LocationId location = LocationId.of(draft.location);
		String practitioner = Draft.FIRST_AVAILABLE.equals(draft.practitioner) ? null : draft.practitioner;
		model.addAttribute("week",
				weeks.week(draft.service, location, practitioner, weeks.monday(week, catalog.zone(location))));
		model.addAttribute("chosen", draft.start == null ? null
				: new SlotValue(OffsetDateTime.parse(draft.start), draft.slotPractitioner).value());
		model.addAttribute("holdMinutes", booking.holdDuration().toMinutes());
		return view.step(model, draftId, draft, Step.WHEN, errors);
	}

}
