package org.unknot.frontdesk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.system.web.Choice;
import org.unknot.account.SignedIn;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.frontdesk.PatientRecords;
import org.unknot.frontdesk.PatientsShown;
import org.unknot.insurance.Authorization;
import org.unknot.insurance.Authorizations;
import org.unknot.insurance.InsurancePlans;
import org.unknot.packages.CarePackages;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.Holding;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.system.Times;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.FormChange.Made;

/**
 * The desk's side of paying for care: a patient's packages (sell one, record the payment
 * of one bought online) and the payers' authorizations (record one, see what is used),
 * and the authorizations running low across the network.
 */
@Controller
class PayingController {

	private final PatientRecords records;

	private final PatientsShown shown;

	private final Patients patients;

	private final CarePackages packages;

	private final CreditLedger ledger;

	private final PackageSales sales;

	private final Authorizations authorizations;

	private final InsurancePlans plans;

	private final CareServices services;

	private final FormChange forms;

	private final ZoneId zone;

	private final Clock clock;

	PayingController(PatientRecords records, PatientsShown shown, Patients patients, CarePackages packages,
			CreditLedger ledger, PackageSales sales, Authorizations authorizations, InsurancePlans plans,
			CareServices services, FormChange forms, CatalogProperties catalog, Clock clock) {
		this.records = records;
		this.shown = shown;
		this.patients = patients;
		this.packages = packages;
		this.ledger = ledger;
		this.sales = sales;
		this.authorizations = authorizations;
		this.plans = plans;
		this.services = services;
		this.forms = forms;
		this.zone = catalog.virtualZone();
		this.clock = clock;
	}

	@GetMapping("/staff/patients/{id}/packages")
	String patientPage(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		if (!opened(me, id, request)) {
			return "redirect:/staff/patients/" + id;
		}
		return page(model, patients.get(id), Map.of(), Map.of(), AuthorizationForm.fresh());
	}

	@PostMapping("/staff/patients/{id}/packages")
	String sell(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@RequestParam(name = "package", defaultValue = "") String chosen,
			@RequestParam(defaultValue = "") String paidHow, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!opened(me, id, request)) {
			return "redirect:/staff/patients/" + id;
		}
		Patient patient = patients.get(id);
		Map<String, String> typed = Map.of("package", chosen, "paidHow", paidHow);
		return forms.answer(messages -> {
			PaidHow how = messages.choice("paidHow", PaidHow.class, paidHow, "Choose how it was paid.");
			if (packages.find(chosen).isEmpty()) {
				messages.add("package", "Choose one of the packages on sale.");
			}
			if (!messages.isEmpty()) {
				return null;
			}
			Holding sold = sales.sell(PatientId.of(id), chosen, how);
			return new Made("/staff/patients/" + id + "/packages", "Sold " + sold.packageName() + " for "
					+ sold.price().inWords() + " (" + how.label().toLowerCase() + "): " + sold.balance() + " visits.");
		}, redirect, response, errors -> page(model, patient, typed, errors, AuthorizationForm.fresh()));
	}

	@PostMapping("/staff/patients/{id}/packages/{holding}/paid")
	String settle(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id, @PathVariable UUID holding,
			@RequestParam(defaultValue = "") String paidHow, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!opened(me, id, request)) {
			return "redirect:/staff/patients/" + id;
		}
		Patient patient = patients.get(id);
		return forms.answer(messages -> {
			if (ledger.holding(holding).filter(held -> held.patientId().equals(id)).isEmpty()) {
				messages.add("paidHow-" + holding, "There is no such package of this patient.");
				return null;
			}
			PaidHow how = messages.choice("paidHow-" + holding, PaidHow.class, paidHow, "Choose how it was paid.");
			if (how == null) {
				return null;
			}
			Holding paid = sales.settle(holding, how);
			return new Made("/staff/patients/" + id + "/packages",
					"Recorded: " + paid.packageName() + " paid, " + paid.price().inWords() + ".");
		}, redirect, response, errors -> page(model, patient, Map.of(), errors, AuthorizationForm.fresh()));
	}

	@PostMapping("/staff/patients/{id}/authorizations")
	String authorize(@AuthenticationPrincipal SignedIn me, @PathVariable UUID id,
			@ModelAttribute AuthorizationForm form, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!opened(me, id, request)) {
			return "redirect:/staff/patients/" + id;
		}
		Patient patient = patients.get(id);
		return forms.attempt(messages -> {
			authorizations.record(PatientId.of(id), form.terms(messages));
			return "/staff/patients/" + id + "/packages";
		}, "Authorization recorded: visits booked under the plan count against it from now on.", redirect, response,
				errors -> page(model, patient, Map.of(), errors, form));
	}

	/**
	 * The authorizations running low of the patients this staff member sees: a front desk
	 * its own clinics' patients, an admin the whole network's. Each patient listed is
	 * recorded as shown.
	 */
	@GetMapping("/staff/authorizations")
	String runningLow(@AuthenticationPrincipal SignedIn me, HttpServletRequest request, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<Authorization> all = authorizations.runningLow(today);
		Set<UUID> theirs = new HashSet<>(
				records.theirs(me, all.stream().map(Authorization::patientId).distinct().toList()));
		List<Authorization> low = all.stream().filter(a -> theirs.contains(a.patientId())).toList();
		shown.record(me, theirs, "authorizations", request.getRemoteAddr());
		model.addAttribute("authorizations", low);
		model.addAttribute("patientNames", patients.byIds(low.stream().map(Authorization::patientId).toList()));
		model.addAttribute("today", today);
		return "staff/authorizations";
	}

	private boolean opened(SignedIn me, UUID id, HttpServletRequest request) {
		try {
			records.open(me, PatientId.of(id), null, request.getRemoteAddr());
			return true;
		}
		catch (PatientRecords.ReasonRequired required) {
			return false;
		}
	}

	private String page(Model model, Patient patient, Map<String, String> saleTyped, Map<String, String> errors,
			AuthorizationForm authorization) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		model.addAttribute("patient", patient);
		model.addAttribute("holdings",
				ledger.holdings(PatientId.of(patient.id()))
					.stream()
					.map(held -> new HeldRow(held, Times.day(held.validUntil().atZone(zone).toLocalDate())))
					.toList());
		model.addAttribute("packageOptions",
				packages.onSale()
					.stream()
					.map(offered -> new Choice(offered.id(),
							offered.name() + ", " + offered.price().inWords() + ", " + offered.credits()
									+ " visits, valid " + offered.validityInWords()))
					.toList());
		model.addAttribute("paidHows",
				java.util.Arrays.stream(PaidHow.atTheDesk()).map(how -> new Choice(how.name(), how.label())).toList());
		model.addAttribute("sale", saleTyped);
		model.addAttribute("authorizations",
				authorizations.of(PatientId.of(patient.id()))
					.stream()
					.map(a -> new AuthorizationRow(a, covers(a)))
					.toList());
		model.addAttribute("planOptions",
				plans.all().stream().map(plan -> new Choice(plan.id(), plan.name())).toList());
		model.addAttribute("services", services.all());
		model.addAttribute("serviceNames", services.byId());
		model.addAttribute("form", authorization.typed());
		model.addAttribute("chosen", authorization.chosen());
		model.addAttribute("errors", errors);
		model.addAttribute("today", today);
		return "staff/paying";
	}

	/** What an authorization covers, in words: service names, then CPT codes. */
	private String covers(Authorization authorization) {
		Map<String, org.unknot.catalog.CareService> byId = services.byId();
		List<String> words = new java.util.ArrayList<>(authorization.serviceIds()
			.stream()
			.map(id -> byId.containsKey(id) ? byId.get(id).name() : id)
			.toList());
		if (!authorization.cptCodes().isEmpty()) {
			words.add("CPT " + String.join(", ", authorization.cptCodes()));
		}
		return String.join("; ", words);
	}

	/** An authorization with what it covers in words. */
	record AuthorizationRow(Authorization authorization, String covers) {
	}

	/** A holding with its end date in words. */
	record HeldRow(Holding holding, String validUntil) {
	}

}
