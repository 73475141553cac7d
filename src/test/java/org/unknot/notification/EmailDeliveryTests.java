package org.unknot.notification;

import org.unknot.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unknot.notification.OutboxFixture.newPatient;
import static org.unknot.notification.OutboxFixture.newYork;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.patient.PatientDetails;

/**
 * Booking, moving and cancelling a visit send emails through a real SMTP server
 * (GreenMail on loopback), each with its calendar invitation, in the clinic's local time
 * with the zone named.
 */
@UnknotIntegrationTest
class EmailDeliveryTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	ApplicationContext context;

	OutboxFixture fixture;

	OutboxFixture.Place place;

	MovableClock clock;

	OutboxDispatcher dispatcher;

	PatientDetails patient;

	@BeforeEach
	void setUp() {
		fixture = new OutboxFixture(context);
		place = fixture.place();
		clock = new MovableClock();
		dispatcher = fixture.dispatcher("mail-test", clock, OutboxFixture.smtp(smtp.getSmtp().getPort()),
				new RecordingSmsTransport());
		patient = newPatient(null);
	}

	@Nested
	class ABooking {

		@Test
		void sendsAConfirmationWithTheInvitationAttached() throws Exception {
			Booked booked = fixture.book(place, "2027-03-15T10:00", patient);

			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).hasSize(1);
			MimeMessage mail = mails.get(0);
			assertThat(mail.getSubject()).isEqualTo("Your appointment is booked: Mon, Mar 15, 10:00 AM EDT");
			MailParts parts = MailParts.of(mail);
			assertThat(parts.text()).contains("When: Monday, March 15, 2027 at 10:00 AM EDT")
				.doesNotContain("America/New_York")
				.doesNotContainIgnoringCase("massage");
			assertThat(parts.html()).contains("Monday, March 15, 2027 at 10:00 AM EDT")
				.doesNotContain("America/New_York");
			assertThat(parts.calendarType()).contains("text/calendar").contains("method=REQUEST");
			assertThat(value(parts.calendar(), Property.METHOD)).isEqualTo("REQUEST");
			VEvent event = event(parts);
			assertThat(value(event, Property.UID)).isEqualTo(booked.appointment().id() + "@unknot");
			assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
			assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(newYork("2027-03-15T10:00"));
			assertThat(mail.getMessageID()).isEqualTo(fixture.about(booked.appointment().id())
				.stream()
				.filter(m -> m.kind() == MessageKind.BOOKED)
				.findFirst()
				.orElseThrow()
				.messageId());
		}

		@Test
		void isConfirmedOnceHoweverOftenTheDispatcherRuns() throws Exception {
			fixture.book(place, "2027-03-15T11:00", patient);

			dispatcher.dispatchDue();
			dispatcher.dispatchDue();
			fixture
				.dispatcher("another-instance", clock, OutboxFixture.smtp(smtp.getSmtp().getPort()),
						new RecordingSmsTransport())
				.dispatchDue();

			assertThat(mailsTo(patient.email())).hasSize(1);
		}

	}

	@Nested
	class AMoveAndACancellation {

		@Test
		void sendAnUpdateWithARaisedSequenceAndACancelWithTheSameUid() throws Exception {
			Booked booked = fixture.book(place, "2027-11-05T10:00", patient);
			dispatcher.dispatchDue();
			// across the autumn change: Friday 10:00 EDT to Monday 10:00 EST
			fixture.desk.reschedule(booked.appointment().id(), booked.manageToken(), newYork("2027-11-08T10:00"), null);
			dispatcher.dispatchDue();
			fixture.desk.cancel(booked.appointment().id(), booked.manageToken(), "patient");
			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).hasSize(3);
			MailParts confirmation = MailParts.of(mails.get(0));
			MailParts update = MailParts.of(mails.get(1));
			MailParts cancellation = MailParts.of(mails.get(2));
			String uid = booked.appointment().id() + "@unknot";

			assertThat(mails.get(1).getSubject()).isEqualTo("Your appointment has moved: Mon, Nov 8, 10:00 AM EST");
			assertThat(update.text()).contains("Monday, November 8, 2027 at 10:00 AM EST");
			assertThat(value(event(update), Property.UID)).isEqualTo(uid);
			assertThat(value(event(update), Property.SEQUENCE)).isEqualTo("1");
			assertThat(Instant.from(event(update).getDateTimeStart().getDate())).isEqualTo(newYork("2027-11-08T10:00"))
				.isEqualTo(Instant.parse("2027-11-08T15:00:00Z"));
			assertThat(value(event(confirmation), Property.UID)).isEqualTo(uid);
			assertThat(Instant.from(event(confirmation).getDateTimeStart().getDate()))
				.isEqualTo(Instant.parse("2027-11-05T14:00:00Z"));

			assertThat(mails.get(2).getSubject()).startsWith("Your appointment is cancelled");
			assertThat(cancellation.calendarType()).contains("method=CANCEL");
			assertThat(value(cancellation.calendar(), Property.METHOD)).isEqualTo("CANCEL");
			assertThat(value(event(cancellation), Property.UID)).isEqualTo(uid);
			assertThat(value(event(cancellation), Property.STATUS)).isEqualTo("CANCELLED");
			assertThat(value(event(cancellation), Property.SEQUENCE)).as("raised above the update's").isEqualTo("2");
		}

		@Test
		void aVisitCancelledAfterItsConfirmationWentOutGetsTheCancellation() throws Exception {
			Booked booked = fixture.book(place, "2027-03-16T10:00", patient);
			dispatcher.dispatchDue();
			fixture.desk.cancel(booked.appointment().id(), booked.manageToken(), "patient");

			dispatcher.dispatchDue();

			assertThat(mailsTo(patient.email())).extracting(MimeMessage::getSubject)
				.containsExactly("Your appointment is booked: Tue, Mar 16, 10:00 AM EDT",
						"Your appointment is cancelled: Tue, Mar 16, 10:00 AM EDT");
		}

	}

	@Nested
	class BeforeTheConfirmationWentOut {

		@Test
		void aCancellationSendsNothingAtAll() throws Exception {
			Booked booked = fixture.book(place, "2027-03-16T11:00", patient);
			fixture.desk.cancel(booked.appointment().id(), booked.manageToken(), "patient");

			dispatcher.dispatchDue();

			assertThat(mailsTo(patient.email())).isEmpty();
			assertThat(fixture.about(booked.appointment().id())).isNotEmpty()
				.noneMatch(m -> m.kind() == MessageKind.CANCELLED)
				.allSatisfy(m -> {
					assertThat(m.status()).isEqualTo("dropped");
					assertThat(m.droppedWhy()).isEqualTo("visit cancelled");
				});
		}

		@Test
		void aMoveSendsOneConfirmationForTheNewTimeAndNoMovedMessage() throws Exception {
			// Friday 10:00 EST, moved across the spring change to Monday 10:00 EDT
			Booked booked = fixture.book(place, "2027-03-12T10:00", patient);
			fixture.desk.reschedule(booked.appointment().id(), booked.manageToken(), newYork("2027-03-15T10:00"), null);

			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).singleElement()
				.satisfies(mail -> assertThat(mail.getSubject())
					.isEqualTo("Your appointment is booked: Mon, Mar 15, 10:00 AM EDT"));
			MailParts confirmation = MailParts.of(mails.get(0));
			assertThat(confirmation.text()).contains("Monday, March 15, 2027 at 10:00 AM EDT")
				.doesNotContain("12 March");
			assertThat(value(confirmation.calendar(), Property.METHOD)).isEqualTo("REQUEST");
			VEvent event = event(confirmation);
			assertThat(value(event, Property.UID)).isEqualTo(booked.appointment().id() + "@unknot");
			assertThat(value(event, Property.SEQUENCE)).as("the visit's sequence after one move").isEqualTo("1");
			assertThat(Instant.from(event.getDateTimeStart().getDate()))
				.isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
			assertThat(fixture.about(booked.appointment().id())).filteredOn(m -> m.kind() == MessageKind.BOOKED)
				.extracting(OutboxMessage::occurrence, OutboxMessage::status)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s0", "dropped"),
						org.assertj.core.groups.Tuple.tuple("s1", "sent"));
			assertThat(fixture.about(booked.appointment().id())).noneMatch(m -> m.kind() == MessageKind.RESCHEDULED);
		}

		@Test
		void aConfirmationClaimedButNotYetHandedOverIsStillSupersededByAMove() throws Exception {
			Booked booked = fixture.book(place, "2027-03-12T11:00", patient);
			// a dispatcher has taken the confirmation into its batch and not yet reached
			// it
			OutboxMessage claimed = booked(booked);
			fixture.claimedBy("busy-elsewhere", claimed.id(), clock.instant().plusSeconds(120));
			fixture.desk.reschedule(booked.appointment().id(), booked.manageToken(), newYork("2027-03-15T11:00"), null);

			boolean sentByTheDispatcherThatClaimedIt = fixture
				.dispatcher("busy-elsewhere", clock, OutboxFixture.smtp(smtp.getSmtp().getPort()),
						new RecordingSmsTransport())
				.deliver(claimed.id());
			dispatcher.dispatchDue();

			assertThat(sentByTheDispatcherThatClaimedIt).isFalse();

			assertThat(mailsTo(patient.email())).singleElement()
				.satisfies(mail -> assertThat(mail.getSubject())
					.isEqualTo("Your appointment is booked: Mon, Mar 15, 11:00 AM EDT"));
		}

		@Test
		void aMoveAfterTheConfirmationMayHaveGoneOutIsSentAsAMoveAndTheConfirmationRepeatedAsItWas() throws Exception {
			Booked booked = fixture.book(place, "2027-03-12T12:00", patient);
			EmailTransport smtp = OutboxFixture.smtp(EmailDeliveryTests.smtp.getSmtp().getPort());
			EmailTransport diesOnceSmtpTookIt = new EmailTransport() {
				@Override
				public String name() {
					return "smtp";
				}

				@Override
				public void send(OutgoingEmail email) {
					smtp.send(email);
					if (email.to().equals(patient.email())) {
						throw new DispatcherGuaranteeTests.ProcessKilled();
					}
				}
			};
			assertThatThrownBy(() -> fixture.dispatcher("dies", clock, diesOnceSmtpTookIt, new RecordingSmsTransport())
				.dispatchDue()).isInstanceOf(DispatcherGuaranteeTests.ProcessKilled.class);

			fixture.desk.reschedule(booked.appointment().id(), booked.manageToken(), newYork("2027-03-15T12:00"), null);
			clock.advance(fixture.properties.dispatcher().lease().plusSeconds(1));
			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).extracting(MimeMessage::getSubject)
				.containsExactly("Your appointment is booked: Fri, Mar 12, 12:00 PM EST",
						"Your appointment is booked: Fri, Mar 12, 12:00 PM EST",
						"Your appointment has moved: Mon, Mar 15, 12:00 PM EDT");
			assertThat(mails.get(1).getMessageID()).isEqualTo(mails.get(0).getMessageID());
			MailParts first = MailParts.of(mails.get(0));
			MailParts repeated = MailParts.of(mails.get(1));
			assertThat(repeated.text()).isEqualTo(first.text());
			assertThat(repeated.calendar().toString()).as("the same invitation, DTSTAMP and all")
				.isEqualTo(first.calendar().toString());
			VEvent update = event(MailParts.of(mails.get(2)));
			assertThat(value(update, Property.UID)).isEqualTo(value(event(first), Property.UID));
			assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
			assertThat(booked(booked).resend()).isTrue();
		}

	}

	@Nested
	class WhenSmtpFails {

		@Test
		void theMessageIsRetriedWithBackOffAndThenSentOnce() throws Exception {
			Booked booked = fixture.book(place, "2027-03-17T10:00", patient);
			OutboxDispatcher unreachable = fixture.dispatcher("no-smtp", clock, OutboxFixture.smtp(1),
					new RecordingSmsTransport());

			Instant attempted = clock.instant();
			unreachable.dispatchDue();

			OutboxMessage failed = booked(booked);
			assertThat(failed.status()).isEqualTo("pending");
			assertThat(failed.attempts()).isEqualTo(1);
			assertThat(failed.lastError()).isNotBlank();
			assertThat(failed.dueAt()).isBetween(attempted.plus(Duration.ofMinutes(1)),
					clock.instant().plus(Duration.ofMinutes(1)));

			dispatcher.dispatchDue();
			assertThat(mailsTo(patient.email())).isEmpty();

			clock.advance(Duration.ofMinutes(1));
			dispatcher.dispatchDue();
			assertThat(mailsTo(patient.email())).hasSize(1);
			assertThat(booked(booked).status()).isEqualTo("sent");
			assertThat(booked(booked).attempts()).isEqualTo(2);
		}

	}

	OutboxMessage booked(Booked booked) {
		return fixture.about(booked.appointment().id())
			.stream()
			.filter(m -> m.kind() == MessageKind.BOOKED)
			.findFirst()
			.orElseThrow();
	}

	static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				Address[] to = mail.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(email));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static VEvent event(MailParts parts) {
		List<VEvent> events = parts.calendar().getComponents(VEvent.VEVENT);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
		return container.getProperty(name).map(Property::getValue).orElse(null);
	}

}
