package org.unknot.website;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.unknot.catalog.ServiceId;
import org.unknot.system.web.Choice;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.ClinicClosure;
import org.unknot.catalog.Clinics;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.WorkingHours;
import org.unknot.catalog.LocationId;

@Controller
class ClinicPagesController {

	private final Clinics clinics;

	private final CareServices services;

	private final Practitioners allPractitioners;

	private final BookablePractitioners practitioners;

	private final Pages pages;

	ClinicPagesController(Clinics clinics, CareServices services, Practitioners allPractitioners,
			BookablePractitioners practitioners, Pages pages) {
		this.clinics = clinics;
		this.services = services;
		this.allPractitioners = allPractitioners;
		this.practitioners = practitioners;
		this.pages = pages;
	}

	@GetMapping("/clinics")
	String list(Model model) {
		LocalDate today = practitioners.today();
		List<WorkingHours> hours = allPractitioners.allWorkingHours();
		model.addAttribute("section", "clinics");
		model.addAttribute("clinics",
				clinics.all()
					.stream()
					.map(clinic -> new ClinicSummary(new ClinicView(clinic),
							OpeningHours.week(atClinic(hours, clinic.id()), today)))
					.toList());
		model.addAttribute("meta", pages.meta("Our clinics",
				"Addresses, phone numbers, opening hours and directions for every Unknot clinic.", "/clinics"));
		return "clinics/list";
	}

	@GetMapping("/clinics/{id}")
	String clinic(@PathVariable String id, Model model) {
		Clinic clinic = clinics.get("id", id);
		LocalDate today = practitioners.today();
		List<WorkingHours> hours = atClinic(allPractitioners.allWorkingHours(), id);
		Set<String> working = hours.stream()
			.filter(rule -> rule.effectiveTo() == null || !rule.effectiveTo().isBefore(today))
			.map(WorkingHours::practitionerId)
			.collect(Collectors.toSet());
		List<Practitioner> team = practitioners.listed().stream().filter(p -> working.contains(p.id())).toList();
		List<CareService> offered = services.all()
			.stream()
			.filter(CareService::inPerson)
			.filter(s -> s.roomKind() == null || !clinic.roomsOf(s.roomKind()).isEmpty())
			.filter(s -> team.stream().anyMatch(p -> p.offers(ServiceId.of(s.id()))))
			.toList();
		List<OpeningHours.Day> week = OpeningHours.week(hours, today);
		List<ClinicClosure> closures = clinics.closures(LocationId.of(clinic.id()), today, today.plusDays(60));
		ClinicView view = new ClinicView(clinic);
		model.addAttribute("section", "clinics");
		model.addAttribute("clinic", view);
		model.addAttribute("week", week);
		model.addAttribute("closures", closures);
		model.addAttribute("kinds", ServiceKinds.group(offered));
		model.addAttribute("team", team.stream().map(p -> new Choice(p.id(), p.displayName())).toList());
		model.addAttribute("meta",
				pages
					.meta(clinic.name(),
							clinic.name() + ", " + view.addressLine() + ". Phone " + clinic.phone()
									+ ". Opening hours, services, practitioners and directions.",
							view.path())
					.withJsonLd(pages.jsonLd(jsonLd(view, week, offered))));
		return "clinics/clinic";
	}

	private static List<WorkingHours> atClinic(List<WorkingHours> hours, String clinicId) {
		return hours.stream().filter(rule -> clinicId.equals(rule.clinicId())).toList();
	}

	private Map<String, Object> jsonLd(ClinicView view, List<OpeningHours.Day> week, List<CareService> offered) {
		Clinic clinic = view.clinic();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "MedicalClinic");
		data.put("@id", pages.absolute(view.path()));
		data.put("name", clinic.name());
		data.put("url", pages.absolute(view.path()));
		data.put("telephone", clinic.phone());
		data.put("address",
				Map.of("@type", "PostalAddress", "streetAddress", clinic.address().street(), "addressLocality",
						clinic.address().city(), "addressRegion", clinic.address().state(), "postalCode",
						clinic.address().postalCode(), "addressCountry", "US"));
		if (clinic.latitude() != null && clinic.longitude() != null) {
			data.put("geo",
					Map.of("@type", "GeoCoordinates", "latitude", clinic.latitude(), "longitude", clinic.longitude()));
		}
		data.put("openingHoursSpecification", week.stream()
			.filter(OpeningHours.Day::open)
			.map(day -> Map.of("@type", "OpeningHoursSpecification", "dayOfWeek", "https://schema.org/" + day.name(),
					"opens", day.opens().toString(), "closes", day.closes().toString()))
			.toList());
		data.put("availableService", offered.stream()
			.map(s -> Map.of("@type", "MedicalTherapy", "name", s.name(), "url", pages.absolute("/services/" + s.id())))
			.toList());
		data.put("parentOrganization",
				Map.of("@type", "MedicalOrganization", "name", "Unknot", "url", pages.absolute("/")));
		return data;
	}

	/** A clinic with its week of opening hours. */
	public record ClinicSummary(ClinicView clinic, List<OpeningHours.Day> week) {
	}

}
