package org.unknot.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.system.Times;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.booking.AppointmentRescheduled;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.CareServices;
import org.unknot.catalog.CatalogProperties;
import org.unknot.catalog.Clinic;
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.notification.Notifications;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;
import org.unknot.practitioner.Practitioners;
import org.unknot.system.DomainProblem;
import org.unknot.system.InvalidRequest;
import org.unknot.system.SecretToken;
import org.unknot.system.SiteAddress;
import org.unknot.visit.BookedBy;
import org.unknot.visit.VisitAnswers;
import org.unknot.visit.VisitBooking;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;
import org.unknot.patient.PatientId;

/**
 * The waitlist. A cancellation or a move records the freed time (an opening) in its own
 * transaction, so it is never forgotten. The worker offers each opening to the first
 * patient in line whose wishes it meets, holding the time for them; an offer not taken
 * before its hold runs out passes to the next in line. Every offer, accept and expiry of
 * one opening takes its turn on the opening's row lock, so two people can never both get
 * it: the first to accept books, anyone after is told kindly.
 */
@Service
public class Waitlist {

	private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

	private final WaitlistStore store;

	private final BookingDesk desk;

	private final Appointments appointments;

	private final Patients patients;

	private final CareServices services;

	private final Practitioners practitioners;

	private final Clinics clinics;

	private final Notifications notifications;

	private final WaitlistProperties properties;

	private final SiteAddress site;

	private final ZoneId virtualZone;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final VisitBooking visits;

	Waitlist(WaitlistStore store, BookingDesk desk, Appointments appointments, Patients patients, CareServices services,
			Practitioners practitioners, Clinics clinics, Notifications notifications, WaitlistProperties properties,
			SiteAddress site, CatalogProperties catalog, Clock clock, PlatformTransactionManager transactions,
			VisitBooking visits) {
		this.store = store;
		this.desk = desk;
		this.appointments = appointments;
		this.patients = patients;
		this.services = services;
		this.practitioners = practitioners;
		this.clinics = clinics;
		this.notifications = notifications;
		this.properties = properties;
		this.site = site;
		this.virtualZone = catalog.virtualZone();
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.visits = visits;
	}

	/** Puts the patient in line; the answer's token lets them leave it again. */
	@Transactional
	public Joined join(WaitlistRequest request) {
		validate(request);
		UUID patientId = patients.identify(request.patient());
		SecretToken token = SecretToken.generate();
		return new Joined(store.add(patientId, request, token.hash()), token.value());
	}

	@Transactional
	public void withdraw(UUID entryId, String token) {
		WaitlistEntry entry = store.lockEntry(entryId)
			.filter(e -> SecretToken.matches(token, store.entryTokenHash(entryId).orElse(null)))
			.orElseThrow(() -> new WaitlistNotFound("waitlist entry", entryId));
		// leaving twice, or after booking, changes nothing and is no error
		if (entry.isActive()) {
			store.save(entry.withdraw());
		}
	}

	/** Who is waiting, in line order (for staff). */
	@Transactional(readOnly = true)
	public List<WaitlistEntry> entries(String serviceId, boolean activeOnly) {
		return store.entries(serviceId, activeOnly);
	}

	@Transactional(readOnly = true)
	public WaitlistOffer offer(UUID offerId, String token) {
		return store.offer(offerId)
			.filter(o -> SecretToken.matches(token, store.offerTokenHash(offerId).orElse(null)))
			.orElseThrow(() -> new WaitlistNotFound("waitlist offer", offerId));
	}

	@Transactional
	public Booked accept(UUID offerId, String token) {
		return accept(offerId, token, clock.instant());
	}

	/** Books the offered time for the patient, if the offer still stands. */
	@Transactional
	Booked accept(UUID offerId, String token, Instant now) {
		WaitlistOffer presented = offer(offerId, token);
		// every decision about this opening takes its turn here
		WaitlistStore.Opening opening = store.lockOpening(presented.openingId(), false).orElseThrow();
		WaitlistOffer offer = store.offer(offerId).orElseThrow();
		if (!offer.isAccepted() && opening.isFilled()) {
			throw OfferNotAvailable.takenBySomeoneElse();
		}
		offer.requireAcceptableAt(now);
		WaitlistEntry entry = store.entry(offer.entryId()).orElseThrow();
		Patient patient = patients.find(entry.patientId()).orElseThrow();
		// the patient answers an offer by link: no intake is asked, the visit is self-pay
		Booked booked = visits.book(
				new SlotRequest(ServiceId.of(opening.serviceId()), PractitionerId.of(opening.practitionerId()),
						LocationId.of(opening.location()), opening.start()),
				offer.holdId(), VisitAnswers.selfPay(patient.details()), BookedBy.PATIENT);
		UUID appointmentId = booked.appointment().id();
		store.save(offer.accept(appointmentId));
		store.save(opening.fill());
		store.save(entry.book(appointmentId));
		return booked;
	}

	/**
	 * The patient does not want this time: it passes to the next in line at once; they
	 * keep their place.
	 */
	@Transactional
	public void decline(UUID offerId, String token) {
		WaitlistOffer presented = offer(offerId, token);
		store.lockOpening(presented.openingId(), false).orElseThrow();
		WaitlistOffer offer = store.offer(offerId).orElseThrow();
		close(offer.decline());
	}

	/*
	 * After the cancellation commits, in a transaction of its own: the freed time is
	 * recorded only if the cancellation happened, a slow or failing waitlist never holds
	 * up or undoes it, and the publication stays in the registry until the opening is
	 * written, so a crash in between is made good at the next start.
	 */
	@ApplicationModuleListener
	void on(AppointmentCancelled cancelled) {
		store.open(cancelled.serviceId().value(), cancelled.practitionerId().value(), cancelled.location().value(),
				cancelled.start());
	}

	/* After the move commits, in its own transaction, for the same reasons. */
	@ApplicationModuleListener
	void on(AppointmentRescheduled moved) {
		boolean freed = !moved.previousStart().equals(moved.start())
				|| !moved.previousPractitionerId().equals(moved.practitionerId());
		if (freed) {
			store.open(moved.serviceId().value(), moved.previousPractitionerId().value(), moved.location().value(),
					moved.previousStart());
		}
	}

	/**
	 * Expires offers whose time ran out and makes the next offers; returns how many
	 * offers were made.
	 */
	public int work() {
		return work(clock.instant());
	}

	int work(Instant now) {
		int offered = 0;
		for (UUID openingId : store.openOpenings()) {
			try {
				if (Boolean.TRUE.equals(transaction.execute(status -> step(openingId, now)))) {
					offered++;
				}
			}
			catch (DomainProblem refused) {
				// the time cannot be held any more (booked by someone else, too soon
				// now): nobody can have it
				log.info("Waitlist opening {} closed: {}", openingId, refused.getMessage());
				transaction.executeWithoutResult(status -> store.lockOpening(openingId, true)
					.filter(WaitlistStore.Opening::isOpen)
					.ifPresent(opening -> {
						store.openOfferOf(openingId).ifPresent(offer -> close(offer.expire()));
						store.save(opening.exhaust());
					}));
			}
		}
		return offered;
	}

	/**
	 * One opening's turn: expire its offer if due, then offer it to the next in line.
	 * True if offered.
	 */
	private boolean step(UUID openingId, Instant now) {
		WaitlistStore.Opening opening = store.lockOpening(openingId, true).orElse(null);
		if (opening == null || !opening.isOpen()) {
			return false; // another instance is on it, or it is settled
		}
		var current = store.openOfferOf(openingId);
		if (current.isPresent()) {
			if (!current.get().isDue(now)) {
				return false;
			}
			close(current.get().expire());
		}
		if (opening.hasBegunAt(now)) {
			store.save(opening.exhaust());
			return false;
		}
		ZoneId zone = clinics.zoneOf(LocationId.of(opening.location()));
		ZonedDateTime local = opening.start().atZone(zone);
		var next = store.nextInLine(opening, local.toLocalDate(), local.toLocalTime());
		if (next.isEmpty()) {
			store.save(opening.exhaust());
			return false;
		}
		Appointment hold = desk.hold(new SlotRequest(ServiceId.of(opening.serviceId()),
				PractitionerId.of(opening.practitionerId()), LocationId.of(opening.location()), opening.start()));
		UUID offerId = UUID.randomUUID();
		SecretToken token = SecretToken.generate();
		WaitlistEntry entry = next.get();
		store.save(entry.offer());
		store.addOffer(offerId, openingId, entry.id(), hold.id(), hold.holdExpiresAt(), token.hash());
		notifications.offer(offerId, PatientId.of(entry.patientId()), hold.holdExpiresAt(),
				message(opening, zone, hold.holdExpiresAt(), patients.find(entry.patientId()).orElseThrow(),
						site.link("/waitlist/offers/" + offerId + "?token=" + token.value())));
		return true;
	}

	/**
	 * Keeps an offer just declined or expired: its hold is given back and the patient is
	 * in line again, in their old place.
	 */
	private void close(WaitlistOffer ended) {
		store.save(ended);
		store.lockEntry(ended.entryId()).map(WaitlistEntry::backInLine).ifPresent(store::save);
		// the hold may be gone already (swept after it expired); releasing a missing one
		// would be refused
		if (appointments.find(ended.holdId()).filter(a -> a.status() == AppointmentStatus.PENDING).isPresent()) {
			desk.releaseHold(ended.holdId());
		}
	}

	private Notifications.Message message(WaitlistStore.Opening opening, ZoneId zone, Instant expires, Patient patient,
			String link) {
		String place = LocationId.of(opening.location()).isVirtual() ? null
				: clinics.find(opening.location()).map(Clinic::name).orElse(opening.location());
		return notifications
			.offerMessage(new Notifications.Offer(patient.givenName(), Times.dateTime(opening.start(), zone),
					Times.shortDateTime(opening.start(), zone), Times.timeWithZone(expires, zone), place, link));
	}

	private void validate(WaitlistRequest request) {
		List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
		services.get("service", request.serviceId());
		if (request.practitionerId() != null) {
			practitioners.get("practitioner", PractitionerId.of(request.practitionerId()));
		}
		if (request.location() != null && !request.location().isVirtual()) {
			clinics.get("location", request.location().value());
		}
		LocalDate today = LocalDate.now(clock.withZone(virtualZone));
		if (request.firstDay().isAfter(request.lastDay())) {
			problems.add(new InvalidRequest.FieldProblem("lastDay", "The last day comes on or after the first day."));
		}
		else if (ChronoUnit.DAYS.between(request.firstDay(), request.lastDay()) >= properties.longestWindow()) {
			problems.add(new InvalidRequest.FieldProblem("lastDay",
					"A waitlist request spans at most " + properties.longestWindow() + " days."));
		}
		if (request.lastDay().isBefore(today)) {
			problems.add(new InvalidRequest.FieldProblem("lastDay", "The last day has already passed."));
		}
		if (request.latest().isBefore(request.earliest())) {
			problems.add(new InvalidRequest.FieldProblem("latest", "The latest start comes on or after the earliest."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequest("The waitlist request cannot be met as it is.", problems);
		}
	}

	/** A new place in line and the secret to leave it. */
	public record Joined(WaitlistEntry entry, String token) {
	}

}
