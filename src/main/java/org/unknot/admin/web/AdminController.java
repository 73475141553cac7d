package org.unknot.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.admin.LicenceWarnings;
import org.unknot.audit.AuditLog;
import org.unknot.catalog.CatalogProperties;

/**
 * The admin's overview: licences needing attention, recent break-glass openings, and who
 * viewed a patient.
 */
@Controller
class AdminController {

	private final LicenceWarnings licences;

	private final AuditLog audit;

	private final Clock clock;

	private final CatalogProperties catalog;

	AdminController(LicenceWarnings licences, AuditLog audit, Clock clock, CatalogProperties catalog) {
		this.licences = licences;
		this.audit = audit;
		this.clock = clock;
		this.catalog = catalog;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		model.addAttribute("warnings", licences.current());
		model.addAttribute("breakGlass", audit.breakGlass(clock.instant().minus(Duration.ofDays(30))));
		model.addAttribute("zone", catalog.virtualZone());
		return "admin/overview";
	}

	@GetMapping("/admin/patients/{id}/audit")
	String viewers(@PathVariable UUID id, Model model) {
		model.addAttribute("patientId", id);
		model.addAttribute("entries", audit.entriesOf(id));
		return "admin/patient-audit";
	}

}
