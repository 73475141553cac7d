package org.unknot.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unknot.booking.Appointment;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Appointments;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.Patient;
import org.unknot.patient.Patients;

/**
 * Works through the outbox. Any number of instances may run on one database.
 * <ol>
 * <li>Claim: in a short transaction, due rows are taken with {@code FOR UPDATE SKIP LOCKED} and marked
 * 'sending' with a lease and this dispatcher's name. Nobody else takes them while the lease runs.</li>
 * <li>Send: in a second transaction the visit is share-locked (a cancellation now waits, or has already
 * happened and the message is dropped), the row is locked again if still ours, the message is composed
 * from the visit as it is now, handed over, and the row marked 'sent' in that same transaction.</li>
 * </ol>
 * A failure the transport reports puts the row back with exponential back-off. A crash (or any other
 * error) leaves the row 'sending' until its lease runs out; it is then claimed again, flagged as a
 * possible resend, and sent with the same Message-ID. So nothing is lost. Whether a crash can double a
 * message depends on where it struck: before the hand-over, the message is sent once; between the
 * other side accepting it and our commit (a window of one database round trip), the same message is
 * handed over again with the same Message-ID (mail clients show one) and idempotency key (SMS providers
 * drop the repeat). Messages recorded for the viewer are recorded in the same transaction and so exactly
 * once.
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
	}

	/** Sends what is due now, batch after batch until nothing due is left; returns how many went out. */
	public int dispatchDue() {
		int sent = 0;
		while (true) {
			Instant now = clock.instant();
			List<UUID> claimed = transaction.execute(status -> outbox.claim(name, now,
					now.plus(properties.dispatcher().lease()), properties.dispatcher().batch(),
					properties.dispatcher().maxAttempts()));
			if (claimed == null || claimed.isEmpty()) {
				return sent;
			}
			for (UUID id : claimed) {
				if (deliver(id)) {
					sent++;
				}
			}
		}
	}

	String name() {
		return name;
	}

	/** Sends one claimed row; true if it went out. */
	boolean deliver(UUID id) {
		OutboxMessage claimed = outbox.find(id).orElse(null);
		if (claimed == null) {
			return false;
		}
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
		// the visit first, then the row: the same order as a cancellation, so the two never deadlock
		Appointment visit = claimed.kind().aboutAnAppointment()
				? appointments.findShareLocked(claimed.subjectId()).orElse(null) : null;
		OutboxMessage row = outbox.lockClaimed(claimed.id(), name).orElse(null);
		if (row == null) {
			return false; // dropped meanwhile (the visit was cancelled), or another dispatcher's now
		}
		Optional<String> drop = reasonToDrop(row, visit, now);
		if (drop.isPresent()) {
			outbox.drop(row.id(), drop.get());
			return false;
		}
		if (row.resend()) {
			log.warn("Sending outbox message {} again: its dispatcher stopped while sending it", row.messageId());
		}
		if (row.patientId() == null) {
			sendEmail(row, null, row.recipient(), now);
			return true;
		}
		Patient patient = patients.find(row.patientId()).orElseThrow();
		if (row.channel() == Channel.EMAIL) {
			sendEmail(row, visit, patient.email(), now);
		}
		else {
			sendSms(row, visit, patient, now);
		}
		return true;
	}

	private Optional<String> reasonToDrop(OutboxMessage row, Appointment visit, Instant now) {
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
		if (!row.kind().aboutAnAppointment()) {
			return Optional.empty();
		}
		if (visit == null) {
			return Optional.of("the visit no longer exists");
		}
		if (row.kind().needsALiveVisit() && visit.status() != AppointmentStatus.BOOKED) {
			return Optional.of("the visit is " + visit.status().code());
		}
		if (row.kind() == MessageKind.REMINDER && !row.occurrence().endsWith("@s" + visit.sequence())) {
			return Optional.of("the visit moved since this reminder was planned");
		}
		return Optional.empty();
	}

	private void sendEmail(OutboxMessage row, Appointment visit, String address, Instant now) {
		String subject;
		String text;
		String html;
		byte[] invitation = null;
		String invitationType = null;
		if (row.prepared()) {
			subject = row.subject();
			text = row.bodyText();
			html = row.bodyHtml();
		}
		else {
			AppointmentDetails details = calendar.details(visit.id()).orElseThrow();
			MessageComposer.Email composed = composer.email(row.kind(), details);
			subject = composed.subject();
			text = composed.text();
			html = composed.html();
			invitation = composed.calendar();
			invitationType = composed.calendarType();
		}
		email.send(new EmailTransport.OutgoingEmail(row.messageId(), properties.from(), address, subject, text, html,
				invitation, invitationType));
		outbox.markSent(row.id(), email.name(), address, subject, text, html, now);
	}

	private void sendSms(OutboxMessage row, Appointment visit, Patient patient, Instant now) {
		String text = row.prepared() ? row.bodyText()
				: composer.sms(row.kind(), calendar.details(visit.id()).orElseThrow());
		sms.send(row.messageId(), patient.phone(), text);
		outbox.markSent(row.id(), sms.name(), patient.phone(), null, text, null, now);
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
		transaction.executeWithoutResult(status -> outbox.failed(row.id(), name, failure.getMessage(), retryAt, giveUp));
	}
}
