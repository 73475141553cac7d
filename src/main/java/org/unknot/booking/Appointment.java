package org.unknot.booking;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.unknot.availability.SlotCheck;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientId;
import org.unknot.practitioner.PractitionerId;

/**
 * A visit, or a hold on one. Its state changes only through the verbs below, each of
 * which refuses what FHIR's appointment life cycle does not allow.
 */
public class Appointment {

	private final UUID id;

	private AppointmentStatus status;

	private final ServiceId serviceId;

	private PractitionerId practitionerId;

	private final LocationId location;

	private String roomId;

	private final String roomKind;

	private PatientId patientId;

	private final UUID seriesId;

	private Instant start;

	private Instant end;

	private Instant blockedFrom;

	private Instant blockedTo;

	private Instant holdExpiresAt;

	private byte[] manageTokenHash;

	private String cancellationReason;

	private int sequence;

	Appointment(UUID id, AppointmentStatus status, ServiceId serviceId, PractitionerId practitionerId,
			LocationId location, String roomId, String roomKind, PatientId patientId, UUID seriesId, Instant start,
			Instant end, Instant blockedFrom, Instant blockedTo, Instant holdExpiresAt, byte[] manageTokenHash,
			String cancellationReason, int sequence) {
		this.id = id;
		this.status = status;
		this.serviceId = serviceId;
		this.practitionerId = practitionerId;
		this.location = location;
		this.roomId = roomId;
		this.roomKind = roomKind;
		this.patientId = patientId;
		this.seriesId = seriesId;
		this.start = start;
		this.end = end;
		this.blockedFrom = blockedFrom;
		this.blockedTo = blockedTo;
		this.holdExpiresAt = holdExpiresAt;
		this.manageTokenHash = manageTokenHash;
		this.cancellationReason = cancellationReason;
		this.sequence = sequence;
	}

	/**
	 * A short reservation of a free slot, which only its holder can turn into a booking.
	 */
	static Appointment hold(SlotCheck slot, Instant expiresAt) {
		return new Appointment(UUID.randomUUID(), AppointmentStatus.PENDING, ServiceId.of(slot.service().id()),
				slot.practitionerId(), slot.location(), null, roomKindOf(slot), null, null, slot.start(), slot.end(),
				slot.blockedFrom(), slot.blockedTo(), expiresAt, null, null, 0);
	}

	static Appointment book(SlotCheck slot, PatientId patientId, UUID seriesId, byte[] manageTokenHash) {
		return new Appointment(UUID.randomUUID(), AppointmentStatus.BOOKED, ServiceId.of(slot.service().id()),
				slot.practitionerId(), slot.location(), null, roomKindOf(slot), patientId, seriesId, slot.start(),
				slot.end(), slot.blockedFrom(), slot.blockedTo(), null, manageTokenHash, null, 0);
	}

	/** Turns this hold into a booking for the patient. */
	void confirmHold(PatientId patient, byte[] tokenHash, Instant now) {
		require(status == AppointmentStatus.PENDING, "book", "it is not a hold");
		if (expired(now)) {
			throw new HoldExpired(id);
		}
		status = AppointmentStatus.BOOKED;
		patientId = patient;
		manageTokenHash = tokenHash;
		holdExpiresAt = null;
	}

	void cancel(String reason, Instant now) {
		require(status == AppointmentStatus.BOOKED || status == AppointmentStatus.PENDING, "cancel",
				"it is " + status.code());
		require(now.isBefore(start), "cancel", "it has already started");
		if (status == AppointmentStatus.BOOKED) {
			// a change of STATUS is significant (RFC 5546): the METHOD:CANCEL must
			// outrank the invitation the patient's calendar holds
			sequence++;
		}
		status = AppointmentStatus.CANCELLED;
		cancellationReason = reason == null || reason.isBlank() ? "patient" : reason.strip();
		holdExpiresAt = null;
	}

	/**
	 * Moves a booked visit to a new time (and maybe practitioner); the invitation's
	 * sequence goes up.
	 */
	void moveTo(SlotCheck slot, Instant now) {
		require(status == AppointmentStatus.BOOKED, "reschedule", "it is " + status.code());
		require(now.isBefore(start), "reschedule", "it has already started");
		practitionerId = slot.practitionerId();
		start = slot.start();
		end = slot.end();
		blockedFrom = slot.blockedFrom();
		blockedTo = slot.blockedTo();
		sequence++;
	}

	void arrive() {
		require(status == AppointmentStatus.BOOKED, "mark as arrived", "it is " + status.code());
		status = AppointmentStatus.ARRIVED;
	}

	void checkIn() {
		require(status == AppointmentStatus.BOOKED || status == AppointmentStatus.ARRIVED, "check in",
				"it is " + status.code());
		status = AppointmentStatus.CHECKED_IN;
	}

	void fulfil() {
		require(status == AppointmentStatus.ARRIVED || status == AppointmentStatus.CHECKED_IN, "mark as fulfilled",
				"it is " + status.code());
		status = AppointmentStatus.FULFILLED;
	}

	void markNoShow(Instant now) {
		require(status == AppointmentStatus.BOOKED, "mark as no-show", "it is " + status.code());
		require(!now.isBefore(start), "mark as no-show", "it has not started yet");
		status = AppointmentStatus.NOSHOW;
	}

	void assignRoom(String room) {
		this.roomId = room;
	}

	boolean expired(Instant now) {
		return status == AppointmentStatus.PENDING && !now.isBefore(holdExpiresAt);
	}

	boolean isHold() {
		return status == AppointmentStatus.PENDING;
	}

	private void require(boolean allowed, String verb, String because) {
		if (!allowed) {
			throw new TransitionNotAllowed(id, verb, because);
		}
	}

	private static String roomKindOf(SlotCheck slot) {
		var kind = slot.service().roomKindAt(slot.location());
		return kind == null ? null : kind.name();
	}

	private static final Set<AppointmentStatus> LIVE = EnumSet.of(AppointmentStatus.PENDING, AppointmentStatus.BOOKED,
			AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN, AppointmentStatus.FULFILLED);

	public boolean live() {
		return LIVE.contains(status);
	}

	public UUID id() {
		return id;
	}

	public AppointmentStatus status() {
		return status;
	}

	public ServiceId serviceId() {
		return serviceId;
	}

	public PractitionerId practitionerId() {
		return practitionerId;
	}

	public LocationId location() {
		return location;
	}

	public String roomId() {
		return roomId;
	}

	String roomKind() {
		return roomKind;
	}

	public PatientId patientId() {
		return patientId;
	}

	public UUID seriesId() {
		return seriesId;
	}

	public Instant start() {
		return start;
	}

	public Instant end() {
		return end;
	}

	Instant blockedFrom() {
		return blockedFrom;
	}

	Instant blockedTo() {
		return blockedTo;
	}

	public Instant holdExpiresAt() {
		return holdExpiresAt;
	}

	byte[] manageTokenHash() {
		return manageTokenHash;
	}

	public String cancellationReason() {
		return cancellationReason;
	}

	public int sequence() {
		return sequence;
	}

}
