package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.care.measures.NotResponding;
import org.unknot.catalog.CatalogProperties;
import org.unknot.frontdesk.PatientsShown;
import org.unknot.frontdesk.PractitionerDay;
import org.unknot.practitioner.PractitionerId;

/** A practitioner's own day, at every location they work, with their patients. */
@Controller
class MyDayController {

	private final PractitionerDay days;

	private final CatalogProperties catalog;

	private final Clock clock;

	private final PatientsShown shown;

	private final NotResponding notResponding;

	MyDayController(PractitionerDay days, CatalogProperties catalog, Clock clock, PatientsShown shown,
			NotResponding notResponding) {
		this.notResponding = notResponding;
		this.shown = shown;
		this.days = days;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/staff/my-day")
	String myDay(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String date,
			HttpServletRequest request, Model model) {
		if (me.role() != Role.PRACTITIONER) {
			throw new AccessDeniedException("Only practitioners have a day of their own");
		}
		ZoneId zone = catalog.virtualZone();
		LocalDate day;
		try {
			day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			day = LocalDate.now(clock.withZone(zone));
		}
		model.addAttribute("date", day);
		var visits = days.of(PractitionerId.of(me.practitionerId()), day, zone);
		shown.record(me, visits.stream().map(visit -> visit.entry().patientId()).toList(), "schedule",
				request.getRemoteAddr());
		model.addAttribute("visits", visits);
		model.addAttribute("notResponding",
				notResponding.among(visits.stream().map(visit -> visit.entry().patientId()).toList()));
		model.addAttribute("notRespondingWords", NotResponding.WORDS);
		return "staff/my-day";
	}

}
