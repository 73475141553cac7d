package org.unknot.website.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceCategory;
import org.unknot.practitioner.Practitioner;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.Money;
import org.unknot.practitioner.PractitionerId;
import org.unknot.catalog.ServiceId;

/**
 * What a patient can choose at each step, read from the catalog and the practitioners'
 * calendars.
 */
@Component
class FlowCatalog {

	static final Set<ServiceCategory> SERIES_CATEGORIES = Set.of(ServiceCategory.MASSAGE,
			ServiceCategory.PHYSICAL_THERAPY);

	private final CareServices services;

	private final Clinics clinics;

	private final Practitioners practitioners;

	private final CatalogProperties catalog;

	private final Clock clock;

	FlowCatalog(CareServices services, Clinics clinics, Practitioners practitioners, CatalogProperties catalog,
			Clock clock) {
		this.services = services;
		this.clinics = clinics;
		this.practitioners = practitioners;
		this.catalog = catalog;
		this.clock = clock;
	}

	Optional<CareService> service(String id) {
		return id == null ? Optional.empty() : services.find(id);
	}

	/** Every bookable service by category, in the catalog's order. */
	Map<String, List<Choice>> servicesByCategory() {
		Map<String, List<Choice>> groups = new LinkedHashMap<>();
		for (CareService service : services.all()) {
			groups.computeIfAbsent(categoryLabel(service.category()), k -> new ArrayList<>())
				.add(new Choice(service.id(), service.name(),
						service.duration().toMinutes() + " minutes · " + Money.usd(service.priceCents()).inWords()
								+ " self-pay" + (service.prerequisite() != null ? " · after a consultation" : "")));
		}
		return groups;
	}

	/**
	 * Clinics where someone offering the service works, then video if it is offered that
	 * way.
	 */
	List<Choice> locations(CareService service) {
		List<Practitioner> offering = practitioners.offering(ServiceId.of(service.id()));
		List<PractitionerId> ids = offering.stream().map(p -> PractitionerId.of(p.id())).toList();
		List<Choice> choices = new ArrayList<>();
		if (service.inPerson()) {
			for (Clinic clinic : clinics.all()) {
				if (!practitioners.workingHours(ids, LocationId.of(clinic.id())).isEmpty()) {
					choices.add(new Choice(clinic.id(), clinic.name(), clinic.address().street() + ", "
							+ clinic.address().city() + ", " + clinic.address().state()));
				}
			}
		}
		if (service.virtual() && !practitioners.workingHours(ids, LocationId.VIRTUAL).isEmpty()) {
			choices.add(new Choice(LocationId.VIRTUAL.value(), "Video visit",
					"From home, on your phone or computer; we send the link before the visit."));
		}
		return choices;
	}

	/** Active practitioners with a current licence and hours at the location. */
	List<Practitioner> practitioners(CareService service, LocationId location) {
		String state = location.isVirtual() ? catalog.virtualState()
				: clinics.find(location.value()).map(clinic -> clinic.address().state()).orElse(null);
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone(location));
		return practitioners.offering(ServiceId.of(service.id()))
			.stream()
			.filter(p -> p.licensedOn(today, service.licenceTypes(), state))
			.filter(p -> !practitioners.workingHours(List.of(PractitionerId.of(p.id())), location).isEmpty())
			.sorted(Comparator.comparing(Practitioner::familyName).thenComparing(Practitioner::givenName))
			.toList();
	}

	Optional<Practitioner> practitioner(String id) {
		return id == null || id.isBlank() ? Optional.empty() : practitioners.find(PractitionerId.of(id));
	}

	Optional<Clinic> clinic(LocationId location) {
		return location.isVirtual() ? Optional.empty() : clinics.find(location.value());
	}

	String locationLabel(LocationId location) {
		return location.isVirtual() ? "Video visit"
				: clinics.find(location.value()).map(Clinic::name).orElse(location.value());
	}

	ZoneId zone(LocationId location) {
		return clinics.zoneOf(location);
	}

	/**
	 * The physician consultation red flags lead to: one offered where the patient meant
	 * to go, if any is, otherwise the first of the catalog.
	 */
	Optional<CareService> consultationFor(String location) {
		List<CareService> consultations = services.all()
			.stream()
			.filter(s -> s.category() == ServiceCategory.CONSULTATION)
			.toList();
		return consultations.stream()
			.filter(s -> location != null && locations(s).stream().anyMatch(choice -> choice.value().equals(location)))
			.findFirst()
			.or(() -> consultations.stream().findFirst());
	}

	/**
	 * "Swedish massage, 60 minutes", without saying the length twice when the name has
	 * it.
	 */
	static String titled(CareService service) {
		String length = service.duration().toMinutes() + " minutes";
		return service.name().contains(length) ? service.name() : service.name() + ", " + length;
	}

	static String categoryLabel(ServiceCategory category) {
		return switch (category) {
			case MASSAGE -> "Massage therapy";
			case CONSULTATION -> "Pain physician consultation";
			case PROCEDURE -> "Pain procedures";
			case PHYSICAL_THERAPY -> "Physical therapy";
			case COUNSELLING -> "Counselling";
		};
	}

}
