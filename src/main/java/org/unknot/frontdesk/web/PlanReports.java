package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.unknot.account.SignedIn;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.measures.ClinicTime;
import org.unknot.care.measures.Progress;
import org.unknot.care.reports.CareReport;
import org.unknot.care.reports.CareReports;
import org.unknot.care.reports.ReportLinks;
import org.unknot.frontdesk.CareAccess;

/**
 * The reports part of a plan's page: for those who see its clinical side, each signed
 * report with where it was sent; for a practitioner who treats the patient, the report
 * the plan can have now (progress while it runs, discharge once it ends).
 */
@Component
class PlanReports {

	private final CareReports reports;

	private final ReportLinks links;

	private final CareAccess access;

	private final ClinicTime clinicTime;

	private final Clock clock;

	PlanReports(CareReports reports, ReportLinks links, CareAccess access, ClinicTime clinicTime, Clock clock) {
		this.reports = reports;
		this.links = links;
		this.access = access;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/** A signed report as its plan's page lists it. */
	record Row(UUID id, String description, int pages, List<String> sent) {
	}

	void addTo(Model model, SignedIn me, TreatmentPlan plan) {
		boolean clinical = access.clinical(me, plan.patientId());
		ZoneId zone = clinicTime.ofPatient(plan.patientId());
		model.addAttribute("reports",
				clinical ? reports.ofPlan(plan.id()).stream().map(report -> row(report, zone)).toList() : List.of());
		model.addAttribute("reportDue", access.writes(me, plan.patientId())
				? CareReports.dueFor(plan).map(kind -> kind.label()).orElse(null) : null);
	}

	private Row row(CareReport report, ZoneId zone) {
		List<String> sent = links.ofReport(report.id())
			.stream()
			.map(link -> "Sent to " + link.providerName() + " (" + link.providerEmail() + "), "
					+ (link.expired(clock.instant()) ? "link expired " : "link works until ") + links.until(link)
					+ ", downloaded " + (link.downloads() == 1 ? "once" : link.downloads() + " times"))
			.toList();
		return new Row(report.id(), reports.describe(report, zone), report.pages(), sent);
	}

	static Progress.Reader reader(SignedIn me, HttpServletRequest request) {
		return new Progress.Reader("account:" + me.accountId(), me.role().name(), request.getRemoteAddr());
	}

}
