package org.unknot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.calendar.CalendarInvitations;
import org.unknot.calendar.CalendarProperties;
import org.unknot.system.SiteAddress;

/**
 * The wording of every message comes from its templates, reads word for word as it did
 * when it was written in Java, and says nothing about anyone's health.
 */
class MessageTemplatesTests {

	static final String WHEN = "Monday, March 15, 2027 at 10:00 AM EDT";

	static final URI JOIN = URI.create("https://unknot.example/visits/1/join?token=secret");

	final MessageTemplates templates = new MessageTemplates();

	final CalendarProperties calendar = new CalendarProperties("Unknot", "appointments@unknot.example");

	final SiteAddress site = new SiteAddress(URI.create("https://unknot.example"));

	final MessageComposer composer = new MessageComposer(
			new CalendarInvitations(Clock.systemUTC(), "Unknot", "appointments@unknot.example"), calendar, templates);

	final Notifications notifications = new Notifications(null, null, Clock.systemUTC(), templates);

	final SignInLinkMessages signInLinks = new SignInLinkMessages(notifications, templates, site);

	final RegistrationMessages registrations = new RegistrationMessages(notifications, templates, site);

	@Nested
	class AboutAVisit {

		@Test
		void aConfirmationReadsAsBefore() {
			MessageComposer.Email email = composer.email(MessageKind.BOOKED, inPerson("2027-03-15T14:00:00Z"));

			assertThat(email.subject()).isEqualTo("Your appointment is booked: Mon, Mar 15, 10:00 AM EDT");
			assertThat(email.text()).isEqualTo("Hello Ada Lane,\n\nYour appointment is booked.\n\n  When: " + WHEN
					+ "\n  Where: Unknot Montclair, 12 Church Street\n\n"
					+ "The attached invitation puts it in your calendar.\nTo change or cancel, call (973) 555-0100.\n\n"
					+ "Unknot\n");
			assertThat(email.html()).contains("<strong>Your appointment is booked.</strong>")
				.contains("<td>Unknot Montclair, 12 Church Street</td>");
			assertThat(composer.sms(MessageKind.BOOKED, inPerson("2027-03-15T14:00:00Z")))
				.isEqualTo("Unknot: booked: Unknot Montclair, Mon, Mar 15, 10:00 AM EDT.");
		}

		@Test
		void aVideoReminderCarriesTheJoinLink() {
			MessageComposer.Email email = composer.email(MessageKind.REMINDER, video("2027-03-15T14:00:00Z"));

			assertThat(email.subject()).isEqualTo("A reminder of your appointment: Mon, Mar 15, 10:00 AM EDT");
			assertThat(email.text()).isEqualTo("Hello Ada Lane,\n\nA reminder of your appointment.\n\n  When: " + WHEN
					+ "\n  Where: Video visit\n  Join: " + JOIN + " (the link opens 15 minutes before the start)\n\n"
					+ "The attached invitation puts it in your calendar.\nTo change or cancel, call (973) 555-0100.\n\n"
					+ "Unknot\n");
			assertThat(composer.sms(MessageKind.REMINDER, video("2027-03-15T14:00:00Z")))
				.isEqualTo("Unknot: reminder: video visit, Mon, Mar 15, 10:00 AM EDT. Join: " + JOIN);
		}

		@Test
		void aCancellationOfAVideoVisitLeavesTheJoinLinkOut() {
			MessageComposer.Email email = composer.email(MessageKind.CANCELLED, video("2027-03-15T14:00:00Z"));

			assertThat(email.text()).isEqualTo("Hello Ada Lane,\n\nYour appointment is cancelled.\n\n  When: " + WHEN
					+ "\n  Where: Video visit\n\n" + "The attached calendar update removes it from your calendar.\n"
					+ "To change or cancel, call (973) 555-0100.\n\nUnknot\n");
			assertThat(email.html()).doesNotContain(JOIN.toString());
			assertThat(composer.sms(MessageKind.CANCELLED, video("2027-03-15T14:00:00Z")))
				.isEqualTo("Unknot: your appointment on Mon, Mar 15, 10:00 AM EDT is cancelled.");
		}

		@Test
		void aMoveSaysWhereTo() {
			assertThat(composer.email(MessageKind.RESCHEDULED, inPerson("2027-03-15T14:00:00Z")).subject())
				.isEqualTo("Your appointment has moved: Mon, Mar 15, 10:00 AM EDT");
			assertThat(composer.sms(MessageKind.RESCHEDULED, inPerson("2027-03-15T14:00:00Z")))
				.isEqualTo("Unknot: your appointment moved to Mon, Mar 15, 10:00 AM EDT, Unknot Montclair.");
		}

		@Test
		void aSeriesListsEveryVisit() {
			List<AppointmentDetails> visits = List.of(inPerson("2027-03-15T14:00:00Z"),
					inPerson("2027-03-22T14:00:00Z"));

			MessageComposer.Email email = composer.seriesEmail(visits);

			assertThat(email.subject()).isEqualTo("Your 2 appointments are booked, from Mon, Mar 15, 10:00 AM EDT");
			assertThat(email.text()).isEqualTo("Hello Ada Lane,\n\nYour 2 appointments are booked.\n\n"
					+ "  Where: Unknot Montclair, 12 Church Street\n\n  1. " + WHEN
					+ "\n  2. Monday, March 22, 2027 at 10:00 AM EDT\n\n"
					+ "The attached invitation puts all of them in your calendar. A reminder comes before each visit.\n"
					+ "To change or cancel, call (973) 555-0100.\n\nUnknot\n");
			assertThat(composer.seriesSms(visits)).isEqualTo(
					"Unknot: 2 visits booked: Unknot Montclair, Mon, Mar 15, 10:00 AM EDT; Mon, Mar 22, 10:00 AM EDT.");
		}

	}

	@Nested
	class AboutAnAccount {

		@Test
		void theSignInLinkReadsAsBefore() {
			Notifications.Message message = signInLinks.linkEmail("https://unknot.example/sign-in/link/T");

			assertThat(message.subject()).isEqualTo("Your sign-in link for Unknot");
			assertThat(message.text()).isEqualTo("Hello,\n\nuse this link within 10 minutes to sign in to Unknot. "
					+ "It works once:\n\nhttps://unknot.example/sign-in/link/T\n\n"
					+ "If you did not ask for it, ignore this email; nobody can sign in without it.\n");
			assertThat(message.html())
				.contains("<a href=\"https://unknot.example/sign-in/link/T\">Sign in to Unknot</a>");
			assertThat(message.sms()).isNull();
		}

		@Test
		void anAddressWithoutAPatientAccountLearnsHowToOpenOne() {
			Notifications.Message message = signInLinks.unusableEmail();

			assertThat(message.subject()).isEqualTo("Signing in to Unknot");
			assertThat(message.text()).isEqualTo("Hello,\n\nsomeone, probably you, asked for a sign-in link for this "
					+ "address, but no patient account can use one here.\n\n"
					+ "New to Unknot? Open an account: https://unknot.example/register\n"
					+ "Staff sign in with their password and authenticator code.\n\n"
					+ "If you did not ask, ignore this email.\n");
		}

		@Test
		void registeringReadsAsBefore() {
			Notifications.Message finish = registrations.finish("https://unknot.example/register/T");
			Notifications.Message existing = registrations.alreadyRegistered();

			assertThat(finish.subject()).isEqualTo("Open your Unknot account");
			assertThat(finish.text()).isEqualTo("Hello,\n\nto open your Unknot patient account, follow this link "
					+ "within 60 minutes and choose a password. It works once:\n\n"
					+ "https://unknot.example/register/T\n\n"
					+ "If you did not ask for an account, ignore this email; nothing happens without the link.\n");
			assertThat(existing.subject()).isEqualTo("You already have an Unknot account");
			assertThat(existing.text()).isEqualTo("Hello,\n\nsomeone, probably you, asked to open an Unknot account "
					+ "with this address. It has one already, so nothing was changed.\n\n"
					+ "Sign in: https://unknot.example/sign-in\n"
					+ "Forgot your password? Ask for a sign-in link: https://unknot.example/sign-in/link\n\n"
					+ "If you did not ask, ignore this email; your account is as it was.\n");
		}

	}

	@Test
	void aWaitlistOfferReadsAsBefore() {
		Notifications.Message message = notifications.offerMessage(new Notifications.Offer("Ada & Co", WHEN,
				"Mon, Mar 15, 10:00 AM EDT", "9:45 AM EDT", "Unknot Montclair", "https://unknot.example/o?token=T"));

		assertThat(message.subject()).isEqualTo("A time has opened up: Mon, Mar 15, 10:00 AM EDT");
		assertThat(message.text())
			.isEqualTo("Hello Ada & Co,\n\nA time you asked for on the waitlist has opened up:\n\n" + "  When: " + WHEN
					+ "\n  Where: Unknot Montclair\n\n"
					+ "It is held for you until 9:45 AM EDT. To take it, open:\nhttps://unknot.example/o?token=T\n\n"
					+ "If you do nothing, it goes to the next person waiting, and you keep your place on the waitlist.\n");
		assertThat(message.html()).contains("Hello Ada &amp; Co,").contains("<strong>" + WHEN + "</strong>");
		assertThat(message.sms()).isEqualTo("Unknot: a time opened up: Mon, Mar 15, 10:00 AM EDT, Unknot Montclair. "
				+ "Held for you until 9:45 AM EDT: https://unknot.example/o?token=T");
	}

	@Test
	void everyKindHasAMessageThatSaysNothingAboutHealth() {
		List<MessagePreviews.Preview> previews = new MessagePreviews(composer, notifications, signInLinks,
				registrations, calendar, site)
			.all();

		Set<MessageKind> kinds = previews.stream().map(MessagePreviews.Preview::kind).collect(Collectors.toSet());
		assertThat(kinds).containsExactlyInAnyOrder(MessageKind.values());
		assertThat(previews).allSatisfy(preview -> {
			assertThat(preview.subject()).isNotBlank().doesNotContain("\n");
			assertThat(preview.text()).isNotBlank().doesNotContain("[(").doesNotContain("th:");
			assertThat(preview.html()).isNotBlank().doesNotContain("[[").doesNotContain("th:");
			for (String part : new String[] { preview.subject(), preview.text(), preview.html(), preview.sms() }) {
				if (part != null) {
					assertThat(part.toLowerCase()).doesNotContain("massage", "therapy", "pain", "injur", "diagnos",
							"symptom", "treatment", "intake");
				}
			}
		});
		assertThat(previews).filteredOn(preview -> preview.sms() != null)
			.extracting(MessagePreviews.Preview::kind)
			.contains(MessageKind.BOOKED, MessageKind.SERIES_BOOKED, MessageKind.RESCHEDULED, MessageKind.CANCELLED,
					MessageKind.REMINDER, MessageKind.WAITLIST_OFFER);
	}

	static AppointmentDetails inPerson(String start) {
		Instant at = Instant.parse(start);
		return new AppointmentDetails(UUID.randomUUID(), 0, at, at.plusSeconds(3600), ZoneId.of("America/New_York"),
				"Unknot Montclair", "12 Church Street", "(973) 555-0100",
				new AppointmentDetails.Participant("Unknot", "appointments@unknot.example"),
				new AppointmentDetails.Participant("Ada Lane", "ada@example.org"), null);
	}

	static AppointmentDetails video(String start) {
		Instant at = Instant.parse(start);
		return new AppointmentDetails(UUID.randomUUID(), 0, at, at.plusSeconds(1800), ZoneId.of("America/New_York"),
				null, null, "(973) 555-0100",
				new AppointmentDetails.Participant("Unknot", "appointments@unknot.example"),
				new AppointmentDetails.Participant("Ada Lane", "ada@example.org"), JOIN);
	}

}
