package org.unknot.waitlist.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.unknot.system.DomainProblem;
import org.unknot.waitlist.Waitlist;
import org.unknot.waitlist.WaitlistOffer;

/** The page an offer's link opens: the time, and a button to take it. */
@RestController
class OfferPageController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, h:mm a zzz",
			Locale.US);

	private final Waitlist waitlist;

	OfferPageController(Waitlist waitlist) {
		this.waitlist = waitlist;
	}

	@GetMapping(path = "/waitlist/offers/{id}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> show(@PathVariable String id, @RequestParam(required = false) String token, CsrfToken csrf) {
		UUID offerId = parse(id);
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
		var zone = waitlist.zoneOf(offer.location());
		String body = "<p>" + esc(WHEN.format(offer.start().atZone(zone))) + " (" + esc(zone.getId()) + ")</p>";
		if (offer.status().equals("open")) {
			body += "<p>Held for you until " + esc(WHEN.format(offer.expiresAt().atZone(zone))) + ".</p>"
					+ "<form method=\"post\" action=\"/waitlist/offers/" + offer.id() + "/accept\">"
					+ "<input type=\"hidden\" name=\"token\" value=\"" + esc(token) + "\">"
					+ "<input type=\"hidden\" name=\"" + esc(csrf.getParameterName()) + "\" value=\""
					+ esc(csrf.getToken()) + "\">" + "<button type=\"submit\">Take this time</button></form>";
		}
		else {
			body += "<p>This offer is " + esc(offer.status()) + ".</p>";
		}
		return html(HttpStatus.OK, "A time has opened up", body);
	}

	@PostMapping(path = "/waitlist/offers/{id}/accept", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> accept(@PathVariable String id, @RequestParam(required = false) String token) {
		UUID offerId = parse(id);
		if (offerId == null) {
			return page(HttpStatus.NOT_FOUND, "This offer link is not valid", "Please use the link from your message.");
		}
		try {
			var booked = waitlist.accept(offerId, token);
			var zone = waitlist.zoneOf(booked.appointment().location().value());
			return page(HttpStatus.OK, "It is yours",
					"Your appointment is booked for " + WHEN.format(booked.appointment().start().atZone(zone)) + " ("
							+ zone.getId() + "). A confirmation is on its way.");
		}
		catch (DomainProblem problem) {
			HttpStatus status = problem.kind() == DomainProblem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
					: HttpStatus.CONFLICT;
			return page(status, "We could not book this time", problem.getMessage());
		}
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
		return html(status, title, "<p>" + esc(text) + "</p>");
	}

	private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
		return ResponseEntity.status(status)
			.contentType(MediaType.TEXT_HTML)
			.body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
					+ "</title></head><body><main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>");
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text);
	}

}
