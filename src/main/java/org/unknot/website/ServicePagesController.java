package org.unknot.website;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.catalog.ServiceId;
import org.unknot.system.Money;
import org.unknot.payment.PaymentPolicies;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.ServiceCategory;
import org.unknot.insurance.InsurancePlans;
import org.unknot.practitioner.Practitioner;

@Controller
class ServicePagesController {

	private final CareServices services;

	private final Clinics clinics;

	private final BookablePractitioners practitioners;

	private final FreeTimes freeTimes;

	private final InsurancePlans plans;

	private final Pages pages;

	private final PaymentPolicies policies;

	ServicePagesController(CareServices services, Clinics clinics, BookablePractitioners practitioners,
			FreeTimes freeTimes, InsurancePlans plans, Pages pages, PaymentPolicies policies) {
		this.policies = policies;
		this.services = services;
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.freeTimes = freeTimes;
		this.plans = plans;
		this.pages = pages;
	}

	@GetMapping("/services")
	String list(Model model) {
		Map<ServiceCategory, List<ServiceKinds.Kind>> byCategory = ServiceKinds.group(services.all())
			.stream()
			.collect(Collectors.groupingBy(ServiceKinds.Kind::category, LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("section", "services");
		model.addAttribute("categories",
				byCategory.entrySet()
					.stream()
					.map(entry -> new CategoryView(ServiceKinds.categoryName(entry.getKey()),
							ServiceKinds.slugOf(entry.getKey()), InsuranceNotes.of(entry.getKey()), entry.getValue()))
					.toList());
		model.addAttribute("meta", pages.meta("Services, lengths and prices",
				"Massage therapy, physical therapy, pain consultations, procedures and counselling: what each is, how long it takes and what it costs.",
				"/services"));
		return "services/list";
	}

	@GetMapping("/services/{id}")
	String service(@PathVariable String id, Model model) {
		CareService service = services.get("id", id);
		List<CareService> all = services.all();
		List<Clinic> allClinics = clinics.all();
		List<Practitioner> offering = practitioners.listed()
			.stream()
			.filter(p -> p.offers(ServiceId.of(service.id())))
			.toList();
		String name = ServiceKinds.nameOf(service);
		model.addAttribute("section", "services");
		model.addAttribute("service", service);
		model.addAttribute("kindName", name);
		model.addAttribute("categoryName", ServiceKinds.categoryName(service.category()));
		model.addAttribute("price", Money.usd(service.priceCents()).inWords());
		model.addAttribute("policy", policies.shown(ServiceId.of(service.id()), service.priceCents()));
		model.addAttribute("lengths",
				ServiceKinds.lengthsOf(service, all)
					.stream()
					.map(length -> new LengthOption(length.id(), length.duration().toMinutes(),
							Money.usd(length.priceCents()).inWords(), length.id().equals(service.id())))
					.toList());
		model.addAttribute("insurance", InsuranceNotes.of(service.category()));
		model.addAttribute("plansPaying", InsuranceNotes.plansPaying(service, plans.accepted()));
		model.addAttribute("prerequisite",
				service.prerequisite() == null ? null
						: "Needs a prior " + ServiceKinds.categoryName(service.prerequisite()).toLowerCase()
								+ " visit: a physician decides with you whether it is right for you.");
		model.addAttribute("practitioners", offering);
		model.addAttribute("where", where(service));
		model.addAttribute("firstTimes",
				offering.isEmpty() ? List.of() : freeTimes.firstAtEachLocation(service, allClinics));
		model.addAttribute("meta", pages.meta(service.name(), service.description(), "/services/" + service.id())
			.withJsonLd(pages.jsonLd(jsonLd(service, offering))));
		return "services/service";
	}

	private static String where(CareService service) {
		if (service.inPerson() && service.virtual()) {
			return "In the clinic or by video";
		}
		return service.virtual() ? "By video only" : "In the clinic";
	}

	private Map<String, Object> jsonLd(CareService service, List<Practitioner> offering) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "Service");
		data.put("@id", pages.absolute("/services/" + service.id()));
		data.put("name", service.name());
		data.put("description", service.description());
		data.put("serviceType", ServiceKinds.categoryName(service.category()));
		data.put("url", pages.absolute("/services/" + service.id()));
		data.put("provider", Map.of("@type", "MedicalOrganization", "name", "Unknot", "url", pages.absolute("/")));
		data.put("offers", Map.of("@type", "Offer", "price", String.format("%.2f", service.priceCents() / 100.0),
				"priceCurrency", "USD", "url", pages.absolute("/book?service=" + service.id())));
		if (!offering.isEmpty()) {
			data.put("availableChannel",
					Map.of("@type", "ServiceChannel", "serviceUrl", pages.absolute("/book?service=" + service.id())));
		}
		return data;
	}

	/** A category of care with its kinds of service. */
	public record CategoryView(String name, String slug, String insurance, List<ServiceKinds.Kind> kinds) {
	}

	/** One length of a service. */
	public record LengthOption(String id, long minutes, String price, boolean current) {
	}

}
