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
 * Plans the messages a booking change causes, in the outbox, inside the change's own transaction
 * (a plain synchronous listener, not an after-commit one): if the change commits, its messages are
 * there; if it rolls back, so do they.
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

	@EventListener
	void on(AppointmentBooked booked) {
		planNoticeAndReminders(booked.appointmentId(), booked.patientId(), MessageKind.BOOKED, booked.start(),
				booked.sequence());
	}

	@EventListener
	void on(AppointmentRescheduled moved) {
		outbox.dropUnsent(moved.appointmentId(), List.of(MessageKind.RESCHEDULED, MessageKind.REMINDER),
				"superseded by a later move");
		planNoticeAndReminders(moved.appointmentId(), moved.patientId(), MessageKind.RESCHEDULED, moved.start(),
				moved.sequence());
	}

	@EventListener
	void on(AppointmentCancelled cancelled) {
		outbox.dropUnsent(cancelled.appointmentId(), ABOUT_THE_BOOKING, "visit cancelled");
		Instant now = clock.instant();
		outbox.planAll(channels(cancelled.patientId()).stream()
			.map(channel -> new Planned(cancelled.appointmentId(), cancelled.patientId(), MessageKind.CANCELLED,
					"s" + cancelled.sequence(), channel, now, null, null))
			.toList());
	}

	/**
	 * The notice (booked, moved) at once, and one reminder per offset, due at the exact instant that
	 * far before the start, on every channel the patient chose: one statement. A reminder whose time
	 * has already passed (a visit booked at short notice) is not planned: a "48 hours before" message
	 * sent at booking time would only confuse.
	 */
	private void planNoticeAndReminders(UUID appointmentId, UUID patientId, MessageKind notice, Instant start,
			int sequence) {
		List<Channel> channels = channels(patientId);
		Instant now = clock.instant();
		List<Planned> messages = new ArrayList<>();
		for (Channel channel : channels) {
			messages.add(new Planned(appointmentId, patientId, notice, "s" + sequence, channel, now, start, null));
		}
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
		outbox.planAll(messages);
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
