package org.unknot.website;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.unknot.system.web.Choice;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.practitioner.Practitioner;
import org.unknot.system.NotFound;
import org.unknot.system.web.FieldMessages;

/**
 * The directory of practitioners, filtered by a plain GET form (htmx swaps only the
 * results when JavaScript is on), and each practitioner's profile.
 */
@Controller
class PractitionerPagesController {

	private static final int NEXT_TIMES = 6;

	private final BookablePractitioners practitioners;

	private final CareServices services;

	private final Clinics clinics;

	private final FreeTimes freeTimes;

	private final Pages pages;

	PractitionerPagesController(BookablePractitioners practitioners, CareServices services, Clinics clinics,
			FreeTimes freeTimes, Pages pages) {
		this.practitioners = practitioners;
		this.services = services;
		this.clinics = clinics;
		this.freeTimes = freeTimes;
		this.pages = pages;
	}

	@GetMapping("/practitioners")
	String directory(@RequestParam Optional<String> service, @RequestParam Optional<String> clinic,
			@RequestParam Optional<String> specialty, @RequestParam Optional<String> language, Model model) {
		List<CareService> allServices = services.all();
		Map<String, Clinic> clinicsById = byId(clinics.all());
		Map<String, Set<String>> locations = practitioners.locationsByPractitioner();
		List<PractitionerView> listed = practitioners.listed()
			.stream()
			.map(p -> view(p, locations.getOrDefault(p.id(), Set.of()), clinicsById, allServices))
			.toList();

		List<ServiceKinds.Kind> kinds = ServiceKinds.group(allServices);
		List<Choice> serviceOptions = kinds.stream().map(kind -> new Choice(kind.key(), kind.name())).toList();
		List<Choice> clinicOptions = new ArrayList<>(
				clinicsById.values().stream().map(c -> new Choice(c.id(), c.name())).toList());
		clinicOptions.add(new Choice(BookablePractitioners.VIDEO, "Video visits"));
		List<Choice> specialtyOptions = options(listed.stream().flatMap(p -> p.practitioner().specialties().stream()));
		List<Choice> languageOptions = options(listed.stream().flatMap(p -> p.practitioner().languages().stream()));

		FieldMessages errors = new FieldMessages();
		String chosenService = chosen("service", service, serviceOptions, "treatment", errors);
		String chosenClinic = chosen("clinic", clinic, clinicOptions, "clinic", errors);
		String chosenSpecialty = chosen("specialty", specialty, specialtyOptions, "specialty", errors);
		String chosenLanguage = chosen("language", language, languageOptions, "language", errors);

		List<PractitionerView> results = listed.stream()
			.filter(p -> chosenService == null || p.practitioner()
				.serviceIds()
				.stream()
				.anyMatch(id -> allServices.stream()
					.anyMatch(s -> s.id().equals(id) && ServiceKinds.keyOf(s).equals(chosenService))))
			.filter(p -> chosenClinic == null || locations.getOrDefault(p.id(), Set.of()).contains(chosenClinic))
			.filter(p -> chosenSpecialty == null || p.practitioner().specialties().contains(chosenSpecialty))
			.filter(p -> chosenLanguage == null || p.practitioner().languages().contains(chosenLanguage))
			.toList();

		model.addAttribute("section", "practitioners");
		model.addAttribute("serviceOptions", serviceOptions);
		model.addAttribute("clinicOptions", clinicOptions);
		model.addAttribute("specialtyOptions", specialtyOptions);
		model.addAttribute("languageOptions", languageOptions);
		model.addAttribute("service", chosenService);
		model.addAttribute("clinic", chosenClinic);
		model.addAttribute("specialty", chosenSpecialty);
		model.addAttribute("language", chosenLanguage);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("filtered",
				chosenService != null || chosenClinic != null || chosenSpecialty != null || chosenLanguage != null);
		model.addAttribute("results", results);
		model.addAttribute("meta", pages.meta("Find a practitioner",
				"Massage therapists, physical therapists, pain physicians and psychologists: filter by treatment, clinic, specialty and language.",
				"/practitioners"));
		return "practitioners/directory";
	}

	@GetMapping("/practitioners/{id}")
	String profile(@PathVariable String id, Model model) {
		Practitioner practitioner = practitioners.find(id).orElseThrow(() -> new NotFound("id", "practitioner", id));
		List<CareService> allServices = services.all();
		List<Clinic> allClinics = clinics.all();
		Set<String> locations = practitioners.locationsOf(id);
		PractitionerView view = view(practitioner, locations, byId(allClinics), allServices);
		List<CareService> offered = allServices.stream()
			.filter(s -> practitioner.serviceIds().contains(s.id()))
			.toList();
		CareService shown = typical(offered);
		List<FreeTime> times = List.of();
		if (view.bookable() && shown != null) {
			List<Clinic> where = allClinics.stream().filter(c -> locations.contains(c.id())).toList();
			times = freeTimes.nextOf(id, shown, where, view.video(), NEXT_TIMES);
		}
		model.addAttribute("section", "practitioners");
		model.addAttribute("p", view);
		model.addAttribute("kinds", ServiceKinds.group(offered));
		model.addAttribute("shownService", shown);
		model.addAttribute("times", times);
		model.addAttribute("meta",
				pages
					.meta(practitioner.displayName(),
							view.profession() + (view.where().isEmpty() ? "" : " at " + view.where()) + ". "
									+ firstSentence(practitioner.bio()),
							view.path())
					.withOgType("profile")
					.withJsonLd(pages.jsonLd(jsonLd(view))));
		return "practitioners/profile";
	}

	private PractitionerView view(Practitioner p, Set<String> locations, Map<String, Clinic> clinicsById,
			List<CareService> allServices) {
		List<ClinicView> at = locations.stream()
			.map(clinicsById::get)
			.filter(c -> c != null)
			.map(ClinicView::new)
			.toList();
		List<String> serviceNames = ServiceKinds
			.group(allServices.stream().filter(s -> p.serviceIds().contains(s.id())).toList())
			.stream()
			.map(ServiceKinds.Kind::name)
			.toList();
		return new PractitionerView(p, at, locations.contains(BookablePractitioners.VIDEO), serviceNames,
				practitioners.bookable(p), practitioners.today());
	}

	/**
	 * The service whose times a profile shows: the practitioner's most usual visit, about
	 * an hour long.
	 */
	private static CareService typical(List<CareService> offered) {
		return offered.stream()
			.min(Comparator.comparing((CareService s) -> s.category().ordinal())
				.thenComparing(s -> Math.abs(s.duration().toMinutes() - 60)))
			.orElse(null);
	}

	private static String chosen(String field, Optional<String> value, List<Choice> options, String what,
			FieldMessages errors) {
		if (value.isEmpty() || value.get().isBlank()) {
			return null;
		}
		if (options.stream().anyMatch(option -> option.value().equals(value.get()))) {
			return value.get();
		}
		errors.add(field, "“" + value.get() + "” is not a " + what + " we know; choose one from the list.");
		return null;
	}

	private static List<Choice> options(Stream<String> values) {
		return values.distinct().sorted().map(v -> new Choice(v, v)).toList();
	}

	private static Map<String, Clinic> byId(List<Clinic> clinics) {
		return clinics.stream()
			.collect(Collectors.toMap(Clinic::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		return end < 0 ? text : text.substring(0, end + 1);
	}

	private Map<String, Object> jsonLd(PractitionerView view) {
		Practitioner p = view.practitioner();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", view.physician() ? "Physician" : "Person");
		data.put("@id", pages.absolute(view.path()));
		data.put("name", view.name());
		data.put("url", pages.absolute(view.path()));
		if (!p.bio().isBlank()) {
			data.put("description", p.bio());
		}
		if (!view.physician()) {
			data.put("jobTitle", view.profession());
			data.put("givenName", p.givenName());
			data.put("familyName", p.familyName());
		}
		if (!p.languages().isEmpty()) {
			data.put("knowsLanguage", p.languages());
		}
		if (p.npi() != null && !p.npi().isBlank()) {
			data.put("identifier", Map.of("@type", "PropertyValue", "propertyID", "NPI", "value", p.npi()));
		}
		data.put("hasCredential",
				view.licences()
					.stream()
					.filter(l -> !l.expired())
					.map(l -> Map.of("@type", "EducationalOccupationalCredential", "credentialCategory", "license",
							"name", l.licence().type() + " licence " + l.licence().number(), "recognizedBy",
							Map.of("@type", "State", "name", l.licence().state()), "expires",
							l.licence().expiresOn().toString()))
					.toList());
		List<Map<String, Object>> clinicsLd = view.clinics()
			.stream()
			.map(c -> Map.<String, Object>of("@type", "MedicalClinic", "name", c.name(), "url",
					pages.absolute(c.path())))
			.toList();
		if (!clinicsLd.isEmpty()) {
			data.put(view.physician() ? "parentOrganization" : "worksFor", clinicsLd);
		}
		return data;
	}

}
