package org.unknot.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email over SMTP (host, port, credentials and TLS from {@code spring.mail.*}). Every
 * attempt of one outbox row carries the same Message-ID, so a resend after a crash is
 * recognisable as the same mail.
 */
class SmtpEmailTransport implements EmailTransport {

	private final JavaMailSender mail;

	SmtpEmailTransport(JavaMailSender mail) {
		this.mail = mail;
	}

	@Override
	public String name() {
		return "smtp";
	}

	@Override
	public void send(OutgoingEmail email) {
		MimeMessage message = mail.createMimeMessage();
		try {
			var helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
			helper.setFrom(email.from());
			helper.setTo(email.to());
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
			if (email.calendar() != null) {
				helper.addAttachment("invitation.ics", new ByteArrayResource(email.calendar()), email.calendarType());
			}
			// JavaMailSenderImpl keeps a Message-ID that was set explicitly
			message.setHeader("Message-ID", email.messageId());
		}
		catch (MessagingException e) {
			throw new MailPreparationException(e);
		}
		mail.send(message);
	}

}
