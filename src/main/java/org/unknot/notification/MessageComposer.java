package org.unknot.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.calendar.CalendarInvitations;

/**
 * Writes what patients read about their visit: always in the clinic's local time with the zone named,
 * never the kind of care (emails and texts are read on shared screens and lock screens).
 */
@Component
class MessageComposer {

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", Locale.US);
	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private final CalendarInvitations invitations;
	private final String network;

	MessageComposer(CalendarInvitations invitations, org.unknot.calendar.CalendarProperties calendar) {
		this.invitations = invitations;
		this.network = calendar.network();
	}

	Email email(MessageKind kind, AppointmentDetails visit) {
		String when = CalendarInvitations.localTime(visit.start(), visit.zone());
		String headline = switch (kind) {
			case BOOKED -> "Your appointment is booked";
			case RESCHEDULED -> "Your appointment has moved";
			case CANCELLED -> "Your appointment is cancelled";
			case REMINDER -> "A reminder of your appointment";
			case WAITLIST_OFFER, SIGN_IN_LINK, REGISTRATION -> throw new IllegalArgumentException(kind + " messages are written by their sender");
		};
		String subject = headline + ": " + shortTime(visit.start(), visit.zone());
		StringBuilder text = new StringBuilder();
		StringBuilder html = new StringBuilder();
		text.append("Hello ").append(visit.attendee().name()).append(",\n\n").append(headline).append(".\n\n");
		html.append("<!doctype html><html><body><p>Hello ").append(esc(visit.attendee().name())).append(",</p><p><strong>")
			.append(esc(headline)).append(".</strong></p><table>");
		line(text, html, "When", when);
		if (visit.video()) {
			line(text, html, "Where", "Video visit");
			if (kind != MessageKind.CANCELLED) {
				line(text, html, "Join", visit.joinLink() + " (the link opens 15 minutes before the start)");
			}
		}
		else {
			line(text, html, "Where", visit.place() + ", " + visit.address());
		}
		html.append("</table>");
		String closing = kind == MessageKind.CANCELLED
				? "The attached calendar update removes it from your calendar."
				: "The attached invitation puts it in your calendar.";
		text.append('\n').append(closing).append('\n');
		html.append("<p>").append(esc(closing)).append("</p>");
		if (visit.phone() != null) {
			String call = "To change or cancel, call " + visit.phone() + ".";
			text.append(call).append('\n');
			html.append("<p>").append(esc(call)).append("</p>");
		}
		text.append("\n").append(network).append('\n');
		html.append("<p>").append(esc(network)).append("</p></body></html>");
		boolean cancel = kind == MessageKind.CANCELLED;
		return new Email(subject, text.toString(), html.toString(),
				cancel ? invitations.cancel(visit) : invitations.request(visit),
				cancel ? CalendarInvitations.CANCEL_TYPE : CalendarInvitations.REQUEST_TYPE);
	}

	String sms(MessageKind kind, AppointmentDetails visit) {
		String when = shortTime(visit.start(), visit.zone());
		String where = visit.video() ? "video visit" : visit.place();
		String text = switch (kind) {
			case BOOKED -> "booked: " + where + ", " + when + ".";
			case RESCHEDULED -> "your appointment moved to " + when + ", " + where + ".";
			case CANCELLED -> "your appointment on " + when + " is cancelled.";
			case REMINDER -> "reminder: " + where + ", " + when + ".";
			case WAITLIST_OFFER, SIGN_IN_LINK, REGISTRATION -> throw new IllegalArgumentException(kind + " messages are written by their sender");
		};
		if (visit.video() && kind != MessageKind.CANCELLED) {
			text += " Join: " + visit.joinLink();
		}
		return network + ": " + text;
	}

	/** e.g. "Mon 15 Mar, 10:00 AM EDT". */
	static String shortTime(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		return SHORT.format(local) + " " + ZONE.format(local);
	}

	private static void line(StringBuilder text, StringBuilder html, String label, String value) {
		text.append("  ").append(label).append(": ").append(value).append('\n');
		html.append("<tr><th align=\"left\">").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
	}

	static String esc(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** An email about a visit, with its calendar part. */
	record Email(String subject, String text, String html, byte[] calendar, String calendarType) {
	}
}
