package org.unknot.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.unknot.TestNetwork;
import org.unknot.booking.Appointments;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * What notification tests share: a clinic to book in, and dispatchers built by hand, each
 * with its own name, clock and transports, all on the application's one database.
 */
final class OutboxFixture {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	final OutboxMessages outbox;

	final Appointments appointments;

	final AppointmentCalendar calendar;

	final Patients patients;

	final MessageComposer composer;

	final NotificationProperties properties;

	final PlatformTransactionManager transactions;

	final BookingDesk desk;

	final JdbcClient jdbc;

	OutboxFixture(ApplicationContext context) {
		outbox = context.getBean(OutboxMessages.class);
		appointments = context.getBean(Appointments.class);
		calendar = context.getBean(AppointmentCalendar.class);
		patients = context.getBean(Patients.class);
		composer = context.getBean(MessageComposer.class);
		properties = context.getBean(NotificationProperties.class);
		transactions = context.getBean(PlatformTransactionManager.class);
		desk = context.getBean(BookingDesk.class);
		jdbc = context.getBean(JdbcClient.class);
	}

	OutboxDispatcher dispatcher(String name, Clock clock, EmailTransport email, SmsTransport sms) {
		return new OutboxDispatcher(name, outbox, appointments, calendar, patients, composer, email, sms, properties,
				clock, transactions);
	}

	static EmailTransport smtp(int port) {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return new SmtpEmailTransport(sender);
	}

	/**
	 * A clinic with one massage room and a therapist there on weekdays, 09:00 to 17:00
	 * New York time.
	 */
	Place place() {
		var network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		return new Place(clinic, therapist);
	}

	Booked book(Place place, String localStart, PatientDetails patient) {
		return desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(place.therapist()),
				LocationId.of(place.clinic()), newYork(localStart)), null, patient);
	}

	static PatientDetails newPatient(String phone) {
		String id = TestNetwork.shortId();
		return new PatientDetails("Ada", "Lane" + id, "ada." + id + "@example.org", phone, LocalDate.of(1985, 4, 2));
	}

	static Instant newYork(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
	}

	/**
	 * Leaves one row as {@link OutboxMessages#claim} leaves it for a dispatcher that has
	 * taken it into its batch and not reached it yet (or died before it did): 'sending',
	 * leased to {@code owner}.
	 */
	void claimedBy(String owner, UUID rowId, Instant leaseUntil) {
		jdbc.sql("""
				UPDATE outbox_message SET status = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1
				WHERE id = ? AND status = 'pending'""")
			.params(owner, leaseUntil.atOffset(java.time.ZoneOffset.UTC), rowId)
			.update();
	}

	List<OutboxMessage> about(UUID appointmentId) {
		return outbox.about(appointmentId);
	}

	record Place(String clinic, String therapist) {
	}

}
