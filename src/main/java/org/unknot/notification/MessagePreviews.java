package org.unknot.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.unknot.system.Times;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.calendar.CalendarProperties;
import org.unknot.system.SiteAddress;

/**
 * Every kind of message as a patient would read it, written by the same code and
 * templates as the real ones but about a fictional patient and visit, so an admin can
 * read the wording without anyone's data.
 */
@Component
public class MessagePreviews {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	private static final Instant START = Instant.parse("2027-03-15T14:00:00Z");

	private final MessageComposer composer;

	private final Notifications notifications;

	private final SignInLinkMessages signInLinks;

	private final RegistrationMessages registrations;

	private final CalendarProperties calendar;

	private final SiteAddress site;

	MessagePreviews(MessageComposer composer, Notifications notifications, SignInLinkMessages signInLinks,
			RegistrationMessages registrations, CalendarProperties calendar, SiteAddress site) {
		this.composer = composer;
		this.notifications = notifications;
		this.signInLinks = signInLinks;
		this.registrations = registrations;
		this.calendar = calendar;
		this.site = site;
	}

	/** One preview for each kind of message, and for each occasion a kind has. */
	public List<Preview> all() {
		return Stream.of(MessageKind.values()).flatMap(this::of).toList();
	}

	private Stream<Preview> of(MessageKind kind) {
		return switch (kind) {
			case BOOKED, RESCHEDULED, CANCELLED, REMINDER -> Stream.of(visit(kind));
			case SERIES_BOOKED -> Stream.of(series());
			case WAITLIST_OFFER -> Stream.of(new Preview(kind, null, notifications.offerMessage(offer())));
			case SIGN_IN_LINK ->
				Stream.of(new Preview(kind, null, signInLinks.linkEmail(site.link("/sign-in/link/DEMO-TOKEN"))));
			case REGISTRATION -> Stream.of(
					new Preview(kind, "Opening an account", registrations.finish(site.link("/register/DEMO-TOKEN"))),
					new Preview(kind, "Opening an account at an address that has one",
							registrations.alreadyRegistered()),
					new Preview(kind, "Asking for a sign-in link at an address without a patient account",
							signInLinks.unusableEmail()));
			case QUESTIONNAIRE_DUE -> Stream.of(new Preview(kind, null, notifications.questionnaireMessage("Sam",
					site.link("/questionnaires/DEMO-TOKEN"), "Mon, Mar 15, 10:00 AM EDT")));
			case PROVIDER_REPORT ->
				Stream.of(new Preview(kind, null, notifications.providerReportMessage("Dr. Sam Sample", "Ana Ribeiro",
						site.link("/reports/shared/DEMO-TOKEN"), "Mon, Mar 29, 10:00 AM EDT")));
			case PAYMENT_FAILED -> Stream.of(new Preview(kind, null,
					notifications.paymentFailedMessage("Sam", "$25.00", site.link("/account/payments"))));
		};
	}

	private Preview visit(MessageKind kind) {
		AppointmentDetails visit = visitAt(START);
		MessageComposer.Email email = composer.email(kind, visit);
		return new Preview(kind, null,
				new Notifications.Message(email.subject(), email.text(), email.html(), composer.sms(kind, visit)));
	}

	private Preview series() {
		List<AppointmentDetails> visits = List.of(visitAt(START), visitAt(START.plus(Duration.ofDays(7))),
				visitAt(START.plus(Duration.ofDays(14))));
		MessageComposer.Email email = composer.seriesEmail(visits);
		return new Preview(MessageKind.SERIES_BOOKED, null,
				new Notifications.Message(email.subject(), email.text(), email.html(), composer.seriesSms(visits)));
	}

	private AppointmentDetails visitAt(Instant start) {
		return new AppointmentDetails(UUID.nameUUIDFromBytes(start.toString().getBytes()), 0, start,
				start.plus(Duration.ofHours(1)), ZONE, calendar.network() + " Riverside",
				"1 Example Street, Springfield", "(555) 010-0199",
				new AppointmentDetails.Participant(calendar.network(), calendar.organizerEmail()),
				new AppointmentDetails.Participant("Sam Sample", "sam.sample@example.org"), null);
	}

	private Notifications.Offer offer() {
		Instant start = START.plus(Duration.ofDays(1));
		return new Notifications.Offer("Sam", Times.dateTime(start, ZONE), Times.shortDateTime(start, ZONE),
				"9:15 AM EDT", calendar.network() + " Riverside", site.link("/waitlist/offers/DEMO?token=DEMO-TOKEN"));
	}

	/**
	 * A message of one kind written with demo values.
	 *
	 * @param occasion which of the kind's messages this is, where it has more than one
	 */
	public record Preview(MessageKind kind, String occasion, String subject, String text, String html, String sms) {

		Preview(MessageKind kind, String occasion, Notifications.Message message) {
			this(kind, occasion, message.subject(), message.text(), message.html(), message.sms());
		}

	}

}
