package org.unknot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CalendarInvitationsTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	final CalendarInvitations invitations = new CalendarInvitations(
			Clock.fixed(Instant.parse("2027-01-10T12:00:00Z"), ZoneOffset.UTC), "Unknot",
			"appointments@unknot.example");

	final UUID id = UUID.fromString("6f1c2a2e-1111-4c4c-9a9a-0123456789ab");

	@Nested
	class AnInvitation {

		@Test
		void isARequestWithAStableUidOrganizerAndAttendee() throws Exception {
			VEvent event = event(parse(invitations.request(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 0))));
			Calendar calendar = parse(invitations.request(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 0)));

			assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
			assertThat(value(event, Property.UID)).isEqualTo(id + "@unknot");
			assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
			assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:appointments@unknot.example");
			assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:ada@example.org");
			assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
			assertThat(value(event, Property.DTSTAMP)).isEqualTo("20270110T120000Z");
			assertThat(event.getProperties(Property.DTSTAMP)).hasSize(1);
			assertThat(calendar.validate().getEntries()).isEmpty();
		}

		@Test
		void carriesTheClinicZoneAsVTimezoneAndLocalTimes() throws Exception {
			byte[] bytes = invitations.request(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 0));
			Calendar calendar = parse(bytes);

			List<VTimeZone> zones = calendar.getComponents(VTimeZone.VTIMEZONE);
			assertThat(zones).singleElement()
				.satisfies(zone -> assertThat(value(zone, Property.TZID)).isEqualTo("America/New_York"));
			assertThat(text(bytes)).contains("DTSTART;TZID=America/New_York:20270315T100000")
				.contains("DTEND;TZID=America/New_York:20270315T110000");
		}

		@Test
		void writesTheSameZoneEveryTimeThoughItIsLoadedOnce() throws Exception {
			byte[] first = invitations.request(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 0));
			byte[] second = invitations.request(inMontclair(Instant.parse("2027-11-08T15:00:00Z"), 2));

			assertThat(zoneBlock(second)).isEqualTo(zoneBlock(first)).contains("TZID:America/New_York");
			assertThat(parse(second).validate().getEntries()).isEmpty();
			assertThat(text(second)).contains("DTSTART;TZID=America/New_York:20271108T100000");
		}

		private static String zoneBlock(byte[] calendar) {
			String text = text(calendar);
			return text.substring(text.indexOf("BEGIN:VTIMEZONE"), text.indexOf("END:VTIMEZONE"));
		}

		@Test
		void saysWhereButNeverWhatFor() throws Exception {
			VEvent event = event(parse(invitations.request(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 0))));

			assertThat(value(event, Property.SUMMARY)).isEqualTo("Appointment at Unknot Montclair");
			assertThat(value(event, Property.DESCRIPTION)).contains("Monday, March 15, 2027 at 10:00 AM EDT")
				.doesNotContain("America/New_York")
				.contains("(973) 555-0100")
				.doesNotContainIgnoringCase("massage")
				.doesNotContainIgnoringCase("pain");
		}

		@Test
		void ofAVideoVisitCarriesItsJoinLink() throws Exception {
			var visit = new AppointmentDetails(id, 0, Instant.parse("2027-03-15T14:00:00Z"),
					Instant.parse("2027-03-15T14:30:00Z"), NEW_YORK, null, null, "(973) 555-0100", organizer(),
					patient(), URI.create("https://unknot.example/visits/" + id + "/join?token=abc"));
			VEvent event = event(parse(invitations.request(visit)));

			assertThat(value(event, Property.SUMMARY)).isEqualTo("Video visit with Unknot");
			assertThat(value(event, Property.URL)).isEqualTo(visit.joinLink().toString());
			assertThat(value(event, Property.LOCATION)).isEqualTo(visit.joinLink().toString());
			assertThat(value(event, Property.DESCRIPTION)).contains(visit.joinLink().toString());
		}

	}

	@Nested
	class AcrossDaylightSavingChanges {

		@Test
		void aVisitOnTheSpringForwardDayIsAtItsLocalTime() throws Exception {
			// 2027-03-14: clocks go from 02:00 EST to 03:00 EDT; 10:00 EDT is 14:00 UTC
			Instant start = Instant.parse("2027-03-14T14:00:00Z");
			byte[] bytes = invitations.request(inMontclair(start, 0));

			assertThat(text(bytes)).contains("DTSTART;TZID=America/New_York:20270314T100000");
			assertThat(startOf(event(parse(bytes)))).isEqualTo(start);
		}

		@Test
		void aVisitTheDayBeforeSpringForwardIsStillInStandardTime() throws Exception {
			Instant start = Instant.parse("2027-03-13T15:00:00Z");
			byte[] bytes = invitations.request(inMontclair(start, 0));

			assertThat(text(bytes)).contains("DTSTART;TZID=America/New_York:20270313T100000");
			assertThat(startOf(event(parse(bytes)))).isEqualTo(start);
		}

		@Test
		void aVisitOnTheFallBackDayIsAtItsLocalTime() throws Exception {
			// 2027-11-07: clocks go from 02:00 EDT back to 01:00 EST; 10:00 EST is 15:00
			// UTC
			Instant start = Instant.parse("2027-11-07T15:00:00Z");
			byte[] bytes = invitations.request(inMontclair(start, 0));

			assertThat(text(bytes)).contains("DTSTART;TZID=America/New_York:20271107T100000");
			assertThat(startOf(event(parse(bytes)))).isEqualTo(start);
		}

		@Test
		void aVisitTheDayBeforeFallBackIsStillInDaylightTime() throws Exception {
			Instant start = Instant.parse("2027-11-06T14:00:00Z");
			byte[] bytes = invitations.request(inMontclair(start, 0));

			assertThat(text(bytes)).contains("DTSTART;TZID=America/New_York:20271106T100000");
			assertThat(startOf(event(parse(bytes)))).isEqualTo(start);
		}

	}

	@Nested
	class AfterARescheduleAndACancellation {

		@Test
		void theUpdateKeepsTheUidAndRaisesTheSequence() throws Exception {
			VEvent first = event(parse(invitations.request(inMontclair(Instant.parse("2027-03-12T15:00:00Z"), 0))));
			VEvent moved = event(parse(invitations.request(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 1))));

			assertThat(value(moved, Property.UID)).isEqualTo(value(first, Property.UID));
			assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
			assertThat(startOf(moved)).isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
		}

		@Test
		void theCancellationIsMethodCancelWithTheSameUid() throws Exception {
			Calendar request = parse(invitations.request(inMontclair(Instant.parse("2027-11-07T15:00:00Z"), 2)));
			Calendar cancel = parse(invitations.cancel(inMontclair(Instant.parse("2027-11-07T15:00:00Z"), 2)));

			assertThat(value(cancel, Property.METHOD)).isEqualTo("CANCEL");
			assertThat(value(event(cancel), Property.UID)).isEqualTo(value(event(request), Property.UID));
			assertThat(value(event(cancel), Property.STATUS)).isEqualTo("CANCELLED");
			assertThat(value(event(cancel), Property.SEQUENCE)).isEqualTo("2");
		}

	}

	@Nested
	class OneInvitationForASeries {

		final UUID second = UUID.fromString("6f1c2a2e-2222-4c4c-9a9a-0123456789ab");

		@Test
		void holdsOneEventPerVisitEachUnderItsOwnUidAndSequenceWithOneTimezone() throws Exception {
			// the Sunday of the spring change, and the Sunday of the autumn one, both at
			// 10:00 local
			Calendar calendar = parse(invitations.request(List.of(inMontclair(Instant.parse("2027-03-14T14:00:00Z"), 0),
					visit(second, Instant.parse("2027-11-07T15:00:00Z"), 2))));

			assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
			assertThat(calendar.<VTimeZone>getComponents(VTimeZone.VTIMEZONE)).hasSize(1);
			List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
			assertThat(events).extracting(event -> value(event, Property.UID))
				.containsExactly(id + "@unknot", second + "@unknot");
			assertThat(events).extracting(event -> value(event, Property.SEQUENCE)).containsExactly("0", "2");
			assertThat(events).extracting(CalendarInvitationsTests::startOf)
				.containsExactly(Instant.parse("2027-03-14T14:00:00Z"), Instant.parse("2027-11-07T15:00:00Z"));
			assertThat(calendar.validate().getEntries()).isEmpty();
		}

		@Test
		void givesEachEventTheSameContentAsItsOwnInvitation() throws Exception {
			AppointmentDetails visit = visit(second, Instant.parse("2027-03-22T14:00:00Z"), 1);
			VEvent alone = event(parse(invitations.request(visit)));
			VEvent together = parse(
					invitations.request(List.of(inMontclair(Instant.parse("2027-03-15T14:00:00Z"), 0), visit)))
				.<VEvent>getComponents(VEvent.VEVENT)
				.get(1);

			assertThat(together.toString()).isEqualTo(alone.toString());
		}

		AppointmentDetails visit(UUID appointment, Instant start, int sequence) {
			return new AppointmentDetails(appointment, sequence, start, start.plusSeconds(3600), NEW_YORK,
					"Unknot Montclair", "12 Church Street, Montclair, NJ 07042", "(973) 555-0100", organizer(),
					patient(), null);
		}

	}

	@Test
	void aFeedPublishesEveryVisitWithItsOwnTitle() throws Exception {
		Calendar feed = parse(invitations.feed("Dr Test",
				List.of(inMontclair(Instant.parse("2027-03-14T14:00:00Z"), 0),
						inMontclair(Instant.parse("2027-11-07T15:00:00Z"), 0)),
				List.of("Visit: A. L.", "Visit: B. K.")));

		assertThat(value(feed, Property.METHOD)).isEqualTo("PUBLISH");
		List<VEvent> events = feed.getComponents(VEvent.VEVENT);
		assertThat(events).extracting(event -> value(event, Property.SUMMARY))
			.containsExactly("Visit: A. L.", "Visit: B. K.");
		assertThat(events).extracting(CalendarInvitationsTests::startOf)
			.containsExactly(Instant.parse("2027-03-14T14:00:00Z"), Instant.parse("2027-11-07T15:00:00Z"));
	}

	@Nested
	class ADownload {

		final String manage = "https://unknot.example/visits/" + id + "?token=abc";

		@Test
		void isPublishedNamingTheTreatmentAndWhereWithTheManageLinkAndNoAttendee() throws Exception {
			Calendar download = parse(invitations.download(inMontclair(Instant.parse("2026-12-16T16:15:00Z"), 0),
					"Swedish massage, 60 minutes", manage));

			assertThat(value(download, Property.METHOD)).isEqualTo("PUBLISH");
			VEvent event = event(download);
			assertThat(value(event, Property.SUMMARY)).isEqualTo("Swedish massage, 60 minutes at Unknot Montclair");
			assertThat(value(event, Property.DESCRIPTION)).endsWith("To change or cancel: " + manage);
			assertThat(value(event, Property.UID)).isEqualTo(id + "@unknot");
			assertThat(event.getProperties(Property.ATTENDEE)).isEmpty();
			assertThat(download.validate().getEntries()).isEmpty();
		}

	}

	AppointmentDetails inMontclair(Instant start, int sequence) {
		return new AppointmentDetails(id, sequence, start, start.plusSeconds(3600), NEW_YORK, "Unknot Montclair",
				"12 Church Street, Montclair, NJ 07042", "(973) 555-0100", organizer(), patient(), null);
	}

	static AppointmentDetails.Participant organizer() {
		return new AppointmentDetails.Participant("Unknot", "appointments@unknot.example");
	}

	static AppointmentDetails.Participant patient() {
		return new AppointmentDetails.Participant("Ada Lane", "ada@example.org");
	}

	static Calendar parse(byte[] bytes) throws IOException, ParserException {
		return new CalendarBuilder().build(new ByteArrayInputStream(bytes));
	}

	static VEvent event(Calendar calendar) {
		List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	static Instant startOf(VEvent event) {
		Temporal start = event.getDateTimeStart().getDate();
		return Instant.from(start);
	}

	static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
		return container.getProperty(name).map(Property::getValue).orElse(null);
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8).replace("\r\n ", "");
	}

}
