package org.unknot.website;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.unknot.practitioner.Licence;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Profession;

/**
 * A practitioner as the website shows them, with where they work and whether they can be
 * booked.
 */
public record PractitionerView(Practitioner practitioner, List<ClinicView> clinics, boolean video,
		List<String> serviceNames, boolean bookable, LocalDate today) {

	public String id() {
		return practitioner.id();
	}

	public String name() {
		return practitioner.displayName();
	}

	public String profession() {
		return professionName(practitioner.profession());
	}

	public boolean physician() {
		return practitioner.profession() == Profession.MD || practitioner.profession() == Profession.DO;
	}

	public String path() {
		return "/practitioners/" + practitioner.id();
	}

	public String where() {
		List<String> names = new ArrayList<>(clinics.stream().map(ClinicView::name).toList());
		if (video) {
			names.add("video visits");
		}
		return String.join(", ", names);
	}

	public List<LicenceView> licences() {
		return practitioner.licences()
			.stream()
			.map(licence -> new LicenceView(licence, licence.expiresOn().isBefore(today)))
			.toList();
	}

	public static String professionName(Profession profession) {
		return profession.title();
	}

	/** A licence, and whether it has expired. */
	public record LicenceView(Licence licence, boolean expired) {
	}
}
