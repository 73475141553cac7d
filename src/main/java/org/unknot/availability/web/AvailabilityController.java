package org.unknot.availability.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.availability.Availability;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.catalog.LocationId;
import org.unknot.system.Text;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.system.NotFound;

@RestController
@RequestMapping("/api/v1/availability")
class AvailabilityController {

	private final AvailabilitySearch search;

	AvailabilityController(AvailabilitySearch search) {
		this.search = search;
	}

	/**
	 * Every free start time; dates are local to the location, both inclusive, at most 31
	 * days.
	 */
	@GetMapping
	AvailabilityView availability(@RequestParam String service, @RequestParam String location,
			@RequestParam(required = false) String practitioner,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocationId where = LocationId.of(location);
		Availability found = search.search(new AvailabilityQuery(serviceId(service), where,
				PractitionerId.ofNullable(Text.blankToNull(practitioner)), from, to));
		return new AvailabilityView(found.serviceId().value(), found.location(), found.zone().getId(), found.from(),
				found.to(),
				found.slots()
					.stream()
					.map(slot -> new SlotView(slot.start(), slot.end(), slot.practitionerId().value(),
							slot.location().value()))
					.toList(),
				found.prerequisites());
	}

	/** A blank service names none: answered as the unknown service it is. */
	private static ServiceId serviceId(String service) {
		if (service.isBlank()) {
			throw new NotFound("service", "service", service);
		}
		return ServiceId.of(service);
	}

	record AvailabilityView(String service, String location, String timeZone, LocalDate from, LocalDate to,
			List<SlotView> slots, List<Availability.Prerequisite> prerequisites) {
	}

	record SlotView(OffsetDateTime start, OffsetDateTime end, String practitioner, String location) {
	}

}
