package org.unknot.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.Room;

@RestController
@RequestMapping("/api/v1")
class CatalogController {

	private final CareServices services;

	private final Clinics clinics;

	private final CatalogProperties properties;

	CatalogController(CareServices services, Clinics clinics, CatalogProperties properties) {
		this.services = services;
		this.clinics = clinics;
		this.properties = properties;
	}

	@GetMapping("/services")
	List<ServiceView> services() {
		return services.all().stream().map(ServiceView::of).toList();
	}

	@GetMapping("/services/{id}")
	ServiceView service(@PathVariable String id) {
		return ServiceView.of(services.get(null, id));
	}

	@GetMapping("/locations")
	List<LocationView> locations() {
		List<LocationView> locations = new ArrayList<>();
		clinics.all().forEach(clinic -> locations.add(LocationView.of(clinic)));
		locations.add(new LocationView("virtual", "Video visit", "virtual", properties.virtualZone().getId(), null,
				null, null, null, List.of()));
		return locations;
	}

	@GetMapping("/locations/{id}")
	LocationView location(@PathVariable String id) {
		return LocationView.of(clinics.get(null, id));
	}

	record ServiceView(String id, String name, String category, String description, long durationMinutes,
			long bufferBeforeMinutes, long bufferAfterMinutes, String roomKind, List<String> modes, Price price,
			List<String> billingCodes, String prerequisite, long minimumNoticeMinutes, int maximumAdvanceDays,
			long slotStepMinutes) {

		static ServiceView of(CareService s) {
			List<String> modes = new ArrayList<>();
			if (s.inPerson()) {
				modes.add("in-person");
			}
			if (s.virtual()) {
				modes.add("virtual");
			}
			return new ServiceView(s.id(), s.name(), s.category().name(), s.description(), s.duration().toMinutes(),
					s.bufferBefore().toMinutes(), s.bufferAfter().toMinutes(),
					s.roomKind() == null ? null : s.roomKind().name(), modes,
					new Price(BigDecimal.valueOf(s.priceCents(), 2), "USD"), s.billingCodes(),
					s.prerequisite() == null ? null : s.prerequisite().name(), s.minimumNotice().toMinutes(),
					s.maximumAdvanceDays(), s.slotStep().toMinutes());
		}
	}

	record Price(BigDecimal amount, String currency) {
	}

	record LocationView(String id, String name, String kind, String timeZone, Clinic.Address address, String phone,
			BigDecimal latitude, BigDecimal longitude, List<RoomView> rooms) {

		static LocationView of(Clinic c) {
			return new LocationView(c.id(), c.name(), "clinic", c.zone().getId(), c.address(), c.phone(), c.latitude(),
					c.longitude(), c.rooms().stream().map(RoomView::of).toList());
		}
	}

	record RoomView(String id, String name, String kind) {

		static RoomView of(Room room) {
			return new RoomView(room.id(), room.name(), room.kind().name());
		}
	}

}
