package org.unknot.practitioner.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.practitioner.Licence;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.WorkingHours;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.ServiceId;

@RestController
@RequestMapping("/api/v1/practitioners")
class PractitionerController {

	private final Practitioners practitioners;

	private final CareServices services;

	private final Clinics clinics;

	PractitionerController(Practitioners practitioners, CareServices services, Clinics clinics) {
		this.practitioners = practitioners;
		this.services = services;
		this.clinics = clinics;
	}

	/**
	 * Practitioners, optionally only those offering a service and working at a location.
	 */
	@GetMapping
	List<PractitionerView> practitioners(@RequestParam(required = false) String service,
			@RequestParam(required = false) String location) {
		List<Practitioner> found;
		if (service != null) {
			services.get("service", service);
			found = practitioners.offering(ServiceId.of(service));
		}
		else {
			found = practitioners.all().stream().filter(Practitioner::active).toList();
		}
		if (location != null) {
			LocationId where = LocationId.of(location);
			if (!where.isVirtual()) {
				clinics.get("location", location);
			}
			Set<String> working = practitioners
				.workingHours(found.stream().map(p -> PractitionerId.of(p.id())).toList(), where)
				.stream()
				.map(WorkingHours::practitionerId)
				.collect(Collectors.toSet());
			found = found.stream().filter(p -> working.contains(p.id())).toList();
		}
		return found.stream().map(p -> PractitionerView.of(p, locationsOf(p.id()))).toList();
	}

	@GetMapping("/{id}")
	PractitionerView practitioner(@PathVariable String id) {
		return PractitionerView.of(practitioners.get(null, PractitionerId.of(id)), locationsOf(id));
	}

	private List<String> locationsOf(String practitionerId) {
		return practitioners.workingHoursOf(PractitionerId.of(practitionerId))
			.stream()
			.map(h -> h.clinicId() == null ? "virtual" : h.clinicId())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	record PractitionerView(String id, String name, String givenName, String familyName, String profession,
			String credentials, String npi, String bio, List<String> specialties, List<String> languages,
			List<LicenceView> licences, List<String> services, List<String> locations) {

		static PractitionerView of(Practitioner p, List<String> locations) {
			return new PractitionerView(p.id(), p.displayName(), p.givenName(), p.familyName(), p.profession().name(),
					p.credentials(), p.npi(), p.bio(), p.specialties(), p.languages(),
					p.licences().stream().map(LicenceView::of).toList(), p.serviceIds().stream().sorted().toList(),
					locations);
		}
	}

	record LicenceView(String type, String number, String state, LocalDate expiresOn) {

		static LicenceView of(Licence l) {
			return new LicenceView(l.type(), l.number(), l.state(), l.expiresOn());
		}
	}

}
