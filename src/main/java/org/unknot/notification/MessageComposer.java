package org.unknot.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.calendar.CalendarInvitations;

/**
 * Writes what patients read about their visit: always in the clinic's local time with the
 * zone named, never the kind of care (emails and texts are read on shared screens and
 * lock screens).
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
			case SERIES_BOOKED, WAITLIST_OFFER, SIGN_IN_LINK, REGISTRATION ->
				throw new IllegalArgumentException(kind + " messages are not about one visit");
		};
		String subject = headline + ": " + shortTime(visit.start(), visit.zone());
		StringBuilder text = new StringBuilder();
		StringBuilder html = new StringBuilder();
		text.append("Hello ").append(visit.attendee().name()).append(",\n\n").append(headline).append(".\n\n");
		html.append("<!doctype html><html><body><p>Hello ")
			.append(esc(visit.attendee().name()))
			.append(",</p><p><strong>")
			.append(esc(headline))
			.append(".</strong></p><table>");
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
		String closing = kind == MessageKind.CANCELLED ? "The attached calendar update removes it from your calendar."
				: "The attached invitation puts it in your calendar.";
		text.append('\n').append(closing).append('\n');
		html.append("<p>").append(esc(closing)).append("</p>");
		footer(visit, text, html);
		boolean cancel = kind == MessageKind.CANCELLED;
		return new Email(subject, text.toString(), html.toString(),
				cancel ? invitations.cancel(visit) : invitations.request(visit),
				cancel ? CalendarInvitations.CANCEL_TYPE : CalendarInvitations.REQUEST_TYPE);
	}

	/**
	 * One confirmation for visits booked together (a series): every visit in the clinic's
	 * local time with the zone named, and one invitation holding them all, each under its
	 * own UID.
	 */
	Email seriesEmail(List<AppointmentDetails> visits) {
		AppointmentDetails first = visits.get(0);
		String headline = visits.size() == 1 ? "Your appointment is booked"
				: "Your " + visits.size() + " appointments are booked";
		String subject = headline + (visits.size() == 1 ? ": " : ", from ") + shortTime(first.start(), first.zone());
		StringBuilder text = new StringBuilder();
		StringBuilder html = new StringBuilder();
		text.append("Hello ").append(first.attendee().name()).append(",\n\n").append(headline).append(".\n\n");
		html.append("<!doctype html><html><body><p>Hello ")
			.append(esc(first.attendee().name()))
			.append(",</p><p><strong>")
			.append(esc(headline))
			.append(".</strong></p><table>");
		line(text, html, "Where", first.video() ? "Video visits" : first.place() + ", " + first.address());
		html.append("</table><ol>");
		text.append('\n');
		for (int i = 0; i < visits.size(); i++) {
			AppointmentDetails visit = visits.get(i);
			String when = CalendarInvitations.localTime(visit.start(), visit.zone());
			text.append("  ").append(i + 1).append(". ").append(when).append('\n');
			html.append("<li>").append(esc(when));
			if (visit.video()) {
				String join = visit.joinLink() + " (opens 15 minutes before the start)";
				text.append("     Join: ").append(join).append('\n');
				html.append("<br>Join: ").append(esc(join));
			}
			html.append("</li>");
		}
		html.append("</ol>");
		String closing = (visits.size() == 1 ? "The attached invitation puts it in your calendar."
				: "The attached invitation puts all of them in your calendar.")
				+ " A reminder comes before each visit.";
		text.append('\n').append(closing).append('\n');
		html.append("<p>").append(esc(closing)).append("</p>");
		footer(first, text, html);
		return new Email(subject, text.toString(), html.toString(), invitations.request(visits),
				CalendarInvitations.REQUEST_TYPE);
	}

	/**
	 * The text message for visits booked together: each visit's day and time, the zone
	 * named.
	 */
	String seriesSms(List<AppointmentDetails> visits) {
		AppointmentDetails first = visits.get(0);
		String where = first.video() ? "video visit" : first.place();
		StringBuilder text = new StringBuilder(network).append(": ");
		text.append(visits.size() == 1 ? "booked: " : visits.size() + " visits booked: ").append(where).append(", ");
		for (int i = 0; i < visits.size(); i++) {
			text.append(i == 0 ? "" : "; ").append(shortTime(visits.get(i).start(), visits.get(i).zone()));
		}
		text.append('.');
		if (first.video()) {
			text.append(" Each reminder carries its join link.");
		}
		return text.toString();
	}

	String sms(MessageKind kind, AppointmentDetails visit) {
		String when = shortTime(visit.start(), visit.zone());
		String where = visit.video() ? "video visit" : visit.place();
		String text = switch (kind) {
			case BOOKED -> "booked: " + where + ", " + when + ".";
			case RESCHEDULED -> "your appointment moved to " + when + ", " + where + ".";
			case CANCELLED -> "your appointment on " + when + " is cancelled.";
			case REMINDER -> "reminder: " + where + ", " + when + ".";
			case SERIES_BOOKED, WAITLIST_OFFER, SIGN_IN_LINK, REGISTRATION ->
				throw new IllegalArgumentException(kind + " messages are not about one visit");
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

	private void footer(AppointmentDetails visit, StringBuilder text, StringBuilder html) {
		if (visit.phone() != null) {
			String call = "To change or cancel, call " + visit.phone() + ".";
			text.append(call).append('\n');
			html.append("<p>").append(esc(call)).append("</p>");
		}
		text.append("\n").append(network).append('\n');
		html.append("<p>").append(esc(network)).append("</p></body></html>");
	}

	private static void line(StringBuilder text, StringBuilder html, String label, String value) {
		text.append("  ").append(label).append(": ").append(value).append('\n');
		html.append("<tr><th align=\"left\">")
			.append(esc(label))
			.append("</th><td>")
			.append(esc(value))
			.append("</td></tr>");
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
