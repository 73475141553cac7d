package org.unknot.visit.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.payment.StatedAgreements;
import org.unknot.account.SignedIn;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientInput;
import org.unknot.visit.Repeat;
import org.unknot.visit.VisitBooking;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

@RestController
@RequestMapping("/api/v1/series")
class SeriesController {

	private final VisitBooking visits;

	private final AvailabilitySearch availability;

	private final StatedAgreements agreements;

	SeriesController(VisitBooking visits, AvailabilitySearch availability, StatedAgreements agreements) {
		this.agreements = agreements;
		this.visits = visits;
		this.availability = availability;
	}

	@PostMapping
	ResponseEntity<SeriesView> book(@Valid @RequestBody BookSeries request, @AuthenticationPrincipal SignedIn me) {
		LocationId location = LocationId.of(request.location());
		ServiceId service = ServiceId.of(request.service());
		SeriesOutcome outcome = agreements.book(service, request.policyAgreed(), request.policyVersion(),
				() -> visits.bookSeries(
						new SlotRequest(service, PractitionerId.of(request.practitioner()), location,
								request.firstStart().toInstant()),
						null,
						new Repeat("P2W".equals(request.every()) ? 2 : 1, request.count(),
								Boolean.TRUE.equals(request.allOrNothing())),
						AppointmentController.answers(request.patient(), request.payer(), request.intake(),
								request.staffOverride()),
						AppointmentController.bookedBy(me)),
				SeriesOutcome::booked, patient -> AppointmentController.agreedBy(me, patient));
		ZoneId zone = availability.zoneOf(location);
		SeriesView view = new SeriesView(outcome.seriesId(), request.every(), request.count(),
				outcome.booked()
					.stream()
					.map(booked -> AppointmentView.of(booked.appointment(), zone, booked.manageToken()))
					.toList(),
				outcome.conflicts());
		return ResponseEntity.created(URI.create("/api/v1/series/" + outcome.seriesId())).body(view);
	}

	record BookSeries(@NotBlank String service, @NotBlank String practitioner, @NotBlank String location,
			@NotNull OffsetDateTime firstStart,
			@NotNull @Pattern(regexp = "P1W|P2W",
					message = "must be P1W (weekly) or P2W (every two weeks)") String every,
			@NotNull @Min(1) @Max(52) Integer count, Boolean allOrNothing, @NotNull @Valid PatientInput patient,
			@Valid PayerInput payer, @Valid IntakeInput intake, Boolean staffOverride, Boolean policyAgreed,
			@Size(max = 64) String policyVersion) {
	}

	record SeriesView(UUID id, String every, int count, List<AppointmentView> booked,
			List<SeriesOutcome.Conflict> conflicts) {
	}

}
