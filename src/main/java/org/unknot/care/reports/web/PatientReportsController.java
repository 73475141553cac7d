package org.unknot.care.reports.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.account.SignedIn;
import org.unknot.care.measures.ClinicTime;
import org.unknot.care.measures.Progress;
import org.unknot.care.reports.CareReport;
import org.unknot.care.reports.CareReports;
import org.unknot.care.reports.ReportKind;
import org.unknot.system.NotFound;
import org.unknot.system.web.Downloads;
import org.unknot.patient.PatientId;

/**
 * A patient's discharge summaries in the portal, theirs to keep once a plan ends; never
 * another patient's, and never the progress reports written for other providers.
 */
@Controller
class PatientReportsController {

	private final CareReports reports;

	private final ClinicTime clinicTime;

	PatientReportsController(CareReports reports, ClinicTime clinicTime) {
		this.reports = reports;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/account/care-summaries")
	String list(@AuthenticationPrincipal SignedIn me, Model model) {
		PatientId mine = PatientId.of(me.patientId());
		var zone = clinicTime.ofPatient(mine);
		model.addAttribute("summaries",
				reports.dischargesOf(mine)
					.stream()
					.map(report -> new Line(report.id(), reports.describe(report, zone), report.pages()))
					.toList());
		return "care/summaries";
	}

	@GetMapping("/account/care-summaries/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			HttpServletRequest request) {
		CareReport report = reports.find(id)
			.filter(found -> found.patientId().equals(me.patientId()) && found.kind() == ReportKind.DISCHARGE)
			.orElseThrow(() -> new NotFound(null, "discharge summary", id.toString()));
		CareReports.Pdf pdf = reports.open(report,
				new Progress.Reader("account:" + me.accountId(), me.role().name(), request.getRemoteAddr()));
		return Downloads.pdf(pdf.bytes(), pdf.fileName());
	}

	/** One summary as listed: what it is, and its download. */
	record Line(UUID id, String description, int pages) {
	}

}
