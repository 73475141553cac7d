package org.unknot.website;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.unknot.catalog.CatalogProperties;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.practitioner.WorkingHours;
import org.unknot.practitioner.PractitionerId;

/**
 * The practitioners the website offers: active, with at least one licence valid today.
 * Someone whose every licence has expired is not listed, and their profile says they
 * cannot be booked.
 */
@Component
class BookablePractitioners {

	/** Stands for video visits among clinic ids. */
	static final String VIDEO = "virtual";

	private final Practitioners practitioners;

	private final CatalogProperties catalog;

	private final Clock clock;

	BookablePractitioners(Practitioners practitioners, CatalogProperties catalog, Clock clock) {
		this.practitioners = practitioners;
		this.catalog = catalog;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(catalog.virtualZone()));
	}

	boolean bookable(Practitioner practitioner) {
		LocalDate today = today();
		return practitioner.active() && practitioner.licences().stream().anyMatch(licence -> licence.validOn(today));
	}

	/** Bookable practitioners, by family name. */
	List<Practitioner> listed() {
		return practitioners.all().stream().filter(this::bookable).toList();
	}

	Optional<Practitioner> find(String id) {
		return practitioners.find(PractitionerId.of(id));
	}

	/**
	 * Where each practitioner works from today on: clinic ids, and {@code null} for video
	 * visits.
	 */
	Map<String, Set<String>> locationsByPractitioner() {
		return locations(practitioners.allWorkingHours());
	}

	Set<String> locationsOf(String practitionerId) {
		return locations(practitioners.workingHoursOf(PractitionerId.of(practitionerId))).getOrDefault(practitionerId,
				Set.of());
	}

	private Map<String, Set<String>> locations(Collection<WorkingHours> hours) {
		LocalDate today = today();
		return hours.stream()
			.filter(rule -> rule.effectiveTo() == null || !rule.effectiveTo().isBefore(today))
			.collect(Collectors.groupingBy(WorkingHours::practitionerId,
					Collectors.mapping(rule -> rule.clinicId() == null ? VIDEO : rule.clinicId(),
							Collectors.toCollection(LinkedHashSet::new))));
	}

}
