package org.unknot.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.SlotCheck;
import org.unknot.availability.SlotVerdict;
import org.unknot.catalog.CareService;
import org.unknot.catalog.CareServices;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.system.InvalidRequest;
import org.unknot.system.SecretToken;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * Holds, books, moves and cancels visits. Java checks every rule first to give a precise
 * answer; PostgreSQL's exclusion constraints make the final decision, so two people can
 * never get the same practitioner, room or time however the requests interleave.
 */
@Service
public class BookingDesk {

	private final AvailabilitySearch availability;

	private final Appointments appointments;

	private final Patients patients;

	private final CareServices services;

	private final BookingProperties properties;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	private final ApplicationEventPublisher events;

	BookingDesk(AvailabilitySearch availability, Appointments appointments, Patients patients, CareServices services,
			BookingProperties properties, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.events = events;
		this.availability = availability;
		this.appointments = appointments;
		this.patients = patients;
		this.services = services;
		this.properties = properties;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Transactional
	public Appointment hold(SlotRequest request) {
		Instant now = clock.instant();
		SlotCheck slot = bookableSlot(request, null, "start");
		Appointment hold = Appointment.hold(slot, now.plus(properties.holdDuration()));
		placeInARoom(hold, slot, now, false);
		return hold;
	}

	/**
	 * Books a visit: from the caller's hold if it names one that is still live, otherwise
	 * directly (an expired hold whose time is still free is simply booked).
	 */
	@Transactional
	public Booked book(SlotRequest request, UUID holdId, PatientDetails patient) {
		Instant now = clock.instant();
		PatientId patientId = PatientId.of(patients.identify(patient));
		SecretToken token = SecretToken.generate(); // the manage token: only its hash is
													// kept
		if (holdId != null) {
			Appointment hold = appointments.lock(holdId).filter(Appointment::isHold).orElse(null);
			if (hold != null && !hold.expired(now)) {
				requireSameSlot(hold, request);
				requirePrerequisite(services.get("service", hold.serviceId().value()), patientId, hold.start());
				hold.confirmHold(patientId, token.hash(), now);
				write(() -> appointments.update(hold), hold.start(), false);
				events.publishEvent(AppointmentBooked.of(hold));
				return new Booked(hold, token.value());
			}
		}
		SlotCheck slot = bookableSlot(request, holdId, "start");
		requirePrerequisite(slot.service(), patientId, slot.start());
		Appointment appointment = Appointment.book(slot, patientId, null, token.hash());
		placeInARoom(appointment, slot, now, false);
		events.publishEvent(AppointmentBooked.of(appointment));
		return new Booked(appointment, token.value());
	}

	/** Books one occurrence of a series inside the caller's transaction. */
	Booked bookOccurrence(SlotCheck slot, PatientId patientId, UUID seriesId) {
		SecretToken token = SecretToken.generate(); // the manage token: only its hash is
													// kept
		Appointment appointment = Appointment.book(slot, patientId, seriesId, token.hash());
		placeInARoom(appointment, slot, clock.instant(), true);
		events.publishEvent(AppointmentBooked.of(appointment));
		return new Booked(appointment, token.value());
	}

	/**
	 * Gives up a hold its holder no longer wants (a patient who chose another time, a
	 * waitlist offer that ran out); a hold already gone, or booked, is left alone.
	 * {@link #releaseHold} says when there was none.
	 */
	@Transactional
	public void release(UUID holdId) {
		appointments.deleteHold(holdId);
	}

	/** Whether the hold still keeps its time for its holder. */
	@Transactional(readOnly = true)
	public boolean holds(UUID holdId) {
		Instant now = clock.instant();
		return appointments.find(holdId).filter(Appointment::isHold).filter(hold -> !hold.expired(now)).isPresent();
	}

	/**
	 * Whether cancelling the visit now would be a late cancellation (less than the window
	 * before it).
	 */
	public boolean lateToCancel(Appointment appointment) {
		return clock.instant().plus(properties.lateCancellation()).isAfter(appointment.start());
	}

	public Duration lateCancellationWindow() {
		return properties.lateCancellation();
	}

	@Transactional(readOnly = true)
	public Appointment find(UUID id, String manageToken) {
		return appointments.find(id)
			.filter(appointment -> SecretToken.matches(manageToken, appointment.manageTokenHash()))
			.orElseThrow(() -> new AppointmentNotFound(id));
	}

	/** A hold that is still live; an expired or released hold is not found. */
	@Transactional(readOnly = true)
	public Appointment findHold(UUID id) {
		return appointments.find(id)
			.filter(Appointment::isHold)
			.filter(hold -> !hold.expired(clock.instant()))
			.orElseThrow(() -> new HoldNotFound(id));
	}

	/**
	 * Gives a held time back at once, for a patient who changed their mind before
	 * booking.
	 */
	@Transactional
	public void releaseHold(UUID id) {
		if (!appointments.deleteHold(id)) {
			throw new HoldNotFound(id);
		}
	}

	@Transactional
	public Appointment cancel(UUID id, String manageToken, String reason) {
		return cancelLocked(locked(id, manageToken), reason, CancelledBy.PATIENT);
	}

	/**
	 * Cancels for the clinic (a caller on the phone, the practitioner ill). The workspace
	 * has checked that the staff member may act at this location; the same rules apply as
	 * for patients.
	 */
	@Transactional
	public Appointment cancelForClinic(UUID id, String reason) {
		return cancelLocked(lockedForClinic(id), reason == null || reason.isBlank() ? "clinic" : reason,
				CancelledBy.STAFF);
	}

	private Appointment cancelLocked(Appointment appointment, String reason, CancelledBy by) {
		boolean wasBooked = appointment.status() == AppointmentStatus.BOOKED;
		appointment.cancel(reason, clock.instant());
		appointments.update(appointment);
		requireNoStrandedDependents(appointment);
		if (wasBooked) {
			events.publishEvent(AppointmentCancelled.of(appointment, by));
		}
		return appointment;
	}

	/** Cancels a visit of the signed-in patient; another patient's visit is not found. */
	@Transactional
	public Appointment cancelForPatient(UUID id, PatientId patientId, String reason) {
		return cancelLocked(lockedForPatient(id, patientId), reason, CancelledBy.PATIENT);
	}

	/** Moves a visit of the signed-in patient under the same rules as every move. */
	@Transactional
	public Appointment rescheduleForPatient(UUID id, PatientId patientId, Instant start,
			PractitionerId practitionerId) {
		return rescheduleLocked(lockedForPatient(id, patientId), start, practitionerId);
	}

	/** The patient is in the waiting room. */
	@Transactional
	public Appointment arrive(UUID id) {
		return changed(id, appointment -> {
			requireTheVisitDay(appointment, "marked as arrived");
			appointment.arrive();
		});
	}

	/** The patient has been checked in (forms done, ready to be seen). */
	@Transactional
	public Appointment checkIn(UUID id) {
		return changed(id, appointment -> {
			requireTheVisitDay(appointment, "checked in");
			appointment.checkIn();
		});
	}

	private void requireTheVisitDay(Appointment appointment, String verb) {
		java.time.ZoneId zone = availability.zoneOf(appointment.location());
		java.time.LocalDate visitDay = java.time.LocalDate.ofInstant(appointment.start(), zone);
		java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zone);
		if (!visitDay.equals(today)) {
			throw new NotTheVisitDay(verb, visitDay, today);
		}
	}

	/** The visit took place. */
	@Transactional
	public Appointment fulfil(UUID id) {
		return changed(id, Appointment::fulfil);
	}

	/** The patient did not come; possible only once the visit should have started. */
	@Transactional
	public Appointment markNoShow(UUID id) {
		Instant now = clock.instant();
		Appointment missed = changed(id, appointment -> appointment.markNoShow(now));
		events.publishEvent(AppointmentMarkedNoShow.of(missed));
		return missed;
	}

	private Appointment changed(UUID id, java.util.function.Consumer<Appointment> verb) {
		Appointment appointment = lockedForClinic(id);
		verb.accept(appointment);
		appointments.update(appointment);
		return appointment;
	}

	/**
	 * Moves a visit. The new time is taken by the same row's update, so it is secured
	 * before the old time is given up, in one transaction; if the new time is not free
	 * nothing changes.
	 */
	@Transactional
	public Appointment reschedule(UUID id, String manageToken, Instant start, PractitionerId practitionerId) {
		return rescheduleLocked(locked(id, manageToken), start, practitionerId);
	}

	/**
	 * Moves a visit for the clinic, under the same rules and guarantees as a patient's
	 * own move.
	 */
	@Transactional
	public Appointment rescheduleForClinic(UUID id, Instant start, PractitionerId practitionerId) {
		return rescheduleLocked(lockedForClinic(id), start, practitionerId);
	}

	private Appointment rescheduleLocked(Appointment appointment, Instant start, PractitionerId practitionerId) {
		Instant now = clock.instant();
		UUID id = appointment.id();
		PractitionerId previousPractitioner = appointment.practitionerId();
		Instant previousStart = appointment.start();
		Instant previousEnd = appointment.end();
		PractitionerId practitioner = practitionerId == null ? appointment.practitionerId() : practitionerId;
		SlotCheck slot = bookableSlot(
				new SlotRequest(appointment.serviceId(), practitioner, appointment.location(), start), id, "start");
		appointment.moveTo(slot, now);
		requirePrerequisite(slot.service(), appointment.patientId(), slot.start());
		List<String> rooms = new ArrayList<>(slot.freeRooms());
		if (appointment.roomId() != null && rooms.remove(appointment.roomId())) {
			rooms.add(0, appointment.roomId());
		}
		clearExpiredHolds(slot, rooms, now);
		tryRooms(appointment, slot, rooms, () -> appointments.update(appointment), null, false);
		requireNoStrandedDependents(appointment);
		events
			.publishEvent(new AppointmentRescheduled(appointment.id(), appointment.patientId(), appointment.seriesId(),
					appointment.serviceId(), appointment.location(), previousPractitioner, previousStart, previousEnd,
					appointment.practitionerId(), appointment.start(), appointment.end(), appointment.sequence()));
		return appointment;
	}

	/**
	 * Expired holds are ignored by every check already; this only keeps the table small.
	 */
	@Scheduled(fixedDelayString = "${unknot.booking.hold-sweep-interval:PT1M}")
	@Transactional
	public void sweepExpiredHolds() {
		appointments.deleteExpiredHolds(clock.instant());
	}

	/**
	 * Checks the slot with every booking rule, answering 422 for a broken rule and 409
	 * for a taken time.
	 */
	SlotCheck bookableSlot(SlotRequest request, UUID excluding, String field) {
		SlotCheck slot = availability.check(request.serviceId(), request.location(), request.practitionerId(),
				request.start(), excluding);
		if (slot.free()) {
			return slot;
		}
		if (slot.verdict().taken()) {
			throw new SlotTaken(request.start(), slot.verdict(), explain(slot.verdict(), slot.zone()));
		}
		throw new SlotNotBookable(slot.verdict(), field, explain(slot.verdict(), slot.zone()));
	}

	static String explain(SlotVerdict verdict, ZoneId zone) {
		return switch (verdict) {
			case FREE -> "the time is free";
			case OFF_GRID ->
				"visits start on the service's time grid (e.g. every 15 minutes from the hour, " + zone + " time)";
			case IN_THE_PAST -> "that time has already passed";
			case TOO_SOON -> "that is sooner than the service's minimum notice";
			case TOO_FAR_AHEAD -> "that is further ahead than the service can be booked";
			case CLINIC_CLOSED -> "the clinic is closed that day";
			case NOT_LICENSED -> "the practitioner holds no licence for this service valid on that day";
			case OUTSIDE_WORKING_HOURS -> "the practitioner does not work at that location at that time";
			case TIME_OFF -> "the practitioner is away then";
			case PRACTITIONER_BUSY -> "the practitioner is busy then";
			case NO_ROOM_FREE -> "no suitable room is free then";
		};
	}

	private void placeInARoom(Appointment appointment, SlotCheck slot, Instant now, boolean survive) {
		clearExpiredHolds(slot, slot.freeRooms(), now);
		tryRooms(appointment, slot, slot.freeRooms(), () -> appointments.insert(appointment),
				survive ? null : () -> appointments.insertUnlessTaken(appointment), survive);
	}

	/**
	 * Expired holds block nothing, but their rows would make the database refuse the
	 * write; the check said whether any lies in the way (usually none: then this costs no
	 * statement).
	 */
	private void clearExpiredHolds(SlotCheck slot, List<String> rooms, Instant now) {
		if (slot.expiredHolds()) {
			appointments.clearExpiredHolds(slot.practitionerId().value(), rooms, slot.blockedFrom(), slot.blockedTo(),
					now);
		}
	}

	/**
	 * Writes the appointment in the first room that the database accepts. An attempt that
	 * may be followed by another (a further room, or more occurrences of a series:
	 * {@code survive}) runs in a savepoint, so a room taken a moment ago by someone else
	 * only moves us on to the next room. Where given, {@code writeUnlessTaken} tries a
	 * room that is not the last without a savepoint (two round trips fewer): if it writes
	 * nothing, whatever clashed, the next room is tried, and the last room's plain write
	 * says precisely what is taken.
	 */
	private void tryRooms(Appointment appointment, SlotCheck slot, List<String> rooms, Runnable write,
			BooleanSupplier writeUnlessTaken, boolean survive) {
		if (slot.service().roomKindAt(slot.location()) == null) {
			appointment.assignRoom(null);
			write(write, slot.start(), survive);
			return;
		}
		for (int i = 0; i < rooms.size(); i++) {
			appointment.assignRoom(rooms.get(i));
			boolean lastRoom = i == rooms.size() - 1;
			if (!lastRoom && writeUnlessTaken != null) {
				if (writeUnlessTaken.getAsBoolean()) {
					return;
				}
				continue;
			}
			try {
				attempt(write, survive || !lastRoom);
				return;
			}
			catch (Clash.Refused refused) {
				if (refused.clash() != Clash.ROOM) {
					throw answer(refused, slot.start());
				}
			}
		}
		throw new SlotTaken(slot.start(), SlotVerdict.NO_ROOM_FREE, explain(SlotVerdict.NO_ROOM_FREE, slot.zone()));
	}

	private void write(Runnable write, Instant start, boolean survive) {
		try {
			attempt(write, survive);
		}
		catch (Clash.Refused refused) {
			throw answer(refused, start);
		}
	}

	/**
	 * Without a savepoint a refused write fails the whole transaction, which then rolls
	 * back.
	 */
	private void attempt(Runnable write, boolean inSavepoint) {
		if (inSavepoint) {
			savepoint.executeWithoutResult(status -> write.run());
		}
		else {
			write.run();
		}
	}

	private RuntimeException answer(Clash.Refused refused, Instant start) {
		return switch (refused.clash()) {
			case PATIENT -> new PatientAlreadyBooked();
			case PRACTITIONER -> new SlotTaken(start, SlotVerdict.PRACTITIONER_BUSY, "the practitioner is busy then");
			case ROOM -> new SlotTaken(start, SlotVerdict.NO_ROOM_FREE, "no suitable room is free then");
		};
	}

	void requirePrerequisite(CareService service, PatientId patientId, Instant start) {
		if (service.prerequisite() == null) {
			return;
		}
		List<CareService> qualifying = services.all()
			.stream()
			.filter(candidate -> candidate.category() == service.prerequisite())
			.toList();
		if (!appointments.hadVisit(patientId, qualifying.stream().map(CareService::id).toList(), start)) {
			throw new PrerequisiteMissing(service.name(), service.prerequisite(),
					qualifying.stream().map(CareService::id).toList());
		}
	}

	/**
	 * A consultation cannot be cancelled, or moved after a procedure, while a booked
	 * procedure of the same patient relies on it: the change has been written in this
	 * transaction already, so the question is simply whether every later procedure still
	 * has its consultation before it; if not, the change is refused and rolled back.
	 */
	private void requireNoStrandedDependents(Appointment changed) {
		CareService service = services.get("service", changed.serviceId().value());
		List<CareService> dependentServices = services.all()
			.stream()
			.filter(candidate -> candidate.prerequisite() == service.category())
			.toList();
		if (dependentServices.isEmpty() || changed.patientId() == null) {
			return;
		}
		List<String> qualifying = services.all()
			.stream()
			.filter(candidate -> candidate.category() == service.category())
			.map(CareService::id)
			.toList();
		for (Appointment dependent : appointments.upcomingOfPatient(changed.patientId(),
				dependentServices.stream().map(CareService::id).toList(), clock.instant())) {
			if (!appointments.hadVisit(changed.patientId(), qualifying, dependent.start())) {
				throw new PrerequisiteInUse(service.name(),
						services.get("service", dependent.serviceId().value()).name(), dependent.id(),
						OffsetDateTime.ofInstant(dependent.start(), availability.zoneOf(dependent.location())));
			}
		}
	}

	private void requireSameSlot(Appointment hold, SlotRequest request) {
		boolean same = hold.serviceId().equals(request.serviceId())
				&& hold.practitionerId().equals(request.practitionerId()) && hold.location().equals(request.location())
				&& hold.start().equals(request.start());
		if (!same) {
			throw new InvalidRequest("hold",
					"The hold is for another service, practitioner, location or time than the booking.");
		}
	}

	private Appointment lockedForPatient(UUID id, PatientId patientId) {
		return appointments.lock(id)
			.filter(appointment -> patientId != null && patientId.equals(appointment.patientId()))
			.orElseThrow(() -> new AppointmentNotFound(id));
	}

	private Appointment lockedForClinic(UUID id) {
		return appointments.lock(id)
			.filter(appointment -> !appointment.isHold())
			.orElseThrow(() -> new AppointmentNotFound(id));
	}

	private Appointment locked(UUID id, String manageToken) {
		return appointments.lock(id)
			.filter(appointment -> SecretToken.matches(manageToken, appointment.manageTokenHash()))
			.orElseThrow(() -> new AppointmentNotFound(id));
	}

}
