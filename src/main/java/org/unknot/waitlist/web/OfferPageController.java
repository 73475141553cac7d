package org.unknot.waitlist.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.unknot.system.Times;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.system.DomainProblem;
import org.unknot.system.Text;
import org.unknot.waitlist.Waitlist;
import org.unknot.waitlist.WaitlistOffer;

/** The page an offer's link opens: the time, and a button to take it. */
@Controller
class OfferPageController {

	private final Waitlist waitlist;

	private final Clinics clinics;

	OfferPageController(Waitlist waitlist, Clinics clinics) {
		this.waitlist = waitlist;
		this.clinics = clinics;
	}

	@GetMapping("/waitlist/offers/{id}")
	ModelAndView show(@PathVariable String id, @RequestParam(required = false) String token) {
		UUID offerId = Text.uuidOrNull(id);
		WaitlistOffer offer;
		try {
			offer = offerId == null ? null : waitlist.offer(offerId, token);
		}
		catch (DomainProblem notFound) {
			offer = null;
		}
		if (offer == null) {
			return page(HttpStatus.NOT_FOUND, "This offer link is not valid", "Please use the link from your message.");
		}
		var zone = clinics.zoneOf(LocationId.of(offer.location()));
		return page(HttpStatus.OK, "A time has opened up", null).addObject("offer", offer)
			.addObject("open", offer.status().equals("open"))
			.addObject("status", offer.status())
			.addObject("token", token)
			.addObject("when", Times.dateTime(offer.start(), zone))
			.addObject("until", Times.dateTime(offer.expiresAt(), zone));
	}

	@PostMapping("/waitlist/offers/{id}/accept")
	ModelAndView accept(@PathVariable String id, @RequestParam(required = false) String token) {
		UUID offerId = Text.uuidOrNull(id);
		if (offerId == null) {
			return page(HttpStatus.NOT_FOUND, "This offer link is not valid", "Please use the link from your message.");
		}
		try {
			var booked = waitlist.accept(offerId, token);
			var zone = clinics.zoneOf(booked.appointment().location());
			return page(HttpStatus.OK, "It is yours", "Your appointment is booked for "
					+ Times.dateTime(booked.appointment().start(), zone) + ". A confirmation is on its way.");
		}
		catch (DomainProblem problem) {
			HttpStatus status = problem.kind() == DomainProblem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
					: HttpStatus.CONFLICT;
			return page(status, "We could not book this time", problem.getMessage());
		}
	}

	private static ModelAndView page(HttpStatus status, String title, String text) {
		ModelAndView page = new ModelAndView("waitlist/offer", status);
		page.addObject("title", title);
		page.addObject("text", text);
		return page;
	}

}
