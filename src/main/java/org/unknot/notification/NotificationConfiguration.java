package org.unknot.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.unknot.booking.Appointments;
import org.unknot.calendar.AppointmentCalendar;
import org.unknot.patient.Patients;

/**
 * Chooses the transports: SMTP when {@code spring.mail.host} is set, else the built-in
 * viewer; the HTTP text message provider when {@code unknot.notification.sms.endpoint} is
 * set, else recording.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	@Bean
	EmailTransport emailTransport(ObjectProvider<JavaMailSender> mail) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("No SMTP server configured (spring.mail.host): emails are kept for the sent messages page,"
					+ " not sent");
			return new ViewerEmailTransport();
		}
		return new SmtpEmailTransport(sender);
	}

	@Bean
	SmsTransport smsTransport(NotificationProperties properties) {
		var sms = properties.sms();
		return sms.endpoint() == null ? new RecordingSmsTransport()
				: new HttpSmsTransport(sms.endpoint(), sms.username(), sms.password(), sms.sender(), sms.timeout());
	}

	@Bean
	OutboxDispatcher outboxDispatcher(OutboxMessages outbox, Appointments appointments, AppointmentCalendar calendar,
			Patients patients, MessageComposer composer, EmailTransport email, SmsTransport sms,
			NotificationProperties properties, Clock clock, PlatformTransactionManager transactions) {
		return new OutboxDispatcher(instanceName(), outbox, appointments, calendar, patients, composer, email, sms,
				properties, clock, transactions);
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown-host";
		}
		return host + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

}
