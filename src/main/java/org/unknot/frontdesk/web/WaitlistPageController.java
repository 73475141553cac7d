package org.unknot.frontdesk.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.account.SignedIn;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.frontdesk.PatientsShown;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.waitlist.Waitlist;
import org.unknot.waitlist.WaitlistEntry;

/** Who is waiting for a time, in the order they will be offered one. */
@Controller
class WaitlistPageController {

	private final Waitlist waitlist;

	private final Patients patients;

	private final CareServices services;

	private final PatientsShown shown;

	WaitlistPageController(Waitlist waitlist, Patients patients, CareServices services, PatientsShown shown) {
		this.shown = shown;
		this.waitlist = waitlist;
		this.patients = patients;
		this.services = services;
	}

	/** A line of the list: the entry, the patient's name and the service's. */
	record Line(WaitlistEntry entry, String patient, String service) {
	}

	@GetMapping("/staff/waitlist")
	String list(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String service,
			@RequestParam(defaultValue = "true") boolean activeOnly, HttpServletRequest request, Model model) {
		String chosen = service == null || service.isBlank() ? null : service;
		List<WaitlistEntry> entries = waitlist.entries(chosen, activeOnly);
		shown.record(me, entries.stream().map(WaitlistEntry::patientId).toList(), "waitlist", request.getRemoteAddr());
		Map<UUID, Patient> names = patients
			.byIds(entries.stream().map(WaitlistEntry::patientId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Map<String, CareService> byId = services.byId();
		model.addAttribute("lines", entries.stream().map(entry -> {
			Patient patient = names.get(entry.patientId());
			CareService offered = byId.get(entry.serviceId());
			return new Line(entry, patient == null ? "" : patient.givenName() + " " + patient.familyName(),
					offered == null ? entry.serviceId() : offered.name());
		}).toList());
		model.addAttribute("services", services.all());
		model.addAttribute("service", chosen == null ? "" : chosen);
		model.addAttribute("activeOnly", activeOnly);
		return "staff/waitlist";
	}

}
