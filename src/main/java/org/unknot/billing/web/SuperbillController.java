package org.unknot.billing.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.web.Downloads;
import org.unknot.account.SignedIn;
import org.unknot.billing.Superbills;
import org.unknot.catalog.CatalogProperties;
import org.unknot.system.InvalidRequest;
import org.unknot.system.NotFound;
import org.unknot.system.web.FieldMessages;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.PageForm;
import org.unknot.patient.PatientId;

/**
 * Superbills on a page and as a PDF: in the portal for the signed-in patient, and from
 * the staff patient record for the front desk and admins. The span of days (or one visit)
 * is chosen in the address, so a superbill can be bookmarked or printed again.
 */
@Controller
class SuperbillController {

	private final Superbills superbills;

	private final CatalogProperties catalog;

	private final FormChange forms;

	SuperbillController(Superbills superbills, CatalogProperties catalog, FormChange forms) {
		this.superbills = superbills;
		this.catalog = catalog;
		this.forms = forms;
	}

	@GetMapping("/account/superbills")
	String mine(@AuthenticationPrincipal SignedIn me, @ModelAttribute Span span, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return page(new Where("account", "/account/superbills", me.patientId()), me, span, request, response, model);
	}

	@GetMapping("/account/superbills/download")
	Object myDownload(@AuthenticationPrincipal SignedIn me, @ModelAttribute Span span, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return download(new Where("account", "/account/superbills", me.patientId()), me, span, request, response,
				model);
	}

	@GetMapping("/staff/patients/{id}/superbills")
	String patients(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute Span span,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(staff(id), me, span, request, response, model);
	}

	@GetMapping("/staff/patients/{id}/superbills/download")
	Object patientsDownload(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute Span span,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return download(staff(id), me, span, request, response, model);
	}

	/** The front desk records whether the patient joined a video visit from home. */
	@PostMapping("/staff/patients/{id}/superbills/video-place")
	String videoPlace(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @ModelAttribute VideoPlace form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
		Where where = staff(id);
		return forms.attempt(messages -> {
			UUID visit = form.visitId();
			Boolean atHome = form.atHome(messages);
			if (atHome != null) {
				superbills.recordVideoPlace(new Superbills.Asker(me, request.getRemoteAddr()), PatientId.of(id), visit,
						atHome);
			}
			return where.path() + "?from=" + text(form.from()) + "&to=" + text(form.to());
		}, "Place of service saved.", redirect, response, errors -> {
			// the place is chosen on a line of the table, not in a field of its own
			model.addAttribute("problem", String.join(" ", errors.values()));
			String page = page(where, me, new Span(form.from(), form.to(), null), request, response, model);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page;
		});
	}

	private static Where staff(UUID patientId) {
		return new Where("staff", "/staff/patients/" + patientId + "/superbills", patientId);
	}

	private String page(Where where, SignedIn me, Span span, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Map<String, String> form = span.typed();
		FieldMessages messages = new FieldMessages();
		Superbills.Issued issued = issue(where, me, span, messages, request, Superbills.Use.READ);
		if (!messages.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		else if (span.visit() == null) {
			form.put("from", issued.from().toString());
			form.put("to", issued.to().toString());
		}
		model.addAttribute("area", where.area());
		model.addAttribute("path", where.path());
		model.addAttribute("patientId", where.patientId());
		model.addAttribute("form", form);
		model.addAttribute("errors", messages.byField());
		model.addAttribute("issued", issued);
		model.addAttribute("download", where.path() + "/download");
		return "billing/superbills";
	}

	private Object download(Where where, SignedIn me, Span span, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		FieldMessages messages = new FieldMessages();
		Superbills.Issued issued = issue(where, me, span, messages, request, Superbills.Use.EXPORT);
		if (!messages.isEmpty()) {
			return page(where, me, span, request, response, model);
		}
		String name = "superbill-" + issued.from() + (issued.to().equals(issued.from()) ? "" : "-to-" + issued.to())
				+ ".pdf";
		return Downloads.pdf(SuperbillPdf.of(issued), name);
	}

	/** The superbill asked for, or null with the messages beside the fields. */
	private Superbills.Issued issue(Where where, SignedIn me, Span span, FieldMessages messages,
			HttpServletRequest request, Superbills.Use use) {
		if (where.patientId() == null) {
			throw new NotFound(null, "patient", "none");
		}
		Superbills.Asker asker = new Superbills.Asker(me, request.getRemoteAddr());
		if (span.visit() != null && !span.visit().isBlank()) {
			return superbills.forVisit(asker, PatientId.of(where.patientId()), span.visitId(), use);
		}
		var thisYear = superbills.thisYear(catalog.virtualZone());
		LocalDate from = span.from() == null ? thisYear.get(0) : span.day(messages, "from", span.from());
		LocalDate to = span.to() == null ? thisYear.get(1) : span.day(messages, "to", span.to());
		if (!messages.isEmpty()) {
			return null;
		}
		try {
			return superbills.forSpan(asker, PatientId.of(where.patientId()), from, to, use);
		}
		catch (InvalidRequest invalid) {
			messages.addAll(invalid);
			return null;
		}
	}

	private static String text(String typed) {
		return typed == null ? "" : java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Whose superbills, in which area of the site, at which address. */
	record Where(String area, String path, UUID patientId) {
	}

	/**
	 * The first and last day of service (both included), or one visit, as typed in the
	 * address.
	 */
	record Span(String from, String to, String visit) implements PageForm {

		LocalDate day(FieldMessages messages, String field, String typed) {
			return messages.parse(field, typed, LocalDate::parse, "Enter a date like 2027-03-15.");
		}

		UUID visitId() {
			try {
				return UUID.fromString(visit.strip());
			}
			catch (IllegalArgumentException e) {
				throw new NotFound("visit", "attended visit", visit);
			}
		}

	}

	/** Where the patient was during a video visit: {@code home} or {@code elsewhere}. */
	record VideoPlace(String visit, String place, String from, String to) implements PageForm {

		UUID visitId() {
			try {
				return UUID.fromString(visit == null ? "" : visit.strip());
			}
			catch (IllegalArgumentException e) {
				throw new NotFound("visit", "video visit", String.valueOf(visit));
			}
		}

		Boolean atHome(FieldMessages messages) {
			if ("home".equals(place)) {
				return true;
			}
			if ("elsewhere".equals(place)) {
				return false;
			}
			messages.add("place", "Choose home or elsewhere.");
			return null;
		}

	}

}
