package org.unknot.website.booking;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.booking.BookingProperties;
import org.unknot.catalog.LocationId;
import org.unknot.system.web.FormChange;

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

	private final FormChange forms;

	TimeController(Drafts drafts, FlowCatalog catalog, FlowView view, WeekOfSlots weeks, SlotHolder holder,
			BookingProperties booking, FormChange forms) {
		this.forms = forms;
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
	String choose(@PathVariable String draftId, @ModelAttribute TimeChoice form, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String week = form.week();
		Draft draft = drafts.get(draftId);
		if (!Step.WHEN.reachable(draft)) {
			return ChoiceController.next(draftId, draft);
		}
		// refused, the earlier hold is kept (its release rolled back), and so is the
		// draft
		// as stored
		return forms.render(messages -> {
			Optional<SlotValue> chosen = form.chosen().filter(value -> holder.allowed(draft, value.practitioner()));
			if (chosen.isEmpty()) {
				messages.add("times", TimeChoice.CHOOSE);
			}
			else {
				holder.hold(draft, chosen.get(), request.getRemoteAddr())
					.ifPresentOrElse(refused -> messages.add("times", refused), () -> drafts.save(draftId, draft));
			}
			return ChoiceController.next(draftId, draft);
		}, response, errors -> whenStep(model, draftId, drafts.get(draftId), week, errors));
	}

	private String whenStep(Model model, String draftId, Draft draft, String week, Map<String, String> errors) {
		LocationId location = LocationId.of(draft.location);
		String practitioner = Draft.FIRST_AVAILABLE.equals(draft.practitioner) ? null : draft.practitioner;
		model.addAttribute("week", weeks.opening(draft.service, location, practitioner, week, catalog.zone(location)));
		model.addAttribute("chosen", draft.start == null ? null
				: new SlotValue(OffsetDateTime.parse(draft.start), draft.slotPractitioner).value());
		model.addAttribute("holdMinutes", booking.holdDuration().toMinutes());
		return view.step(model, draftId, draft, Step.WHEN, errors);
	}

}
