package org.unknot.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.unknot.packages.CreditLedger;
import org.unknot.packages.CreditUse;
import org.unknot.system.Times;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.calendar.CalendarInvitations;
import org.unknot.calendar.CalendarProperties;

/**
 * Writes what patients read about their visit, from the templates {@code messages/visit}
 * and {@code messages/series}: always in the clinic's local time with the zone named,
 * never the kind of care (emails and texts are read on shared screens and lock screens).
 */
@Component
class MessageComposer {

	private final CalendarInvitations invitations;

	private final MessageTemplates templates;

	private final String network;

	private final Function<UUID, Optional<CreditUse>> creditSpentOn;

	/**
	 * With the credit ledger where the packages module runs (a test of this module alone
	 * runs without it: nothing is said of credits then).
	 */
	@Autowired
	MessageComposer(CalendarInvitations invitations, CalendarProperties calendar, MessageTemplates templates,
			ObjectProvider<CreditLedger> credits) {
		this(invitations, calendar, templates,
				visit -> Optional.ofNullable(credits.getIfAvailable()).flatMap(ledger -> ledger.spentOn(visit)));
	}

	/** Without packages: no message says anything of credits. */
	MessageComposer(CalendarInvitations invitations, CalendarProperties calendar, MessageTemplates templates) {
		this(invitations, calendar, templates, visit -> Optional.empty());
	}

	MessageComposer(CalendarInvitations invitations, CalendarProperties calendar, MessageTemplates templates,
			Function<UUID, Optional<CreditUse>> creditSpentOn) {
		this.invitations = invitations;
		this.templates = templates;
		this.network = calendar.network();
		this.creditSpentOn = creditSpentOn;
	}

	Email email(MessageKind kind, AppointmentDetails visit) {
		Map<String, Object> values = visitValues(kind, visit);
		if (kind == MessageKind.BOOKED) {
			putCredits(values, List.of(visit));
		}
		values.put("headline", templates.line("visit/headline.txt", values));
		var message = templates.message("visit", values);
		boolean cancel = kind == MessageKind.CANCELLED;
		return new Email(message.subject(), message.text(), message.html(),
				cancel ? invitations.cancel(visit) : invitations.request(visit),
				cancel ? CalendarInvitations.CANCEL_TYPE : CalendarInvitations.REQUEST_TYPE);
	}

	/**
	 * One confirmation for visits booked together (a series): every visit in the clinic's
	 * local time with the zone named, and one invitation holding them all, each under its
	 * own UID.
	 */
	Email seriesEmail(List<AppointmentDetails> visits) {
		Map<String, Object> values = seriesValues(visits);
		putCredits(values, visits);
		values.put("headline", templates.line("series/headline.txt", values));
		var message = templates.message("series", values);
		return new Email(message.subject(), message.text(), message.html(), invitations.request(visits),
				CalendarInvitations.REQUEST_TYPE);
	}

	/**
	 * The text message for visits booked together: each visit's day and time, the zone
	 * named.
	 */
	String seriesSms(List<AppointmentDetails> visits) {
		return templates.line("series/sms.txt", seriesValues(visits));
	}

	String sms(MessageKind kind, AppointmentDetails visit) {
		return templates.line("visit/sms.txt", visitValues(kind, visit));
	}

	private Map<String, Object> visitValues(MessageKind kind, AppointmentDetails visit) {
		if (!kind.aboutAnAppointment()) {
			throw new IllegalArgumentException(kind + " messages are not about one visit");
		}
		Map<String, Object> values = new HashMap<>();
		values.put("kind", kind.name());
		values.put("cancelled", kind == MessageKind.CANCELLED);
		values.put("name", visit.attendee().name());
		values.put("when", Times.dateTime(visit.start(), visit.zone()));
		values.put("shortWhen", Times.shortDateTime(visit.start(), visit.zone()));
		values.put("where", visit.video() ? "video visit" : visit.place());
		putPlace(values, visit);
		return values;
	}

	private Map<String, Object> seriesValues(List<AppointmentDetails> visits) {
		AppointmentDetails first = visits.get(0);
		Map<String, Object> values = new HashMap<>();
		values.put("count", visits.size());
		values.put("name", first.attendee().name());
		values.put("shortWhen", Times.shortDateTime(first.start(), first.zone()));
		values.put("visits", visits.stream().map(SeriesVisit::of).toList());
		putPlace(values, first);
		return values;
	}

	/**
	 * How many of these visits a package credit paid for and how many credits are left in
	 * that package now; never the package's name, which would say what the care is.
	 */
	private void putCredits(Map<String, Object> values, List<AppointmentDetails> visits) {
		List<CreditUse> spent = visits.stream()
			.map(visit -> creditSpentOn.apply(visit.appointmentId()))
			.flatMap(Optional::stream)
			.toList();
		values.put("creditsSpent", spent.size());
		if (!spent.isEmpty()) {
			CreditUse last = spent.get(spent.size() - 1);
			values.put("creditsLeft", last.remaining());
			values.put("creditsValidUntil", Times.day(last.validUntil().atZone(visits.get(0).zone()).toLocalDate()));
		}
	}

	private void putPlace(Map<String, Object> values, AppointmentDetails visit) {
		values.put("video", visit.video());
		values.put("join", visit.video() ? visit.joinLink().toString() : null);
		values.put("place", visit.place());
		values.put("address", visit.address());
		values.put("phone", visit.phone());
		values.put("network", network);
	}

	/** One visit of a series as its messages show it. */
	record SeriesVisit(String when, String shortWhen, String join) {

		static SeriesVisit of(AppointmentDetails visit) {
			return new SeriesVisit(Times.dateTime(visit.start(), visit.zone()),
					Times.shortDateTime(visit.start(), visit.zone()),
					visit.video() ? visit.joinLink().toString() : null);
		}

	}

	/** An email about a visit, with its calendar part. */
	record Email(String subject, String text, String html, byte[] calendar, String calendarType) {
	}

}
