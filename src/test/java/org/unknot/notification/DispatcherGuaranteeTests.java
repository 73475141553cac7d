package org.unknot.notification;

import org.unknot.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unknot.notification.OutboxFixture.newPatient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.AppointmentStatus;
import org.unknot.booking.Booked;
import org.unknot.patient.PatientDetails;

/**
 * The dispatcher's promises: a crash mid-send loses nothing; two dispatchers on one
 * database send each message once; a cancellation and a message on its way never cross.
 */
@UnknotIntegrationTest
class DispatcherGuaranteeTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	ApplicationContext context;

	OutboxFixture fixture;

	MovableClock clock;

	Duration lease;

	@BeforeEach
	void setUp() {
		fixture = new OutboxFixture(context);
		clock = new MovableClock();
		lease = fixture.properties.dispatcher().lease();
	}

	@Nested
	class WhenTheDispatcherDiesWhileSending {

		@Test
		void afterClaimingItAndBeforeReachingItItIsSentOnceAfterTheLeaseAndNotCountedAsAResend() throws Exception {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(fixture.place(), "2027-03-15T09:00", patient);
			fixture.claimedBy("died-with-a-full-batch", confirmation(booked).id(), clock.instant().plus(lease));
			var survivor = fixture.dispatcher("survivor", clock, smtp(), new RecordingSmsTransport());

			survivor.dispatchDue();
			assertThat(mailsTo(patient.email())).as("the lease still holds").isEmpty();
			clock.advance(lease.plusSeconds(1));
			survivor.dispatchDue();

			assertThat(mailsTo(patient.email())).hasSize(1);
			assertThat(confirmation(booked).status()).isEqualTo("sent");
			assertThat(confirmation(booked).resend()).as("nothing was handed over before").isFalse();
			assertThat(confirmation(booked).attempts()).isEqualTo(2);
		}

		@Test
		void whileHandingOverButBeforeSmtpTookItItIsSentOnceByAnotherDispatcherAfterTheLease() throws Exception {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(fixture.place(), "2027-03-15T10:00", patient);
			var dying = fixture.dispatcher("dies-before", clock, dies(patient.email(), false),
					new RecordingSmsTransport());
			var survivor = fixture.dispatcher("survivor", clock, smtp(), new RecordingSmsTransport());

			assertThatThrownBy(dying::dispatchDue).isInstanceOf(ProcessKilled.class);
			assertThat(confirmation(booked).status()).isEqualTo("sending");
			assertThat(mailsTo(patient.email())).isEmpty();

			survivor.dispatchDue();
			assertThat(mailsTo(patient.email())).as("the lease still holds").isEmpty();

			clock.advance(lease.plusSeconds(1));
			survivor.dispatchDue();
			survivor.dispatchDue();

			assertThat(mailsTo(patient.email())).hasSize(1);
			OutboxMessage sent = confirmation(booked);
			assertThat(sent.status()).isEqualTo("sent");
			assertThat(sent.resend()).isTrue();
			assertThat(sent.attempts()).isEqualTo(2);
		}

		@Test
		void afterHandingTheMailOverTheResendCarriesTheSameMessageId() throws Exception {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(fixture.place(), "2027-03-15T11:00", patient);
			var dying = fixture.dispatcher("dies-after", clock, dies(patient.email(), true),
					new RecordingSmsTransport());
			var survivor = fixture.dispatcher("survivor", clock, smtp(), new RecordingSmsTransport());

			assertThatThrownBy(dying::dispatchDue).isInstanceOf(ProcessKilled.class);
			assertThat(mailsTo(patient.email())).hasSize(1);
			assertThat(confirmation(booked).status()).isEqualTo("sending");

			clock.advance(lease.plusSeconds(1));
			survivor.dispatchDue();
			survivor.dispatchDue();

			// SMTP has no way to ask whether a mail arrived: the honest guarantee is a
			// second hand-over of
			// the very same message, which mail clients show once because the Message-ID
			// is the same
			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).hasSize(2);
			OutboxMessage row = confirmation(booked);
			assertThat(mails.get(0).getMessageID()).isEqualTo(mails.get(1).getMessageID())
				.isEqualTo(row.messageId())
				.as("derived from the key alone")
				.isEqualTo(
						OutboxMessages.messageId(booked.appointment().id(), MessageKind.BOOKED, "s0", Channel.EMAIL));
			assertThat(MailParts.of(mails.get(1)).text()).isEqualTo(MailParts.of(mails.get(0)).text());
			assertThat(mails.get(1).getSubject()).isEqualTo(mails.get(0).getSubject());
			assertThat(confirmation(booked).status()).isEqualTo("sent");
			assertThat(confirmation(booked).resend()).isTrue();
		}

		@Test
		void aMessageWhoseDispatchersKeepDyingIsGivenUpAfterTheLastAttempt() {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(fixture.place(), "2027-03-15T12:00", patient);
			var dying = fixture.dispatcher("always-dies", clock, dies(patient.email(), false),
					new RecordingSmsTransport());

			for (int attempt = 1; attempt <= fixture.properties.dispatcher().maxAttempts(); attempt++) {
				assertThatThrownBy(dying::dispatchDue).isInstanceOf(ProcessKilled.class);
				clock.advance(lease.plusSeconds(1));
			}
			dying.dispatchDue();

			assertThat(confirmation(booked).status()).isEqualTo("failed");
			assertThat(confirmation(booked).lastError()).contains("stopped while sending");
		}

	}

	@Nested
	class WithTwoDispatchersOnOneDatabase {

		@Test
		void eachMessageIsSentExactlyOnce() throws Exception {
			UUID patient = fixture.patients.identify(newPatient(null));
			List<String> planned = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				UUID subject = UUID.randomUUID();
				fixture.outbox.plan(subject, patient, MessageKind.WAITLIST_OFFER, "offer", Channel.EMAIL,
						clock.instant().minusSeconds(1), null,
						new OutboxMessages.Prepared("Offer " + i, "text " + i, null));
				planned.add(fixture.outbox.about(subject).get(0).messageId());
			}
			Map<String, AtomicInteger> handedOver = new ConcurrentHashMap<>();
			var first = new Counting("first", handedOver);
			var second = new Counting("second", handedOver);

			runTogether(fixture.dispatcher("first", clock, first, new RecordingSmsTransport()),
					fixture.dispatcher("second", clock, second, new RecordingSmsTransport()));

			for (String messageId : planned) {
				assertThat(handedOver.get(messageId)).as(messageId).hasValue(1);
			}
			assertThat(first.count.get()).isPositive();
			assertThat(second.count.get()).isPositive();
		}

		@Test
		void aReminderIsSentOnce() throws Exception {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(fixture.place(), "2027-03-15T10:00", patient);
			Map<String, AtomicInteger> handedOver = new ConcurrentHashMap<>();
			clock.set(Instant.parse("2027-03-13T14:00:00Z"));

			runTogether(
					fixture.dispatcher("first", clock, new Counting("first", handedOver), new RecordingSmsTransport()),
					fixture.dispatcher("second", clock, new Counting("second", handedOver),
							new RecordingSmsTransport()));

			OutboxMessage reminder = fixture.about(booked.appointment().id())
				.stream()
				.filter(m -> m.occurrence().equals("PT48H@s0"))
				.findFirst()
				.orElseThrow();
			assertThat(reminder.status()).isEqualTo("sent");
			assertThat(handedOver.get(reminder.messageId())).hasValue(1);
			assertThat(fixture.about(booked.appointment().id())).filteredOn(m -> m.occurrence().startsWith("PT2H"))
				.singleElement()
				.satisfies(m -> assertThat(m.status()).as("not due yet").isEqualTo("pending"));
		}

	}

	@Nested
	class WhenACancellationMeetsAMessageOnItsWay {

		@Test
		void theCancellationWaitsUntilTheMessageHasGoneOutAndNothingMoreFollowsButTheCancellation() throws Exception {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(fixture.place(), "2027-03-16T10:00", patient);
			var handingOver = new CountDownLatch(1);
			var release = new CountDownLatch(1);
			EmailTransport slow = new EmailTransport() {
				@Override
				public String name() {
					return "slow";
				}

				@Override
				public void send(OutgoingEmail email) {
					handingOver.countDown();
					await(release);
				}
			};
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				Future<Integer> sending = threads
					.submit(() -> fixture.dispatcher("slow", clock, slow, new RecordingSmsTransport()).dispatchDue());
				assertThat(handingOver.await(20, TimeUnit.SECONDS)).isTrue();
				Future<?> cancelling = threads
					.submit(() -> fixture.desk.cancel(booked.appointment().id(), booked.manageToken(), "patient"));
				Thread.sleep(300);
				assertThat(cancelling).as("the cancellation waits for the message on its way").isNotDone();
				release.countDown();
				sending.get(20, TimeUnit.SECONDS);
				cancelling.get(20, TimeUnit.SECONDS);
			}
			finally {
				release.countDown();
				threads.shutdownNow();
			}

			assertThat(fixture.appointments.find(booked.appointment().id()).orElseThrow().status())
				.isEqualTo(AppointmentStatus.CANCELLED);
			List<OutboxMessage> messages = fixture.about(booked.appointment().id());
			assertThat(messages).filteredOn(m -> m.kind() == MessageKind.BOOKED)
				.singleElement()
				.satisfies(m -> assertThat(m.status()).isEqualTo("sent"));
			assertThat(messages).filteredOn(m -> m.kind() == MessageKind.REMINDER)
				.allSatisfy(m -> assertThat(m.status()).isEqualTo("dropped"));
			// the slow dispatcher may pick the cancellation up on its next round once it
			// is committed
			assertThat(messages).filteredOn(m -> m.kind() == MessageKind.CANCELLED)
				.singleElement()
				.satisfies(m -> assertThat(m.status()).isIn("pending", "sent"));
		}

	}

	/** Stands for the process being killed: nothing after it runs, nothing catches it. */
	static final class ProcessKilled extends Error {

		ProcessKilled() {
			super("killed");
		}

	}

	/**
	 * A transport that kills the process at one recipient's mail, before or after handing
	 * it to SMTP.
	 */
	EmailTransport dies(String recipient, boolean afterHandingOver) {
		EmailTransport smtp = smtp();
		return new EmailTransport() {
			@Override
			public String name() {
				return "smtp";
			}

			@Override
			public void send(OutgoingEmail email) {
				boolean victim = email.to().equals(recipient);
				if (victim && !afterHandingOver) {
					throw new ProcessKilled();
				}
				smtp.send(email);
				if (victim) {
					throw new ProcessKilled();
				}
			}
		};
	}

	/**
	 * Counts hand-overs per Message-ID, slowly enough for two dispatchers to interleave.
	 */
	static final class Counting implements EmailTransport {

		final String name;

		final Map<String, AtomicInteger> handedOver;

		final AtomicInteger count = new AtomicInteger();

		Counting(String name, Map<String, AtomicInteger> handedOver) {
			this.name = name;
			this.handedOver = handedOver;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public void send(OutgoingEmail email) {
			handedOver.computeIfAbsent(email.messageId(), id -> new AtomicInteger()).incrementAndGet();
			count.incrementAndGet();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static void runTogether(OutboxDispatcher first, OutboxDispatcher second) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			var start = new CountDownLatch(1);
			Future<Integer> a = threads.submit(() -> {
				await(start);
				return first.dispatchDue();
			});
			Future<Integer> b = threads.submit(() -> {
				await(start);
				return second.dispatchDue();
			});
			start.countDown();
			a.get(60, TimeUnit.SECONDS);
			b.get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	EmailTransport smtp() {
		return OutboxFixture.smtp(smtp.getSmtp().getPort());
	}

	OutboxMessage confirmation(Booked booked) {
		return fixture.about(booked.appointment().id())
			.stream()
			.filter(m -> m.kind() == MessageKind.BOOKED)
			.findFirst()
			.orElseThrow();
	}

	static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				return Arrays.stream(mail.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

}
