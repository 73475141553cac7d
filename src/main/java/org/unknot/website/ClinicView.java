package org.unknot.website;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.unknot.catalog.Clinic;

/** A clinic as the website shows it. */
public record ClinicView(Clinic clinic) {

	public String id() {
		return clinic.id();
	}

	public String name() {
		return clinic.name();
	}

	public String street() {
		return clinic.address().street();
	}

	public String locality() {
		return clinic.address().city() + ", " + clinic.address().state() + " " + clinic.address().postalCode();
	}

	public String addressLine() {
		return street() + ", " + locality();
	}

	public String phone() {
		return clinic.phone();
	}

	/** A {@code tel:} link: digits and a leading plus only. */
	public String telHref() {
		String digits = clinic.phone().replaceAll("[^0-9+]", "");
		return "tel:" + (digits.startsWith("+") || digits.length() != 10 ? digits : "+1" + digits);
	}

	/**
	 * A plain link to a map search for the address: following it is the patient's choice,
	 * the page itself requests nothing from the map service.
	 */
	public String directionsUrl() {
		return "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(addressLine(), StandardCharsets.UTF_8);
	}

	public String path() {
		return "/clinics/" + clinic.id();
	}
}
