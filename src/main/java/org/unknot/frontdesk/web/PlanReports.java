package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.Instant;
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
import org.unknot.system.Times;
import org.unknot.patient.PatientId;

/**
 * The reports part of a plan's page: for those who see its clinical side, each signed
 * report with each link sent for it (to whom, as typed, when, until when, whether the
 * provider opened it, and a way to withdraw it while it works); for a practitioner who
 * treats the patient, the report the plan can have now (progress while it runs, discharge
 * once it ends).
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
	record Row(UUID id, String description, int pages, List<Sent> sent) {
	}

	/**
	 * A link sent for a report, in words; {@code withdrawable} while it still opens the
	 * report.
	 */
	record Sent(UUID id, String provider, String words, boolean withdrawable) {
	}

	void addTo(Model model, SignedIn me, TreatmentPlan plan) {
		boolean clinical = access.clinical(me, PatientId.of(plan.patientId()));
		ZoneId zone = clinicTime.ofPatient(PatientId.of(plan.patientId()));
		model.addAttribute("reports",
				clinical ? reports.ofPlan(plan.id()).stream().map(report -> row(report, zone)).toList() : List.of());
		model.addAttribute("reportDue", access.writes(me, PatientId.of(plan.patientId()))
				? CareReports.dueFor(plan).map(kind -> kind.label()).orElse(null) : null);
	}

	private Row row(CareReport report, ZoneId zone) {
		List<Sent> sent = links.ofReport(report.id()).stream().map(link -> sent(link, zone)).toList();
		return new Row(report.id(), reports.describe(report, zone), report.pages(), sent);
	}

	/**
	 * "Sent to Dr. Priya Lee (Priya.Lee@Example.org) on Mon, Mar 15, 9:10 AM EDT, link
	 * works until Mon, Mar 29, 9:10 AM EDT, opened, downloaded once"
	 */
	private Sent sent(ReportLinks.Link link, ZoneId zone) {
		Instant now = clock.instant();
		String state;
		if (link.revoked()) {
			state = "withdrawn " + Times.shortDateTime(link.revokedAt(), zone);
		}
		else {
			state = (link.expired(now) ? "link expired " : "link works until ")
					+ Times.shortDateTime(link.expiresAt(), zone);
		}
		String use = !link.opened() ? "not opened" : "opened, downloaded " + switch (link.downloads()) {
			case 0 -> "never";
			case 1 -> "once";
			default -> link.downloads() + " times";
		};
		return new Sent(link.id(), link.providerName(), "Sent to " + link.providerName() + " (" + link.typedEmail()
				+ ") on " + Times.shortDateTime(link.sentAt(), zone) + ", " + state + ", " + use, link.opens(now));
	}

	static Progress.Reader reader(SignedIn me, HttpServletRequest request) {
		return new Progress.Reader("account:" + me.accountId(), me.role().name(), request.getRemoteAddr());
	}

}
