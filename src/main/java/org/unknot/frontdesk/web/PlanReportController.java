package org.unknot.frontdesk.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.care.TreatmentPlan;
import org.unknot.care.measures.Progress;
import org.unknot.care.reports.CareReport;
import org.unknot.care.reports.CareReports;
import org.unknot.care.reports.ReportBreakGlass;
import org.unknot.care.reports.ReportKind;
import org.unknot.care.reports.ReportLinks;
import org.unknot.frontdesk.CareAccess;
import org.unknot.patient.Patients;
import org.unknot.system.NotFound;
import org.unknot.system.web.Downloads;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * A plan's reports for staff: a practitioner who treats the patient writes and signs a
 * progress report (or, once the plan ends, the discharge summary) and sends it to another
 * provider as a link that expires; they and admins download the PDF. Anyone else is
 * refused, and the refusal audited; a practitioner who does not treat the patient may
 * still open a report in an emergency by giving a reason (break-glass), for a short time.
 */
@Controller
class PlanReportController {

	private final StaffPlans staffPlans;

	private final CareReports reports;

	private final ReportLinks links;

	private final CareAccess access;

	private final Patients patients;

	private final FormChange forms;

	private final ReportBreakGlass glass;

	PlanReportController(StaffPlans staffPlans, CareReports reports, ReportLinks links, CareAccess access,
			Patients patients, FormChange forms, ReportBreakGlass glass) {
		this.glass = glass;
		this.staffPlans = staffPlans;
		this.reports = reports;
		this.links = links;
		this.access = access;
		this.patients = patients;
		this.forms = forms;
	}

	/** The summary as typed, and at discharge the advice for afterwards. */
	record ReportForm(String summary, String followUp) implements PageForm {
	}

	/** To whom a report is sent. */
	record SendForm(String providerName, String providerEmail) implements PageForm {
	}

	/** Why a practitioner who does not treat the patient opens the report. */
	record ReasonForm(String reason) implements PageForm {
	}

	@GetMapping("/staff/plans/{id}/reports/new")
	String newReport(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		TreatmentPlan plan = writable(me, id, request);
		return reportPage(plan, new ReportForm(null, null), Map.of(), model);
	}

	@PostMapping("/staff/plans/{id}/reports")
	String sign(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute ReportForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TreatmentPlan plan = writable(me, id, request);
		return forms.attempt(messages -> {
			reports.sign(id, form.summary(), form.followUp(), PractitionerId.of(me.practitionerId()),
					PlanReports.reader(me, request));
			return "/staff/plans/" + id;
		}, "Report signed. Download it, or send it to a provider, from the list of reports.", redirect, response,
				errors -> reportPage(plan, form, errors, model));
	}

	/**
	 * The PDF, for those who see the patient's clinical side or who gave a reason that
	 * still opens it. A practitioner without either is sent to the page that asks why;
	 * anyone else is refused. Every refusal is audited.
	 */
	@GetMapping("/staff/reports/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			HttpServletRequest request) {
		CareReport report = report(id);
		Progress.Reader reader = PlanReports.reader(me, request);
		if (access.clinical(me, PatientId.of(report.patientId()))) {
			return download(reports.open(report, reader));
		}
		Optional<ReportBreakGlass.Grant> grant = glass.live(report, reader);
		if (grant.isPresent()) {
			return download(glass.open(report, grant.get(), reader));
		}
		reports.refused(report, reader);
		if (me.role() != Role.PRACTITIONER) {
			throw new AccessDeniedException("Not a patient this account treats");
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(reasonPath(id))).build();
	}

	/**
	 * Break-glass: the page that asks a practitioner who does not treat the patient why
	 * they open the report (403, as the refusal it is), or, once they have said why,
	 * until when it opens.
	 */
	@GetMapping("/staff/reports/{id}/reason")
	String reasonPage(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		CareReport report = report(id);
		if (access.clinical(me, PatientId.of(report.patientId()))) {
			return "redirect:/staff/plans/" + report.planId();
		}
		requirePractitioner(me, report, request);
		Optional<ReportBreakGlass.Grant> grant = glass.live(report, PlanReports.reader(me, request));
		if (grant.isEmpty()) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
		}
		return reasonPage(report, grant.orElse(null), new ReasonForm(null), Map.of(), model);
	}

	/**
	 * The reason is posted, never put in a URL; refused beside the field when too short.
	 */
	@PostMapping("/staff/reports/{id}/reason")
	String giveReason(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute ReasonForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		CareReport report = report(id);
		if (access.clinical(me, PatientId.of(report.patientId()))) {
			return "redirect:/staff/plans/" + report.planId();
		}
		requirePractitioner(me, report, request);
		return forms.answer(messages -> {
			ReportBreakGlass.Grant grant = glass.grant(report, form.reason(), PlanReports.reader(me, request));
			return new FormChange.Made(reasonPath(id),
					"Your reason is recorded. You may open this report until " + glass.until(grant, report) + ".");
		}, redirect, response, errors -> reasonPage(report, null, form, errors, model));
	}

	/**
	 * Withdraws a link sent to a provider, for those who see the patient's clinical side;
	 * a refusal is audited too.
	 */
	@PostMapping("/staff/report-links/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		ReportLinks.Link link = links.find(id).orElseThrow(() -> new NotFound(null, "report link", id.toString()));
		CareReport report = report(link.reportId());
		Progress.Reader reader = PlanReports.reader(me, request);
		if (!access.clinical(me, PatientId.of(report.patientId()))) {
			links.revokeRefused(link, reader);
			throw new AccessDeniedException("Not a patient this account treats");
		}
		links.revoke(link, reader);
		redirect.addFlashAttribute("message",
				"The link sent to " + link.providerName() + " is withdrawn: it no longer opens the report.");
		return "redirect:/staff/plans/" + report.planId();
	}

	@GetMapping("/staff/reports/{id}/send")
	String sendForm(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		CareReport report = sendable(me, id, request);
		return sendPage(report, new SendForm(null, null), Map.of(), model);
	}

	@PostMapping("/staff/reports/{id}/send")
	String send(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute SendForm form,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		CareReport report = sendable(me, id, request);
		return forms.answer(messages -> {
			ReportLinks.Sent sent = links.send(report, form.providerName(), form.providerEmail(), me.practitionerId(),
					PlanReports.reader(me, request));
			return new FormChange.Made("/staff/plans/" + report.planId(), "Link sent to " + sent.link().providerName()
					+ " at " + sent.link().providerEmail() + "; it works until " + links.until(sent.link()) + ".");
		}, redirect, response, errors -> sendPage(report, form, errors, model));
	}

	private String reportPage(TreatmentPlan plan, ReportForm form, Map<String, String> errors, Model model) {
		ReportKind kind = CareReports.dueFor(plan).orElse(ReportKind.PROGRESS);
		model.addAttribute("plan", plan);
		model.addAttribute("patient", patients.get(plan.patientId()));
		model.addAttribute("kind", kind);
		model.addAttribute("draft", plan.signedAt() == null);
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		return "care/report-form";
	}

	private String reasonPage(CareReport report, ReportBreakGlass.Grant grant, ReasonForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("until", grant == null ? null : glass.until(grant, report));
		model.addAttribute("lasts", glass.lasts());
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		return "care/report-reason";
	}

	private String sendPage(CareReport report, SendForm form, Map<String, String> errors, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("patient", patients.get(report.patientId()));
		model.addAttribute("form", form.typed());
		model.addAttribute("errors", errors);
		return "care/report-send";
	}

	/** The plan, for a practitioner who treats its patient. */
	private TreatmentPlan writable(SignedIn me, UUID id, HttpServletRequest request) {
		TreatmentPlan plan = staffPlans.viewed(me, id, request);
		access.requireWrites(me, PatientId.of(plan.patientId()));
		return plan;
	}

	/**
	 * The report, for a practitioner who treats its patient; opening its plan is audited.
	 */
	private CareReport sendable(SignedIn me, UUID id, HttpServletRequest request) {
		CareReport report = report(id);
		writable(me, report.planId(), request);
		return report;
	}

	/** Break-glass is for practitioners; anyone else is refused, and audited. */
	private void requirePractitioner(SignedIn me, CareReport report, HttpServletRequest request) {
		if (me.role() != Role.PRACTITIONER) {
			reports.refused(report, PlanReports.reader(me, request));
			throw new AccessDeniedException("Only practitioners open a report in an emergency");
		}
	}

	private static String reasonPath(UUID id) {
		return "/staff/reports/" + id + "/reason";
	}

	private static ResponseEntity<byte[]> download(CareReports.Pdf pdf) {
		return Downloads.pdf(pdf.bytes(), pdf.fileName());
	}

	private CareReport report(UUID id) {
		return reports.find(id).orElseThrow(() -> new NotFound(null, "report", id.toString()));
	}

}
