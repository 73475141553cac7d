package org.unknot.admin.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.admin.LicenceWarnings;
import org.unknot.audit.AuditEntry;
import org.unknot.audit.AuditLog;
import org.unknot.catalog.CatalogProperties;
import org.unknot.patient.Patients;

/**
 * The admin's overview: licences needing attention, recent break-glass openings, and who
 * viewed a patient.
 */
@Controller
class AdminController {

	private final LicenceWarnings licences;

	private final AuditLog audit;

	private final AuditActors actors;

	private final Patients patients;

	private final CatalogProperties catalog;

	private final Clock clock;

	AdminController(LicenceWarnings licences, AuditLog audit, AuditActors actors, Patients patients,
			CatalogProperties catalog, Clock clock) {
		this.licences = licences;
		this.audit = audit;
		this.actors = actors;
		this.patients = patients;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		model.addAttribute("warnings", licences.current());
		List<AuditEntry> breakGlass = audit.breakGlass(clock.instant().minus(Duration.ofDays(30)));
		model.addAttribute("breakGlass", actors.lines(breakGlass, catalog.virtualZone()));
		return "admin/overview";
	}

	@GetMapping("/admin/patients/{id}/audit")
	String viewers(@PathVariable UUID id, Model model) {
		List<AuditEntry> entries = audit.entriesOf(id);
		model.addAttribute("patient", patients.find(id).map(AuditActors::fullName).orElse(null));
		model.addAttribute("entries", actors.lines(entries, catalog.virtualZone()));
		return "admin/patient-audit";
	}

}
