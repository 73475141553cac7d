package org.unknot.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unknot.booking.AppointmentBooked;
import org.unknot.booking.AppointmentCancelled;
import org.unknot.booking.AppointmentRescheduled;
import org.unknot.notification.OutboxMessages.Planned;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.Patients;

/**
 * Plans the messages a booking change causes, in the outbox, inside the change's own
 * transaction (a plain synchronous listener, not an after-commit one): if the change
 * commits, its messages are there; if it rolls back, so do they.
 * <p>
 * Deliberately not an {@code @ApplicationModuleListener}: the outbox is already the
 * durable record of what is to be sent, so planning it in the booking's transaction needs
 * no second registry, and a patient can never have a booking without its confirmation (or
 * a confirmation of a booking that rolled back), not even for the moment between a commit
 * and an asynchronous listener.
 */
@Component
class NotificationPlanner {

	private static final List<MessageKind> ABOUT_THE_BOOKING = List.of(MessageKind.BOOKED, MessageKind.RESCHEDULED,
			MessageKind.REMINDER);

	private final OutboxMessages outbox;

	private final Patients patients;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationPlanner(OutboxMessages outbox, Patients patients, NotificationProperties properties, Clock clock) {
		this.outbox = outbox;
		this.patients = patients;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A visit booked on its own gets its confirmation; a visit booked as part of a series
	 * gets none of its own: the first visit of the series plans one confirmation for the
	 * whole series (its key is the series, so the other visits plan nothing more), which
	 * lists the visits as they are when it goes out. Reminders are per visit either way.
	 */
	@EventListener
	void on(AppointmentBooked booked) {
		List<Channel> channels = channels(booked.patientId().value());
		Instant now = clock.instant();
		List<Planned> messages = new ArrayList<>();
		for (Channel channel : channels) {
			if (!coveredBySeriesConfirmation(booked, channel, now)) {
				messages.add(new Planned(booked.appointmentId(), booked.patientId().value(), MessageKind.BOOKED,
						"s" + booked.sequence(), channel, now, booked.start(), null));
			}
		}
		planWithReminders(messages, booked.appointmentId(), booked.patientId().value(), booked.start(),
				booked.sequence(), channels, now);
	}

	/**
	 * Whether the series confirmation will tell the patient of this visit: planned now,
	 * or planned by an earlier visit of the series and not yet handed over. A visit
	 * joining a series whose confirmation has gone out gets a confirmation of its own.
	 */
	private boolean coveredBySeriesConfirmation(AppointmentBooked booked, Channel channel, Instant now) {
		if (booked.seriesId() == null) {
			return false;
		}
		return outbox.plan(booked.seriesId(), booked.patientId().value(), MessageKind.SERIES_BOOKED, "series", channel,
				now, null, null) || seriesConfirmationStillToGo(booked.seriesId(), channel);
	}

	/**
	 * Whether the series confirmation has certainly not been handed over yet on this
	 * channel.
	 */
	private boolean seriesConfirmationStillToGo(UUID seriesId, Channel channel) {
		return !outbox.neverHandedOver(seriesId, MessageKind.SERIES_BOOKED, channel).isEmpty();
	}

	/**
	 * A move the patient has not been told about yet needs no message of its own: a
	 * confirmation that has certainly not been handed over is replaced by one for the new
	 * time (a series confirmation lists the visits as they are when it goes out anyway).
	 * Only where the confirmation has gone out, or may have, does a "moved" message
	 * follow.
	 */
	@EventListener
	void on(AppointmentRescheduled moved) {
		outbox.dropUnsent(moved.appointmentId(), List.of(MessageKind.RESCHEDULED, MessageKind.REMINDER),
				"superseded by a later move");
		List<Channel> channels = channels(moved.patientId().value());
		Instant now = clock.instant();
		List<Planned> messages = new ArrayList<>();
		for (Channel channel : channels) {
			boolean confirmationTellsOfMove = moved.seriesId() != null
					? seriesConfirmationStillToGo(moved.seriesId(), channel)
					: replaceUnsentConfirmation(moved, channel, now);
			if (!confirmationTellsOfMove) {
				messages.add(new Planned(moved.appointmentId(), moved.patientId().value(), MessageKind.RESCHEDULED,
						"s" + moved.sequence(), channel, now, moved.start(), null));
			}
		}
		planWithReminders(messages, moved.appointmentId(), moved.patientId().value(), moved.start(), moved.sequence(),
				channels, now);
	}

	/**
	 * Drops this visit's own confirmation where it has certainly not been handed over,
	 * and plans one for the new time in its place; answers whether it did (false: there
	 * was none left to replace, it has gone out or may have).
	 */
	private boolean replaceUnsentConfirmation(AppointmentRescheduled moved, Channel channel, Instant now) {
		List<OutboxMessage> unsent = outbox.neverHandedOver(moved.appointmentId(), MessageKind.BOOKED, channel);
		boolean superseded = false;
		for (OutboxMessage confirmation : unsent) {
			superseded |= outbox.dropUnsent(confirmation.id(),
					"superseded: the visit moved before this went out (sequence " + moved.sequence() + ")");
		}
		if (superseded) {
			outbox.plan(moved.appointmentId(), moved.patientId().value(), MessageKind.BOOKED, "s" + moved.sequence(),
					channel, now, moved.start(), null);
		}
		return superseded;
	}

	/**
	 * Tells the patient of the cancellation only if anything about the visit has reached
	 * them, or may have: a visit cancelled before its confirmation went out ends in
	 * silence, not in a cancellation of something they never heard of.
	 */
	@EventListener
	void on(AppointmentCancelled cancelled) {
		boolean announced = outbox.mayHaveGoneOut(cancelled.appointmentId(), ABOUT_THE_BOOKING)
				|| (cancelled.seriesId() != null
						&& outbox.mayHaveGoneOut(cancelled.seriesId(), List.of(MessageKind.SERIES_BOOKED)));
		outbox.dropUnsent(cancelled.appointmentId(), ABOUT_THE_BOOKING, "visit cancelled");
		if (!announced) {
			return;
		}
		for (Channel channel : channels(cancelled.patientId().value())) {
			outbox.plan(cancelled.appointmentId(), cancelled.patientId().value(), MessageKind.CANCELLED,
					"s" + cancelled.sequence(), channel, clock.instant(), null, null);
		}
	}

	/**
	 * Plans these messages and one reminder per offset, due at the exact instant that far
	 * before the start, in one statement sent with the transaction's other deferred
	 * writes just before it commits (a booking's confirmation and two reminders: no round
	 * trip of their own). A reminder whose time has already passed (a visit booked at
	 * short notice) is not planned: a "48 hours before" message sent at booking time
	 * would only confuse.
	 */
	private void planWithReminders(List<Planned> messages, UUID appointmentId, UUID patientId, Instant start,
			int sequence, List<Channel> channels, Instant now) {
		for (Duration offset : properties.reminders()) {
			Instant due = start.minus(offset);
			if (!due.isAfter(now)) {
				continue;
			}
			for (Channel channel : channels) {
				messages.add(new Planned(appointmentId, patientId, MessageKind.REMINDER, offset + "@s" + sequence,
						channel, due, start, null));
			}
		}
		outbox.planAtCommit(messages);
	}

	List<Channel> channels(UUID patientId) {
		NotificationPreference preference = patients.notificationPreference(patientId);
		List<Channel> channels = new ArrayList<>();
		if (preference.email()) {
			channels.add(Channel.EMAIL);
		}
		if (preference.sms()) {
			channels.add(Channel.SMS);
		}
		return channels;
	}

}
