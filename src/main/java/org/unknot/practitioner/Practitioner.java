package org.unknot.practitioner;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.unknot.catalog.ServiceId;

/**
 * A person who gives care, with the licences that allow it and the services they offer.
 *
 * @param taxonomyCode the NUCC provider taxonomy code a claim names, or null
 */
public record Practitioner(String id, String givenName, String familyName, Profession profession, String credentials,
		String npi, String taxonomyCode, String bio, List<String> specialties, List<String> languages,
		List<Licence> licences, Set<String> serviceIds, boolean active) {

	public Practitioner {
		specialties = List.copyOf(specialties);
		languages = List.copyOf(languages);
		licences = List.copyOf(licences);
		serviceIds = Set.copyOf(serviceIds);
	}

	public String displayName() {
		return givenName + " " + familyName + (credentials.isBlank() ? "" : ", " + credentials);
	}

	/** "Ana Ribeiro, licensed massage therapist": what their photo shows, in words. */
	public String nameAndRole() {
		String title = profession.title();
		return givenName + " " + familyName + ", " + title.substring(0, 1).toLowerCase(Locale.ROOT)
				+ title.substring(1);
	}

	public boolean offers(ServiceId serviceId) {
		return active && serviceIds.contains(serviceId.value());
	}

	/** The licences that allow giving a service of one of these types in this state. */
	public List<Licence> licencesFor(Collection<String> types, String state) {
		return licences.stream()
			.filter(licence -> types.contains(licence.type()) && licence.state().equals(state))
			.toList();
	}

	public boolean licensedOn(LocalDate day, Collection<String> types, String state) {
		return licencesFor(types, state).stream().anyMatch(licence -> licence.validOn(day));
	}
}
