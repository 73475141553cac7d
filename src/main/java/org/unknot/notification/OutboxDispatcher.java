package org.unknot.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.notification.OutboxMessages.HandedOver;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;

/**
 * Works through the outbox. Any number of instances may run on one database.
 * <ol>
 * <li>Claim: in a short transaction, due rows are taken with
 * {@code FOR UPDATE SKIP LOCKED} and marked 'sending' with a lease and this dispatcher's
 * name. Nobody else takes them while the lease runs.</li>
 * <li>Send: in a second transaction the visit (or every visit of a series) is
 * share-locked, so a cancellation or move now waits, or has already happened and changed
 * the row; the row is locked again if still ours and the message composed from the visits
 * as they are now. A separate, committed transaction records the hand-over
 * ({@code outbox_handover}); then the message is handed over and the row marked 'sent' in
 * the sending transaction.</li>
 * </ol>
 * A failure the transport reports puts the row back with exponential back-off and forgets
 * that attempt's hand-over. A crash (or any other error) leaves the row 'sending' until
 * its lease runs out; it is then claimed again and sent with the same Message-ID or
 * idempotency key, both derived from the row's key. So nothing is lost. A crash before
 * the hand-over record sends the message once; a crash after the other side accepted it
 * and before our commit hands it over a second time, byte for byte the same as recorded,
 * so a receiver that drops repeats shows it once. Messages kept for the sent messages
 * page are kept in the sending transaction, so exactly once.
 */
public class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final String name;

	private final OutboxMessages outbox;

	private final Appointments appointments;

	private final AppointmentCalendar calendar;

	private final Patients patients;

	private final MessageComposer composer;

	private final EmailTransport email;

	private final SmsTransport sms;

	private final NotificationProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate handover;

	OutboxDispatcher(String name, OutboxMessages outbox, Appointments appointments, AppointmentCalendar calendar,
			Patients patients, MessageComposer composer, EmailTransport email, SmsTransport sms,
			NotificationProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.name = name;
		this.outbox = outbox;
		this.appointments = appointments;
		this.calendar = calendar;
		this.patients = patients;
		this.composer = composer;
		this.email = email;
		this.sms = sms;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.handover = new TransactionTemplate(transactions);
		this.handover.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Sends what is due now, batch after batch until nothing due is left; returns how
	 * many went out.
	 */
	public int dispatchDue() {
		int sent = 0;
		while (true) {
			Instant now = clock.instant();
			List<OutboxMessage> claimed = transaction
				.execute(status -> outbox.claim(name, now, now.plus(properties.dispatcher().lease()),
						properties.dispatcher().batch(), properties.dispatcher().maxAttempts()));
			if (claimed == null || claimed.isEmpty()) {
				return sent;
			}
			for (OutboxMessage row : claimed) {
				if (deliver(row)) {
					sent++;
				}
			}
		}
	}

	String name() {
		return name;
	}

	/** Sends one claimed row, as it is now; true if it went out. */
	boolean deliver(UUID id) {
		return outbox.find(id).map(this::deliver).orElse(false);
	}

	/**
	 * Sends one row as this dispatcher claimed it; true if it went out. The claim says
	 * what to lock; the row is read again, locked, before anything is decided.
	 */
	private boolean deliver(OutboxMessage claimed) {
		try {
			return Boolean.TRUE.equals(transaction.execute(status -> sendLocked(claimed)));
		}
		catch (MailException | SmsTransport.SmsNotSent failure) {
			retryLater(claimed, failure);
			return false;
		}
	}

	private boolean sendLocked(OutboxMessage claimed) {
		Instant now = clock.instant();
		// the visits first, then the row: the same order as a cancellation, so the two
		// never deadlock
		List<Appointment> visits = lockVisits(claimed);
		OutboxMessage row = outbox.lockClaimed(claimed.id(), name).orElse(null);
		if (row == null) {
			return false; // dropped meanwhile (the visit was cancelled or moved), or
							// another dispatcher's now
		}
		Optional<String> drop = reasonToDrop(row, visits, now);
		if (drop.isPresent()) {
			outbox.drop(row.id(), drop.get());
			return false;
		}
		if (row.resend()) {
			log.warn("Sending outbox message {} again: an earlier attempt may have handed it over before its"
					+ " dispatcher stopped", row.messageId());
		}
		if (row.patientId() == null) {
			sendEmail(row, List.of(), null, row.recipient(), now);
			return true;
		}
		Patient patient = patients.find(row.patientId()).orElseThrow();
		if (row.channel() == Channel.EMAIL) {
			sendEmail(row, visits, patient, patient.email(), now);
		}
		else {
			sendSms(row, visits, patient, now);
		}
		return true;
	}

	/**
	 * Share-locks what the message is about, until it has gone out: its visit, or every
	 * visit of its series (in id order, so two dispatchers never lock them in opposite
	 * orders).
	 */
	private List<Appointment> lockVisits(OutboxMessage claimed) {
		if (claimed.kind().aboutAnAppointment()) {
			return appointments.findShareLocked(claimed.subjectId()).map(List::of).orElse(List.of());
		}
		if (claimed.kind().aboutASeries()) {
			List<Appointment> visits = new ArrayList<>();
			appointments.ofSeries(claimed.subjectId())
				.stream()
				.map(Appointment::id)
				.sorted()
				.forEach(id -> appointments.findShareLocked(id).ifPresent(visits::add));
			visits.sort(Comparator.comparing(Appointment::start));
			return visits;
		}
		return List.of();
	}

	private Optional<String> reasonToDrop(OutboxMessage row, List<Appointment> visits, Instant now) {
		if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
			return Optional.of("too late: it was for before " + row.expiresAt());
		}
		if (row.patientId() == null) {
			return Optional.empty(); // an email to an address, asked for a moment ago
		}
		NotificationPreference preference = patients.notificationPreference(row.patientId());
		if (preference.optedOut() && !row.kind().requestedByThePatient()) {
			return Optional.of("the patient opted out");
		}
		if (row.channel() == Channel.SMS && patients.find(row.patientId()).map(Patient::phone).isEmpty()) {
			return Optional.of("no phone number");
		}
		if (row.kind().aboutASeries()) {
			return stillBooked(visits, now).isEmpty() ? Optional.of("no visit of the series is still booked and ahead")
					: Optional.empty();
		}
		if (!row.kind().aboutAnAppointment()) {
			return Optional.empty();
		}
		if (visits.isEmpty()) {
			return Optional.of("the visit no longer exists");
		}
		Appointment visit = visits.get(0);
		if (row.kind().needsALiveVisit() && visit.status() != AppointmentStatus.BOOKED) {
			return Optional.of("the visit is " + visit.status().code());
		}
		if (row.kind() == MessageKind.REMINDER && !row.occurrence().endsWith("@s" + visit.sequence())) {
			return Optional.of("the visit moved since this reminder was planned");
		}
		return Optional.empty();
	}

	/**
	 * The visits a series confirmation lists: booked and not yet begun, cancelled ones
	 * left out.
	 */
	private static List<Appointment> stillBooked(List<Appointment> visits, Instant now) {
		return visits.stream()
			.filter(visit -> visit.status() == AppointmentStatus.BOOKED && visit.start().isAfter(now))
			.toList();
	}

	private void sendEmail(OutboxMessage row, List<Appointment> visits, Patient patient, String address, Instant now) {
		HandedOver message = sentBefore(row).orElseGet(() -> composeEmail(row, visits, patient, address, now));
		handingOver(row, message, now);
		email.send(new EmailTransport.OutgoingEmail(row.messageId(), properties.from(), message.recipient(),
				message.subject(), message.text(), message.html(), message.calendar(), message.calendarType()));
		outbox.markSent(row.id(), email.name(), message.recipient(), message.subject(), message.text(), message.html(),
				now);
	}

	private HandedOver composeEmail(OutboxMessage row, List<Appointment> visits, Patient patient, String address,
			Instant now) {
		if (row.prepared()) {
			return new HandedOver(address, row.subject(), row.bodyText(), row.bodyHtml(), null, null);
		}
		MessageComposer.Email composed = row.kind().aboutASeries()
				? composer.seriesEmail(details(stillBooked(visits, now), patient))
				: composer.email(row.kind(), details(visits.get(0), patient));
		return new HandedOver(address, composed.subject(), composed.text(), composed.html(), composed.calendar(),
				composed.calendarType());
	}

	private void sendSms(OutboxMessage row, List<Appointment> visits, Patient patient, Instant now) {
		HandedOver message = sentBefore(row).orElseGet(() -> composeSms(row, visits, patient, now));
		handingOver(row, message, now);
		sms.send(row.idempotencyKey(), message.recipient(), message.text());
		outbox.markSent(row.id(), sms.name(), message.recipient(), null, message.text(), null, now);
	}

	private HandedOver composeSms(OutboxMessage row, List<Appointment> visits, Patient patient, Instant now) {
		String text;
		if (row.prepared()) {
			text = row.bodyText();
		}
		else if (row.kind().aboutASeries()) {
			text = composer.seriesSms(details(stillBooked(visits, now), patient));
		}
		else {
			text = composer.sms(row.kind(), details(visits.get(0), patient));
		}
		return new HandedOver(patient.phone(), null, text, null, null, null);
	}

	/**
	 * What an earlier attempt handed over before its dispatcher stopped, if one may have:
	 * sent again as it was, byte for byte, so a receiver that drops a repeated Message-ID
	 * or idempotency key drops nothing new. What changed since (a move, a cancellation)
	 * has its own message, planned because this one may have gone out.
	 */
	private Optional<HandedOver> sentBefore(OutboxMessage row) {
		return row.resend() ? outbox.lastHandedOver(row.id()) : Optional.empty();
	}

	private List<AppointmentDetails> details(List<Appointment> visits, Patient patient) {
		return visits.stream().map(visit -> details(visit, patient)).toList();
	}

	/**
	 * The visit as locked above, with the patient read above: neither is read again
	 * (unless the visit is, unusually, another patient's than the message's).
	 */
	private AppointmentDetails details(Appointment visit, Patient patient) {
		boolean theirs = patient != null && visit.patientId() != null && visit.patientId().value().equals(patient.id());
		return theirs ? calendar.details(visit, patient) : calendar.details(visit.id()).orElseThrow();
	}

	/**
	 * Commits, apart from the sending transaction (which keeps the row and the visits
	 * locked), that this attempt is about to hand the message over and what it hands
	 * over: if the process dies from here until the row is marked sent, the message may
	 * have reached the patient, and the outbox knows it.
	 */
	private void handingOver(OutboxMessage row, HandedOver message, Instant now) {
		handover.executeWithoutResult(status -> outbox.handingOver(row.id(), row.attempts(), name, now, message));
	}

	private void retryLater(OutboxMessage row, RuntimeException failure) {
		var dispatcher = properties.dispatcher();
		boolean giveUp = row.attempts() >= dispatcher.maxAttempts();
		Duration wait = dispatcher.firstRetry().multipliedBy(1L << Math.min(row.attempts() - 1, 20));
		if (wait.compareTo(dispatcher.maxRetry()) > 0) {
			wait = dispatcher.maxRetry();
		}
		Instant retryAt = clock.instant().plus(wait);
		log.warn("Outbox message {} not sent (attempt {}): {}", row.messageId(), row.attempts(), failure.getMessage());
		transaction.executeWithoutResult(status -> {
			outbox.notHandedOver(row.id(), row.attempts());
			outbox.failed(row.id(), name, failure.getMessage(), retryAt, giveUp);
		});
	}

}
