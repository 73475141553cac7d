package org.unknot.visit.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unknot.payment.Actor;
import org.unknot.payment.StatedAgreements;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Appointment;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.ClientHolds;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientId;
import org.unknot.patient.PatientInput;
import org.unknot.system.Text;
import org.unknot.visit.Advice;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.visit.MovedVisit;
import org.unknot.visit.VisitMoves;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

@RestController
@RequestMapping("/api/v1")
class AppointmentController {

	static final String MANAGE_TOKEN = "X-Manage-Token";

	private final BookingDesk desk;

	private final ClientHolds holds;

	private final VisitBooking visits;

	private final AvailabilitySearch availability;

	private final VisitMoves moves;

	private final StatedAgreements agreements;

	AppointmentController(BookingDesk desk, ClientHolds holds, VisitBooking visits, AvailabilitySearch availability,
			VisitMoves moves, StatedAgreements agreements) {
		this.agreements = agreements;
		this.desk = desk;
		this.holds = holds;
		this.visits = visits;
		this.availability = availability;
		this.moves = moves;
	}

	@PostMapping("/holds")
	ResponseEntity<AppointmentView> hold(@Valid @RequestBody HoldRequest request, HttpServletRequest client) {
		// the client's address as the trusted proxies report it (ForwardedClientFilter)
		Appointment hold = holds.hold(request.slot(), client.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id())).body(view(hold, null));
	}

	@GetMapping("/holds/{id}")
	AppointmentView heldSlot(@PathVariable UUID id) {
		return view(desk.findHold(id), null);
	}

	/**
	 * Gives the held time back before it expires, e.g. when the patient goes back a step.
	 */
	@DeleteMapping("/holds/{id}")
	ResponseEntity<Void> release(@PathVariable UUID id) {
		desk.releaseHold(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/appointments")
	ResponseEntity<AppointmentView> book(@Valid @RequestBody BookRequest request,
			@AuthenticationPrincipal SignedIn me) {
		SlotRequest slot = request.slot();
		Booked booked = agreements.book(slot.serviceId(), request.policyAgreed(), request.policyVersion(),
				() -> visits.book(slot, request.hold(),
						answers(request.patient(), request.payer(), request.intake(), request.staffOverride()),
						bookedBy(me)),
				List::of, patient -> agreedBy(me, patient));
		return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.appointment().id()))
			.body(view(booked.appointment(), booked.manageToken()));
	}

	@GetMapping("/appointments/{id}")
	AppointmentView appointment(@PathVariable UUID id, @RequestHeader(MANAGE_TOKEN) String token) {
		return view(desk.find(id, token), null);
	}

	@PostMapping("/appointments/{id}/cancel")
	AppointmentView cancel(@PathVariable UUID id, @RequestHeader(MANAGE_TOKEN) String token,
			@Valid @RequestBody(required = false) CancelRequest request) {
		return view(desk.cancel(id, token, request == null ? null : request.reason()), null);
	}

	@PostMapping("/appointments/{id}/reschedule")
	AppointmentView reschedule(@PathVariable UUID id, @RequestHeader(MANAGE_TOKEN) String token,
			@Valid @RequestBody RescheduleRequest request) {
		MovedVisit moved = moves.withToken(id, token, request.start().toInstant(),
				PractitionerId.ofNullable(Text.blankToNull(request.practitioner())),
				Boolean.TRUE.equals(request.selfPay()));
		return AppointmentView.of(moved.visit(), availability.zoneOf(moved.visit().location()), null,
				moved.paymentNote().orElse(null));
	}

	/**
	 * What an API request gives besides the time; an override is asked for only when
	 * sent, and honoured only for staff.
	 */
	static VisitAnswers answers(PatientInput patient, PayerInput payer, IntakeInput intake, Boolean staffOverride) {
		return new VisitAnswers(patient.details(), PayerInput.of(payer), IntakeInput.of(intake),
				Boolean.TRUE.equals(staffOverride) ? Advice.STAFF_OVERRIDE : Advice.NOT_GIVEN);
	}

	/**
	 * Who stated the patient's agreement to the payment policy: the staff member signed
	 * in, or the patient through the client.
	 */
	static Actor agreedBy(SignedIn me, PatientId patient) {
		return me != null && me.role() != Role.PATIENT ? Actor.staff(me.accountId(), me.role().name())
				: Actor.patient(patient);
	}

	/** A signed-in staff session books as staff; anyone else as the patient. */
	static BookedBy bookedBy(SignedIn me) {
		return me != null && me.role() != Role.PATIENT ? BookedBy.staff(me.accountId(), me.role().name())
				: BookedBy.PATIENT;
	}

	private AppointmentView view(Appointment appointment, String manageToken) {
		return AppointmentView.of(appointment, availability.zoneOf(appointment.location()), manageToken);
	}

	record HoldRequest(@NotBlank String service, @NotBlank String practitioner, @NotBlank String location,
			@NotNull OffsetDateTime start) {

		SlotRequest slot() {
			return new SlotRequest(ServiceId.of(service), PractitionerId.of(practitioner), LocationId.of(location),
					start.toInstant());
		}
	}

	record BookRequest(@NotBlank String service, @NotBlank String practitioner, @NotBlank String location,
			@NotNull OffsetDateTime start, UUID hold, @NotNull @Valid PatientInput patient, @Valid PayerInput payer,
			@Valid IntakeInput intake, Boolean staffOverride, Boolean policyAgreed,
			@Size(max = 64) String policyVersion) {

		SlotRequest slot() {
			return new SlotRequest(ServiceId.of(service), PractitionerId.of(practitioner), LocationId.of(location),
					start.toInstant());
		}
	}

	record CancelRequest(@Size(max = 500) String reason) {
	}

	/**
	 * {@code selfPay}: if the package or authorization that pays for the visit does not
	 * cover the new time, the patient pays for it instead of the move being refused.
	 */
	record RescheduleRequest(@NotNull OffsetDateTime start, String practitioner, Boolean selfPay) {
	}

}
