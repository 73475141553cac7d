package org.unknot.notification;

import org.unknot.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.unknot.notification.OutboxFixture.newPatient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reminders at exact instants before the visit, replaced when it moves; text messages
 * through a provider's HTTP API; the patient's choice of channel and opt-out; the sent
 * messages page.
 */
@UnknotIntegrationTest
class RemindersAndChannelsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	OutboxFixture fixture;

	OutboxFixture.Place place;

	MovableClock clock;

	@BeforeEach
	void setUp() {
		fixture = new OutboxFixture(context);
		place = fixture.place();
		clock = new MovableClock();
	}

	@Nested
	class Reminders {

		@Test
		void areDueTheirOffsetBeforeTheVisitInRealHoursAcrossSpringForward() {
			// Monday 10:00 EDT; 48 hours earlier is Saturday 09:00 EST, before the clocks
			// changed
			Booked booked = fixture.book(place, "2027-03-15T10:00", newPatient(null));

			assertThat(reminders(booked)).extracting(OutboxMessage::occurrence, OutboxMessage::dueAt)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("PT48H@s0", Instant.parse("2027-03-13T14:00:00Z")),
						org.assertj.core.groups.Tuple.tuple("PT2H@s0", Instant.parse("2027-03-15T12:00:00Z")));
		}

		@Test
		void areDueTheirOffsetBeforeTheVisitInRealHoursAcrossFallBack() {
			// Monday 10:00 EST; 48 hours earlier is Saturday 11:00 EDT
			Booked booked = fixture.book(place, "2027-11-08T10:00", newPatient(null));

			assertThat(reminders(booked)).extracting(OutboxMessage::dueAt)
				.containsExactly(Instant.parse("2027-11-06T15:00:00Z"), Instant.parse("2027-11-08T13:00:00Z"));
		}

		@Test
		void areReplacedWhenTheVisitMovesAndDroppedWhenItIsCancelled() {
			Booked booked = fixture.book(place, "2027-03-15T10:00", newPatient(null));
			fixture.desk.reschedule(booked.appointment().id(), booked.manageToken(),
					OutboxFixture.newYork("2027-03-17T14:00"), null);

			List<OutboxMessage> afterMove = reminders(booked);
			assertThat(afterMove).filteredOn(m -> m.occurrence().endsWith("@s0"))
				.hasSize(2)
				.allSatisfy(m -> assertThat(m.status()).isEqualTo("dropped"));
			assertThat(afterMove).filteredOn(m -> m.occurrence().endsWith("@s1"))
				.extracting(OutboxMessage::dueAt)
				.containsExactly(Instant.parse("2027-03-15T18:00:00Z"), Instant.parse("2027-03-17T16:00:00Z"));

			fixture.desk.cancel(booked.appointment().id(), booked.manageToken(), "patient");
			assertThat(reminders(booked)).allSatisfy(m -> assertThat(m.status()).isEqualTo("dropped"));
		}

		@Test
		void neverGoOutAfterACancellationEvenIfADispatcherHadAlreadyClaimedThem() {
			Booked booked = fixture.book(place, "2027-03-15T10:00", newPatient(null));
			clock.set(Instant.parse("2027-03-13T14:00:00Z"));
			OutboxMessage reminder = reminders(booked).get(0);
			fixture.claimedBy("slow", reminder.id(), clock.instant().plusSeconds(120));

			fixture.desk.cancel(booked.appointment().id(), booked.manageToken(), "patient");
			boolean sent = fixture.dispatcher("slow", clock, new ViewerEmailTransport(), new RecordingSmsTransport())
				.deliver(reminder.id());

			assertThat(sent).isFalse();
			assertThat(reminders(booked)).allSatisfy(m -> {
				assertThat(m.status()).isEqualTo("dropped");
				assertThat(m.sentAt()).isNull();
			});
		}

		@Test
		void thatWouldAlreadyBeDueAtBookingAreNotPlanned() {
			var network = new TestNetwork(fixture.jdbc);
			network.hours(place.therapist(), place.clinic(), List.of(DayOfWeek.values()), LocalTime.of(9, 0),
					LocalTime.of(17, 0));
			LocalDate tomorrow = LocalDate.now(OutboxFixture.NEW_YORK).plusDays(1);
			Booked booked = fixture.desk.book(new SlotRequest(ServiceId.of(TestNetwork.MASSAGE),
					PractitionerId.of(place.therapist()), LocationId.of(place.clinic()),
					tomorrow.atTime(12, 0).atZone(OutboxFixture.NEW_YORK).toInstant()), null, newPatient(null));

			assertThat(reminders(booked)).extracting(OutboxMessage::occurrence).containsExactly("PT2H@s0");
		}

		@Test
		void goOutAtTheirTimeWithTheInvitation() {
			Booked booked = fixture.book(place, "2027-03-15T10:00", newPatient(null));
			var viewer = fixture.dispatcher("reminders", clock, new ViewerEmailTransport(),
					new RecordingSmsTransport());
			viewer.dispatchDue();
			clock.set(Instant.parse("2027-03-13T13:59:00Z"));
			viewer.dispatchDue();
			assertThat(reminders(booked)).allSatisfy(m -> assertThat(m.status()).isEqualTo("pending"));

			clock.set(Instant.parse("2027-03-13T14:00:00Z"));
			viewer.dispatchDue();

			OutboxMessage sent = reminders(booked).get(0);
			assertThat(sent.status()).isEqualTo("sent");
			assertThat(sent.subject()).isEqualTo("A reminder of your appointment: Mon, Mar 15, 10:00 AM EDT");
			assertThat(sent.bodyText()).contains("Monday, March 15, 2027 at 10:00 AM EDT");
		}

	}

	@Test
	void aCancellationByTheClinicDropsTheRemindersAndTellsThePatient() {
		Booked booked = fixture.book(place, "2027-03-15T10:00", newPatient(null));
		fixture.dispatcher("viewer", clock, new ViewerEmailTransport(), new RecordingSmsTransport()).dispatchDue();

		fixture.desk.cancelForClinic(booked.appointment().id(), "practitioner ill");

		assertThat(fixture.about(booked.appointment().id())).filteredOn(m -> m.kind() == MessageKind.CANCELLED)
			.singleElement()
			.satisfies(m -> assertThat(m.status()).isEqualTo("pending"));
		assertThat(reminders(booked)).allSatisfy(m -> assertThat(m.status()).isEqualTo("dropped"));
	}

	@Nested
	class TextMessages {

		HttpServer provider;

		List<Received> received = new CopyOnWriteArrayList<>();

		/**
		 * To whom the provider passed a message on: once per idempotency key, as a
		 * provider honouring it does.
		 */
		List<String> delivered = new CopyOnWriteArrayList<>();

		Set<String> seenKeys = ConcurrentHashMap.newKeySet();

		AtomicInteger answer = new AtomicInteger(202);

		record Received(String authorization, String idempotencyKey, JsonNode body) {
		}

		@BeforeEach
		void startAProvider() throws IOException {
			provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			provider.createContext("/messages", exchange -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				var message = new Received(exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("Idempotency-Key"), json.readTree(body));
				received.add(message);
				if (message.idempotencyKey() == null || seenKeys.add(message.idempotencyKey())) {
					delivered.add(message.body().path("to").asString());
				}
				exchange.sendResponseHeaders(answer.get(), -1);
				exchange.close();
			});
			provider.start();
		}

		@AfterEach
		void stopTheProvider() {
			provider.stop(0);
		}

		SmsTransport http() {
			return new HttpSmsTransport(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/messages"),
					"clinic", "s3cret", "Unknot", Duration.ofSeconds(5));
		}

		@Test
		void goToThePatientsWhoChoseThemThroughTheProvidersApi() {
			PatientDetails patient = patientWho(NotificationPreference.Channels.BOTH, false, "(973) 555-0142");
			Booked booked = fixture.book(place, "2027-03-15T10:00", patient);

			fixture.dispatcher("sms", clock, new ViewerEmailTransport(), http()).dispatchDue();

			OutboxMessage sms = confirmation(booked, Channel.SMS);
			assertThat(sms.status()).isEqualTo("sent");
			assertThat(confirmation(booked, Channel.EMAIL).status()).isEqualTo("sent");
			Received message = received.stream()
				.filter(r -> r.body().path("to").asString().equals("+19735550142"))
				.findFirst()
				.orElseThrow();
			assertThat(message.body().path("text").asString())
				.isEqualTo("Unknot: booked: " + clinicName() + ", Mon, Mar 15, 10:00 AM EDT.");
			assertThat(message.body().path("from").asString()).isEqualTo("Unknot");
			assertThat(message.authorization()).isEqualTo(
					"Basic " + Base64.getEncoder().encodeToString("clinic:s3cret".getBytes(StandardCharsets.UTF_8)));
			assertThat(message.idempotencyKey()).isEqualTo(idempotencyKeyOf(sms));
		}

		@Test
		void aResendAfterACrashCarriesTheSameIdempotencyKeySoTheProviderSendsItOnce() {
			PatientDetails patient = patientWho(NotificationPreference.Channels.SMS, false, "(973) 555-0144");
			Booked booked = fixture.book(place, "2027-03-15T12:00", patient);
			SmsTransport http = http();
			SmsTransport diesOnceTheProviderAnswered = new SmsTransport() {
				@Override
				public String name() {
					return http.name();
				}

				@Override
				public void send(String idempotencyKey, String to, String text) {
					http.send(idempotencyKey, to, text);
					if (to.equals(patient.phone())) {
						throw new DispatcherGuaranteeTests.ProcessKilled();
					}
				}
			};

			assertThatThrownBy(
					() -> fixture.dispatcher("dies", clock, new ViewerEmailTransport(), diesOnceTheProviderAnswered)
						.dispatchDue())
				.isInstanceOf(DispatcherGuaranteeTests.ProcessKilled.class);
			clock.advance(fixture.properties.dispatcher().lease().plusSeconds(1));
			fixture.dispatcher("survivor", clock, new ViewerEmailTransport(), http()).dispatchDue();

			OutboxMessage sms = confirmation(booked, Channel.SMS);
			assertThat(sms.status()).isEqualTo("sent");
			assertThat(sms.resend()).isTrue();
			List<Received> requests = received.stream()
				.filter(r -> r.body().path("to").asString().equals("+19735550144"))
				.toList();
			assertThat(requests).hasSize(2).extracting(Received::idempotencyKey).containsOnly(idempotencyKeyOf(sms));
			assertThat(delivered).filteredOn(to -> to.equals("+19735550144"))
				.as("a provider honouring the key")
				.hasSize(1);
		}

		@Test
		void thatTheProviderRefusesAreRetriedLater() {
			PatientDetails patient = patientWho(NotificationPreference.Channels.SMS, false, "(973) 555-0143");
			Booked booked = fixture.book(place, "2027-03-15T11:00", patient);
			answer.set(503);

			fixture.dispatcher("sms", clock, new ViewerEmailTransport(), http()).dispatchDue();

			OutboxMessage sms = confirmation(booked, Channel.SMS);
			assertThat(sms.status()).isEqualTo("pending");
			assertThat(sms.lastError()).contains("503");
			assertThat(sms.dueAt()).isAfter(clock.instant().plusSeconds(50));
			assertThat(fixture.about(booked.appointment().id())).noneMatch(m -> m.channel() == Channel.EMAIL);
		}

		String clinicName() {
			return "Test clinic " + place.clinic();
		}

	}

	@Nested
	class APatientWhoOptedOut {

		@Test
		void getsNothingPlanned() {
			Booked booked = fixture.book(place, "2027-03-15T10:00",
					patientWho(NotificationPreference.Channels.EMAIL, true, null));

			assertThat(fixture.about(booked.appointment().id())).isEmpty();
		}

		@Test
		void afterBookingGetsNothingThatWasStillToGo() {
			PatientDetails patient = newPatient(null);
			Booked booked = fixture.book(place, "2027-03-15T10:00", patient);
			fixture.patients.setNotificationPreference(booked.appointment().patientId().value(),
					new NotificationPreference(NotificationPreference.Channels.EMAIL, true));

			fixture.dispatcher("opt-out", clock, new ViewerEmailTransport(), new RecordingSmsTransport()).dispatchDue();

			assertThat(confirmation(booked, Channel.EMAIL).status()).isEqualTo("dropped");
			assertThat(confirmation(booked, Channel.EMAIL).droppedWhy()).isEqualTo("the patient opted out");
		}

		@Test
		void choosesThatThroughTheApiWithTheirManageToken() throws Exception {
			Booked booked = fixture.book(place, "2027-03-15T10:00", newPatient(null));
			String path = "/api/v1/appointments/" + booked.appointment().id() + "/notification-preference";

			var ok = put(path, booked.manageToken(), "{\"channels\":\"sms\",\"optedOut\":true}");
			var bad = put(path, booked.manageToken(), "{\"channels\":\"pigeon\"}");
			var stranger = put(path, "not-the-token", "{\"channels\":\"email\"}");

			assertThat(ok.statusCode()).isEqualTo(200);
			assertThat(fixture.patients.notificationPreference(booked.appointment().patientId().value()))
				.isEqualTo(new NotificationPreference(NotificationPreference.Channels.SMS, true));
			assertThat(bad.statusCode()).isEqualTo(422);
			assertThat(bad.body()).contains("channels");
			assertThat(stranger.statusCode()).isEqualTo(404);
		}

	}

	@Test
	void theSentMessagesPageShowsAdminsWhatPatientsReceive() throws Exception {
		Booked booked = fixture.book(place, "2027-03-18T10:00", newPatient(null));
		context.getBean(OutboxDispatcher.class).dispatchDue();
		MockMvc mvc = SecuredMockMvc.of((WebApplicationContext) context);

		var anonymous = mvc.perform(get("/admin/messages")).andReturn().getResponse();
		var frontDesk = mvc.perform(get("/admin/messages").with(user("desk").roles("FRONT_DESK")))
			.andReturn()
			.getResponse();
		var admin = mvc.perform(get("/admin/messages").with(user("admin").roles("ADMIN"))).andReturn().getResponse();

		OutboxMessage sent = confirmation(booked, Channel.EMAIL);
		assertThat(sent.transport()).isEqualTo("viewer");
		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(frontDesk.getStatus()).isEqualTo(403);
		assertThat(admin.getStatus()).isEqualTo(200);
		assertThat(admin.getContentAsString()).contains("Your appointment is booked: Thu, Mar 18, 10:00 AM EDT")
			.contains("Thursday, March 18, 2027 at 10:00 AM EDT")
			.contains(sent.messageId().replace("<", "&lt;").replace(">", "&gt;"))
			.contains("Sent messages · Unknot workspace");
	}

	HttpResponse<String> put(String path, String token, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/json")
				.header("X-Manage-Token", token)
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The key as the provider sees it: the Message-ID's UUID, derived from the outbox key
	 * alone.
	 */
	static String idempotencyKeyOf(OutboxMessage message) {
		String key = OutboxMessages.messageId(message.subjectId(), message.kind(), message.occurrence(),
				message.channel());
		assertThat(key).isEqualTo(message.messageId());
		return key.substring(1, key.indexOf('@'));
	}

	PatientDetails patientWho(NotificationPreference.Channels channels, boolean optedOut, String phone) {
		PatientDetails patient = newPatient(phone);
		var id = fixture.patients.identify(patient);
		fixture.patients.setNotificationPreference(id, new NotificationPreference(channels, optedOut));
		return patient;
	}

	List<OutboxMessage> reminders(Booked booked) {
		return fixture.about(booked.appointment().id()).stream().filter(m -> m.kind() == MessageKind.REMINDER).toList();
	}

	OutboxMessage confirmation(Booked booked, Channel channel) {
		return fixture.about(booked.appointment().id())
			.stream()
			.filter(m -> m.kind() == MessageKind.BOOKED && m.channel() == channel)
			.findFirst()
			.orElseThrow();
	}

}
