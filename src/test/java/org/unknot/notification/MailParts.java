package org.unknot.notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/** The leaves of a received email, read the way a mail client would. */
record MailParts(String text, String html, String calendarType, Calendar calendar) {

	static MailParts of(MimeMessage message) throws MessagingException, IOException, ParserException {
		List<Part> leaves = new ArrayList<>();
		collect(message, leaves);
		String text = null;
		String html = null;
		String calendarType = null;
		Calendar calendar = null;
		for (Part part : leaves) {
			if (part.isMimeType("text/plain")) {
				text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html")) {
				html = (String) part.getContent();
			}
			else if (part.isMimeType("text/calendar")) {
				calendarType = part.getContentType();
				calendar = new CalendarBuilder().build(new ByteArrayInputStream(bytes(part)));
			}
		}
		return new MailParts(text, html, calendarType, calendar);
	}

	private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, leaves);
			}
		}
		else {
			leaves.add(part);
		}
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream(); var out = new ByteArrayOutputStream()) {
			in.transferTo(out);
			return out.toByteArray();
		}
	}
}
