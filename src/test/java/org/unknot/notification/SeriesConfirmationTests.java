package org.unknot.notification;

import org.unknot.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unknot.notification.EmailDeliveryTests.value;
import static org.unknot.notification.OutboxFixture.newPatient;
import static org.unknot.notification.OutboxFixture.newYork;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.SeriesConflicts;
import org.unknot.booking.SeriesDesk;
import org.unknot.booking.SeriesOutcome;
import org.unknot.booking.SeriesRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.NotificationPreference;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

import tools.jackson.databind.ObjectMapper;

/**
 * A series booked at once gets one confirmation listing every visit, with one calendar
 * entry per visit under that visit's own UID; what changes before it goes out is in it,
 * what changes after it follows visit by visit. Reminders stay per visit.
 */
@UnknotIntegrationTest
class SeriesConfirmationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	/** The clocks in New York go forward on this day and back on the other, in 2027. */
	static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 14);
	static final LocalDate FALL_BACK = LocalDate.of(2027, 11, 7);

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

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
		dispatcher = fixture.dispatcher("series-test", clock, smtpTransport(), new RecordingSmsTransport());
		patient = newPatient(null);
	}

	@Nested
	class ABookedSeries {

		@Test
		void getsOneConfirmationListingEveryVisitInLocalTimeAndOneCalendarEntryPerVisit() throws Exception {
			// every other Monday at 9:00 from 1 March to 22 November 2027: across both
			// clock changes
			SeriesOutcome series = book("2027-03-01T09:00", 2, 20);
			assertThat(series.booked()).hasSize(20);

			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).hasSize(1);
			MimeMessage mail = mails.get(0);
			assertThat(mail.getSubject()).isEqualTo("Your 20 appointments are booked, from Mon, Mar 1, 9:00 AM EST");
			MailParts parts = MailParts.of(mail);
			List<LocalDate> days = new ArrayList<>();
			for (int k = 0; k < 20; k++) {
				days.add(LocalDate.of(2027, 3, 1).plusWeeks(2L * k));
			}
			for (int k = 0; k < days.size(); k++) {
				String line = (k + 1) + ". " + longDay(days.get(k)) + " at 9:00 AM " + abbreviation(days.get(k));
				assertThat(parts.text()).contains(line);
				assertThat(parts.html()).contains(line.substring(line.indexOf(". ") + 2));
			}
			assertThat(parts.text()).contains("March 15, 2027 at 9:00 AM EDT")
				.contains("November 8, 2027 at 9:00 AM EST")
				.doesNotContain("America/New_York")
				.doesNotContainIgnoringCase("massage");

			assertThat(parts.calendarType()).contains("method=REQUEST");
			assertThat(value(parts.calendar(), Property.METHOD)).isEqualTo("REQUEST");
			assertThat(parts.calendar().<VTimeZone>getComponents(VTimeZone.VTIMEZONE)).singleElement()
				.satisfies(zone -> assertThat(value(zone, Property.TZID)).isEqualTo("America/New_York"));
			List<VEvent> events = parts.calendar().getComponents(VEvent.VEVENT);
			assertThat(events).extracting(event -> value(event, Property.UID))
				.containsExactlyElementsOf(
						series.booked().stream().map(b -> b.appointment().id() + "@unknot").toList());
			assertThat(events).extracting(event -> value(event, Property.SEQUENCE)).containsOnly("0");
			List<Instant> expectedStarts = days.stream()
				.map(day -> Instant.parse(day + (abbreviation(day).equals("EDT") ? "T13:00:00Z" : "T14:00:00Z")))
				.toList();
			assertThat(events).extracting(SeriesConfirmationTests::startOf).containsExactlyElementsOf(expectedStarts);
		}

		@Test
		void isPlannedOnceForTheSeriesWhileRemindersStayPerVisit() {
			SeriesOutcome series = book("2027-03-01T10:00", 1, 4);

			List<OutboxMessage> aboutTheSeries = fixture.outbox.about(series.seriesId());
			assertThat(aboutTheSeries).singleElement().satisfies(m -> {
				assertThat(m.kind()).isEqualTo(MessageKind.SERIES_BOOKED);
				assertThat(m.channel()).isEqualTo(Channel.EMAIL);
			});
			for (Booked visit : series.booked()) {
				assertThat(fixture.about(visit.appointment().id())).extracting(OutboxMessage::kind)
					.containsExactly(MessageKind.REMINDER, MessageKind.REMINDER);
			}
		}

		@Test
		void isSentOnceByTwoDispatchersRunningTogether() throws Exception {
			SeriesOutcome series = book("2027-03-01T11:00", 1, 6);
			Map<String, AtomicInteger> handedOver = new ConcurrentHashMap<>();

			DispatcherGuaranteeTests.runTogether(
					fixture.dispatcher("first", clock, new DispatcherGuaranteeTests.Counting("first", handedOver),
							new RecordingSmsTransport()),
					fixture.dispatcher("second", clock, new DispatcherGuaranteeTests.Counting("second", handedOver),
							new RecordingSmsTransport()));

			OutboxMessage confirmation = fixture.outbox.about(series.seriesId()).get(0);
			assertThat(confirmation.status()).isEqualTo("sent");
			assertThat(handedOver.get(confirmation.messageId())).hasValue(1);
		}

		@Test
		void throughTheApiTwentySixVisitsMakeOneEmail() throws Exception {
			String email = "series." + TestNetwork.shortId() + "@example.org";
			String body = json.writeValueAsString(Map.of("service", TestNetwork.MASSAGE, "practitioner",
					place.therapist(), "location", place.clinic(), "firstStart", "2027-03-01T12:00:00-05:00", "every",
					"P1W", "count", 26, "allOrNothing", true, "patient",
					Map.of("givenName", "Sam", "familyName", "Weekly", "email", email, "birthDate", "1979-05-05")));

			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/series"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(email);
			assertThat(mails).hasSize(1);
			assertThat(mails.get(0).getSubject())
				.isEqualTo("Your 26 appointments are booked, from Mon, Mar 1, 12:00 PM EST");
			List<String> uids = new ArrayList<>();
			json.readTree(answer.body())
				.path("booked")
				.forEach(visit -> uids.add(visit.path("id").asString() + "@unknot"));
			assertThat(uids).hasSize(26);
			assertThat(MailParts.of(mails.get(0)).calendar().<VEvent>getComponents(VEvent.VEVENT))
				.extracting(event -> value(event, Property.UID))
				.containsExactlyElementsOf(uids);
		}

	}

	@Test
	void aSeriesThatIsRolledBackLeavesNoMessageBehind() {
		UUID patientId = fixture.patients.identify(patient);
		// the fourth Monday is taken, and the series is all or nothing: the first three
		// are booked, with
		// their messages, and then all of it is rolled back
		fixture.book(place, "2027-03-22T09:00", newPatient(null));

		assertThatThrownBy(() -> context.getBean(SeriesDesk.class)
			.book(new SeriesRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(place.therapist()),
					LocationId.of(place.clinic()), newYork("2027-03-01T09:00"), 1, 4, true, patient)))
			.isInstanceOf(SeriesConflicts.class);

		assertThat(fixture.jdbc.sql("SELECT count(*) FROM outbox_message WHERE patient_id = ?")
			.param(patientId)
			.query(Long.class)
			.single()).isZero();
	}

	@Nested
	class BeforeItsConfirmationWentOut {

		@Test
		void cancelledVisitsAreLeftOutAndNothingIsSaidAboutThem() throws Exception {
			SeriesOutcome series = book("2027-03-01T13:00", 1, 4);
			cancel(series.booked().get(1));
			cancel(series.booked().get(3));

			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).singleElement()
				.satisfies(mail -> assertThat(mail.getSubject())
					.isEqualTo("Your 2 appointments are booked, from Mon, Mar 1, 1:00 PM EST"));
			MailParts parts = MailParts.of(mails.get(0));
			assertThat(parts.text()).contains("1. Monday, March 1, 2027 at 1:00 PM EST")
				.contains("2. Monday, March 15, 2027 at 1:00 PM EDT")
				.doesNotContain("8 March")
				.doesNotContain("22 March");
			assertThat(parts.calendar().<VEvent>getComponents(VEvent.VEVENT)).extracting(e -> value(e, Property.UID))
				.containsExactly(uid(series.booked().get(0)), uid(series.booked().get(2)));
			for (Booked cancelled : List.of(series.booked().get(1), series.booked().get(3))) {
				assertThat(fixture.about(cancelled.appointment().id()))
					.noneMatch(m -> m.kind() == MessageKind.CANCELLED)
					.allSatisfy(m -> assertThat(m.status()).isEqualTo("dropped"));
			}
		}

		@Test
		void nothingIsSentWhenEveryVisitWasCancelled() throws Exception {
			SeriesOutcome series = book("2027-03-01T14:00", 1, 2);
			series.booked().forEach(SeriesConfirmationTests.this::cancel);

			dispatcher.dispatchDue();

			assertThat(mailsTo(patient.email())).isEmpty();
			assertThat(fixture.outbox.about(series.seriesId())).singleElement().satisfies(m -> {
				assertThat(m.status()).isEqualTo("dropped");
				assertThat(m.droppedWhy()).isEqualTo("no visit of the series is still booked and ahead");
			});
			series.booked()
				.forEach(visit -> assertThat(fixture.about(visit.appointment().id()))
					.noneMatch(m -> m.kind() == MessageKind.CANCELLED));
		}

		@Test
		void aMovedVisitIsListedAtItsNewTimeWithItsRaisedSequenceAndNoMovedMessage() throws Exception {
			SeriesOutcome series = book("2027-03-01T15:00", 1, 3);
			Booked first = series.booked().get(0);
			fixture.desk.reschedule(first.appointment().id(), first.manageToken(), newYork("2027-03-03T10:00"), null);

			dispatcher.dispatchDue();

			List<MimeMessage> mails = mailsTo(patient.email());
			assertThat(mails).hasSize(1);
			MailParts parts = MailParts.of(mails.get(0));
			assertThat(parts.text()).contains("1. Wednesday, March 3, 2027 at 10:00 AM EST")
				.doesNotContain("March 1, 2027");
			VEvent moved = parts.calendar().<VEvent>getComponents(VEvent.VEVENT).get(0);
			assertThat(value(moved, Property.UID)).isEqualTo(uid(first));
			assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
			assertThat(startOf(moved)).isEqualTo(Instant.parse("2027-03-03T15:00:00Z"));
			assertThat(fixture.about(first.appointment().id())).noneMatch(m -> m.kind() == MessageKind.RESCHEDULED);
		}

	}

	@Test
	void afterItWentOutAMoveAndACancellationUpdateExactlyTheirVisitsEntries() throws Exception {
		SeriesOutcome series = book("2027-03-01T16:00", 1, 3);
		dispatcher.dispatchDue();
		Booked second = series.booked().get(1);
		Booked third = series.booked().get(2);

		fixture.desk.reschedule(second.appointment().id(), second.manageToken(), newYork("2027-03-09T16:00"), null);
		cancel(third);
		dispatcher.dispatchDue();

		List<MimeMessage> mails = mailsTo(patient.email());
		assertThat(mails).extracting(MimeMessage::getSubject)
			.containsExactly("Your 3 appointments are booked, from Mon, Mar 1, 4:00 PM EST",
					"Your appointment has moved: Tue, Mar 9, 4:00 PM EST",
					"Your appointment is cancelled: Mon, Mar 15, 4:00 PM EDT");
		List<VEvent> listed = MailParts.of(mails.get(0)).calendar().getComponents(VEvent.VEVENT);
		VEvent update = EmailDeliveryTests.event(MailParts.of(mails.get(1)));
		VEvent cancellation = EmailDeliveryTests.event(MailParts.of(mails.get(2)));
		assertThat(value(update, Property.UID)).isEqualTo(value(listed.get(1), Property.UID)).isEqualTo(uid(second));
		assertThat(value(update, Property.SEQUENCE)).isEqualTo("1");
		assertThat(value(cancellation, Property.UID)).isEqualTo(value(listed.get(2), Property.UID))
			.isEqualTo(uid(third));
		assertThat(value(MailParts.of(mails.get(2)).calendar(), Property.METHOD)).isEqualTo("CANCEL");
	}

	@Test
	void aPatientWhoChoseTextMessagesGetsOneTextListingEveryVisit() {
		patient = newPatient("(973) 555-0150");
		fixture.patients.setNotificationPreference(fixture.patients.identify(patient),
				new NotificationPreference(NotificationPreference.Channels.SMS, false));
		SeriesOutcome series = book("2027-03-01T09:00", 1, 3);

		fixture.dispatcher("texts", clock, new ViewerEmailTransport(), new RecordingSmsTransport()).dispatchDue();

		assertThat(fixture.outbox.about(series.seriesId())).singleElement().satisfies(m -> {
			assertThat(m.channel()).isEqualTo(Channel.SMS);
			assertThat(m.status()).isEqualTo("sent");
			assertThat(m.bodyText()).isEqualTo("Unknot: 3 visits booked: Test clinic " + place.clinic()
					+ ", Mon, Mar 1, 9:00 AM EST; Mon, Mar 8, 9:00 AM EST; Mon, Mar 15, 9:00 AM EDT.");
		});
	}

	SeriesOutcome book(String firstLocal, int everyWeeks, int count) {
		return context.getBean(SeriesDesk.class)
			.book(new SeriesRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(place.therapist()),
					LocationId.of(place.clinic()), newYork(firstLocal), everyWeeks, count, false, patient));
	}

	void cancel(Booked visit) {
		fixture.desk.cancel(visit.appointment().id(), visit.manageToken(), "patient");
	}

	static String uid(Booked visit) {
		return visit.appointment().id() + "@unknot";
	}

	/**
	 * "Monday, March 1, 2027", written out by hand so the test does not lean on the code
	 * it checks.
	 */
	static String longDay(LocalDate day) {
		String weekday = day.getDayOfWeek().name().charAt(0) + day.getDayOfWeek().name().substring(1).toLowerCase();
		String month = day.getMonth().name().charAt(0) + day.getMonth().name().substring(1).toLowerCase();
		return weekday + ", " + month + " " + day.getDayOfMonth() + ", " + day.getYear();
	}

	/**
	 * New York's zone abbreviation for a 2027 day, from the two dates the clocks change.
	 */
	static String abbreviation(LocalDate day) {
		return !day.isBefore(SPRING_FORWARD) && day.isBefore(FALL_BACK) ? "EDT" : "EST";
	}

	static Instant startOf(VEvent event) {
		return Instant.from(event.getDateTimeStart().getDate());
	}

	EmailTransport smtpTransport() {
		return OutboxFixture.smtp(smtp.getSmtp().getPort());
	}

	static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				Address[] to = mail.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(email));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

}
