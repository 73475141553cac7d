package org.unknot.packages.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
import org.unknot.patient.PatientId;
import org.unknot.system.Times;
import org.unknot.system.web.FormChange;
import org.unknot.system.web.FormChange.Made;

/**
 * "My packages" in the portal: the packages a patient holds, credits left and until when,
 * and the packages on sale to buy (to pay at the clinic until a payment provider is
 * connected).
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

	MyPackagesController(CarePackages packages, CreditLedger ledger, PackageSales sales, CareServices services,
			FormChange forms, CatalogProperties catalog, Clock clock) {
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
			Holding bought = sales.sell(PatientId.of(me.patientId()), chosen, PaidHow.TO_PAY_AT_CLINIC);
			return new Made("/account/packages",
					"You bought " + bought.packageName() + ": " + bought.balance() + " visits, " + validUntil(bought)
							+ ". Please pay " + bought.price().inWords() + " at the clinic at your next visit.");
		}, redirect, response, errors -> page(me, model, errors.get("package")));
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
