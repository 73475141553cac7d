package org.unknot.waitlist.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.booking.Booked;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientInput;
import org.unknot.system.Text;
import org.unknot.waitlist.Waitlist;
import org.unknot.waitlist.WaitlistEntry;
import org.unknot.waitlist.WaitlistOffer;
import org.unknot.waitlist.WaitlistRequest;

/**
 * The waitlist as JSON. Patients join and leave with their entry's token and answer
 * offers with the offer's token; staff see everyone in line at
 * {@code /api/v1/staff/waitlist}, behind staff sign-in.
 */
@RestController
@RequestMapping("/api/v1")
class WaitlistController {

	static final String ENTRY_TOKEN = "X-Waitlist-Token";
	static final String OFFER_TOKEN = "X-Offer-Token";

	private final Waitlist waitlist;

	private final Clinics clinics;

	WaitlistController(Waitlist waitlist, Clinics clinics) {
		this.waitlist = waitlist;
		this.clinics = clinics;
	}

	@PostMapping("/waitlist")
	ResponseEntity<EntryView> join(@Valid @RequestBody JoinRequest request) {
		Waitlist.Joined joined = waitlist.join(request.toRequest());
		return ResponseEntity.created(URI.create("/api/v1/waitlist/" + joined.entry().id()))
			.body(EntryView.of(joined.entry(), joined.token()));
	}

	@DeleteMapping("/waitlist/{id}")
	ResponseEntity<Void> withdraw(@PathVariable UUID id, @RequestHeader(ENTRY_TOKEN) String token) {
		waitlist.withdraw(id, token);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/staff/waitlist")
	List<EntryView> staffList(@RequestParam(required = false) String service,
			@RequestParam(defaultValue = "true") boolean activeOnly) {
		return waitlist.entries(service, activeOnly).stream().map(entry -> EntryView.of(entry, null)).toList();
	}

	@GetMapping("/waitlist/offers/{id}")
	OfferView offer(@PathVariable UUID id, @RequestHeader(OFFER_TOKEN) String token) {
		WaitlistOffer offer = waitlist.offer(id, token);
		return OfferView.of(offer, clinics.zoneOf(LocationId.of(offer.location())));
	}

	@PostMapping("/waitlist/offers/{id}/accept")
	ResponseEntity<Accepted> accept(@PathVariable UUID id, @RequestHeader(OFFER_TOKEN) String token) {
		Booked booked = waitlist.accept(id, token);
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.appointment().id()))
			.body(new Accepted(booked.appointment().id(), booked.manageToken(), OffsetDateTime
				.ofInstant(booked.appointment().start(), clinics.zoneOf(booked.appointment().location()))));
	}

	@PostMapping("/waitlist/offers/{id}/decline")
	ResponseEntity<Void> decline(@PathVariable UUID id, @RequestHeader(OFFER_TOKEN) String token) {
		waitlist.decline(id, token);
		return ResponseEntity.noContent().build();
	}

	record JoinRequest(@NotBlank String service, String practitioner, String location, @NotNull LocalDate firstDay,
			@NotNull LocalDate lastDay, @NotNull LocalTime earliest, @NotNull LocalTime latest,
			@NotNull @Valid PatientInput patient) {

		WaitlistRequest toRequest() {
			return new WaitlistRequest(service, Text.blankToNull(practitioner),
					location == null || location.isBlank() ? null : LocationId.of(location), firstDay, lastDay,
					earliest, latest, patient.details());
		}

	}

	record EntryView(UUID id, long position, String status, String service, String practitioner, String location,
			LocalDate firstDay, LocalDate lastDay, LocalTime earliest, LocalTime latest, UUID patient, UUID appointment,
			Instant joinedAt, String token) {

		static EntryView of(WaitlistEntry e, String token) {
			return new EntryView(e.id(), e.position(), e.status(), e.serviceId(), e.practitionerId(), e.location(),
					e.firstDay(), e.lastDay(), e.earliest(), e.latest(), e.patientId(), e.appointmentId(),
					e.createdAt(), token);
		}
	}

	record OfferView(UUID id, String status, String service, String practitioner, String location, OffsetDateTime start,
			OffsetDateTime expiresAt) {

		static OfferView of(WaitlistOffer o, ZoneId zone) {
			return new OfferView(o.id(), o.status(), o.serviceId(), o.practitionerId(), o.location(),
					OffsetDateTime.ofInstant(o.start(), zone), OffsetDateTime.ofInstant(o.expiresAt(), zone));
		}
	}

	record Accepted(UUID appointment, String manageToken, OffsetDateTime start) {
	}

}
