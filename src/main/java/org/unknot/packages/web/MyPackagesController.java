package org.unknot.packages.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.unknot.account.SignedIn;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.packages.CarePackage;
import org.unknot.packages.CarePackages;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.Holding;
import org.unknot.packages.PackageSales;
import org.unknot.packages.PaidHow;
import org.unknot.patient.Patient;
import org.unknot.patient.PatientId;
import org.unknot.patient.Patients;
import org.unknot.payment.OnlinePayments;
import org.unknot.system.SiteAddress;
import org.unknot.system.Times;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.FormChange.Made;

/**
 * "My packages" in the portal: the packages a patient holds, credits left and until when,
 * and the packages on sale to buy: on the payment provider's page when the clinics take
 * payments online (the visits come with the payment), otherwise to pay at the clinic.
 */
@Controller
class MyPackagesController {

	private final CarePackages packages;

	private final CreditLedger ledger;

	private final PackageSales sales;

	private final CareServices services;

	private final FormChange forms;

	private final ZoneId zone;

	private final Clock clock;

	private final OnlinePayments online;

	private final Patients patients;

	private final SiteAddress site;

	MyPackagesController(CarePackages packages, CreditLedger ledger, PackageSales sales, CareServices services,
			FormChange forms, CatalogProperties catalog, Clock clock, OnlinePayments online, Patients patients,
			SiteAddress site) {
		this.online = online;
		this.patients = patients;
		this.site = site;
		this.clock = clock;
		this.packages = packages;
		this.ledger = ledger;
		this.sales = sales;
		this.services = services;
		this.forms = forms;
		this.zone = catalog.virtualZone();
	}

	@GetMapping("/account/packages")
	String mine(@AuthenticationPrincipal SignedIn me, Model model) {
		return page(me, model, null);
	}

	@PostMapping("/account/packages")
	String buy(@AuthenticationPrincipal SignedIn me, @RequestParam(name = "package", defaultValue = "") String chosen,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return forms.answer(messages -> {
			if (me.patientId() == null) {
				messages.add("package", "Your account is not linked to a patient record yet; ask the front desk.");
				return null;
			}
			if (packages.find(chosen).isEmpty()) {
				messages.add("package", "Choose one of the packages on sale.");
				return null;
			}
			if (online.available()) {
				Holding bought = sales.sellToPayOnline(PatientId.of(me.patientId()), chosen);
				return new Made("/account/packages/" + bought.id() + "/pay", "You are buying " + bought.packageName()
						+ ": its visits are yours once it is paid (" + bought.price().inWords() + ").");
			}
			Holding bought = sales.sell(PatientId.of(me.patientId()), chosen, PaidHow.TO_PAY_AT_CLINIC);
			return new Made("/account/packages",
					"You bought " + bought.packageName() + ": " + bought.balance() + " visits, " + validUntil(bought)
							+ ". Please pay " + bought.price().inWords() + " at the clinic at your next visit.");
		}, redirect, response, errors -> page(me, model, errors.get("package")));
	}

	/**
	 * The payment provider's page for a package bought online and still owed: a plain
	 * redirect, which comes back here.
	 */
	@GetMapping("/account/packages/{id}/pay")
	String pay(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
		Optional<Holding> owed = me.patientId() == null ? Optional.empty()
				: ledger.holdings(PatientId.of(me.patientId()))
					.stream()
					.filter(held -> held.id().toString().equals(id) && held.owed())
					.findFirst();
		if (owed.isEmpty() || !online.available()) {
			return "redirect:/account/packages";
		}
		Holding holding = owed.get();
		Patient patient = patients.get(me.patientId());
		var payer = new OnlinePayments.Payer(PatientId.of(me.patientId()),
				patient.givenName() + " " + patient.familyName(), patient.email());
		return "redirect:" + online.payPackage(payer, holding.id(), holding.packageName(), holding.price(),
				new OnlinePayments.ReturnTo(site.link("/account/packages?payment=made"),
						site.link("/account/packages?payment=not-made")));
	}

	private String page(SignedIn me, Model model, String problem) {
		List<Holding> held = me.patientId() == null ? List.of() : ledger.holdings(PatientId.of(me.patientId()));
		model.addAttribute("holdings", held.stream().map(this::view).toList());
		var names = services.byId();
		model.addAttribute("onSale",
				packages.onSale()
					.stream()
					.map(offered -> new OnSale(offered,
							String.join(", ",
									offered.serviceIds()
										.stream()
										.map(id -> names.containsKey(id) ? names.get(id).name() : id)
										.sorted()
										.toList())))
					.toList());
		model.addAttribute("problem", problem);
		model.addAttribute("online", online.available());
		return "portal/packages";
	}

	private HeldView view(Holding holding) {
		return new HeldView(holding, validUntil(holding));
	}

	private String validUntil(Holding holding) {
		return (holding.expired(clock.instant()) ? "ran out on " : "valid until ")
				+ Times.day(holding.validUntil().atZone(zone).toLocalDate());
	}

	/** A package on sale with the services it covers in words. */
	record OnSale(CarePackage offered, String covers) {
	}

	/** A holding with its end date in words, as the page shows it. */
	record HeldView(Holding holding, String validUntil) {
	}

}
