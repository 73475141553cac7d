package org.unknot.website.booking;

import org.unknot.system.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.unknot.catalog.CareService;
import org.unknot.catalog.LocationId;
import org.unknot.practitioner.Practitioner;
import org.unknot.system.Money;
import org.unknot.website.Pages;

/**
 * What every step of the flow shows around its form: the steps, and the visit chosen so
 * far.
 */
@Component
class FlowView {

	private final Pages pages;

	private final FlowCatalog catalog;

	FlowView(Pages pages, FlowCatalog catalog) {
		this.pages = pages;
		this.catalog = catalog;
	}

	/** Fills the model for a step and answers its template name. */
	String step(Model model, String draftId, Draft draft, Step step, Map<String, String> errors) {
		String title = step.title() + " · Book an appointment";
		model.addAttribute("meta",
				pages.meta(errors.isEmpty() ? title : "Error: " + title,
						"Book a visit with Unknot: step " + step.number() + " of " + Step.all().size() + ".",
						draftId == null ? "/book" : "/book/" + draftId + "/" + step.path()));
		model.addAttribute("section", "book");
		model.addAttribute("draftId", draftId);
		model.addAttribute("steps", Step.all());
		model.addAttribute("step", step);
		model.addAttribute("reachable", draft == null ? Step.SERVICE : Step.firstMissing(draft));
		model.addAttribute("summary", draft == null ? null : summary(draft));
		model.addAttribute("errors", errors);
		return "book/" + step.path();
	}

	Object meta(String title, String path) {
		return pages.meta(title, title, path);
	}

	Summary summary(Draft draft) {
		CareService service = catalog.service(draft.service).orElse(null);
		if (service == null) {
			return null;
		}
		LocationId location = draft.location == null ? null : LocationId.of(draft.location);
		String who = null;
		if (Draft.FIRST_AVAILABLE.equals(draft.practitioner) && draft.slotPractitioner == null) {
			who = "First available";
		}
		else {
			String id = draft.slotPractitioner != null ? draft.slotPractitioner : draft.practitioner;
			who = catalog.practitioner(id).map(Practitioner::displayName).orElse(null);
		}
		String when = null;
		if (location != null && draft.start != null) {
			ZoneId zone = catalog.zone(location);
			when = start(draft).map(at -> Times.dateTime(at, zone)).orElse(null);
		}
		return new Summary(service.name(), FlowCatalog.titled(service), service.duration().toMinutes() + " minutes",
				Money.usd(service.priceCents()).inWords(), location == null ? null : catalog.locationLabel(location),
				who, when);
	}

	static Optional<Instant> start(Draft draft) {
		if (draft.start == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(OffsetDateTime.parse(draft.start).toInstant());
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** The visit as chosen so far; parts not yet chosen are null. */
	record Summary(String service, String titled, String duration, String price, String location, String practitioner,
			String when) {
	}

}
