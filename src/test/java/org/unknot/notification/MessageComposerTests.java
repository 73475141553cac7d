package org.unknot.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.unknot.calendar.AppointmentDetails;
import org.unknot.calendar.CalendarInvitations;
import org.unknot.calendar.CalendarProperties;
import org.unknot.packages.CreditUse;

class MessageComposerTests {

	static final URI JOIN = URI.create("https://unknot.example/visits/1/join?token=secret");

	final MessageComposer composer = new MessageComposer(
			new CalendarInvitations(Clock.systemUTC(), "Unknot", "appointments@unknot.example"),
			new CalendarProperties("Unknot", "appointments@unknot.example"), new MessageTemplates());

	@Test
	void aVideoVisitsConfirmationReminderAndTextCarryTheJoinLink() {
		AppointmentDetails visit = video(Instant.parse("2027-11-08T15:00:00Z"));

		assertThat(composer.email(MessageKind.BOOKED, visit).text()).contains(JOIN.toString())
			.contains("Monday, November 8, 2027 at 10:00 AM EST");
		assertThat(composer.email(MessageKind.REMINDER, visit).html()).contains(JOIN.toString().replace("&", "&amp;"));
		assertThat(composer.sms(MessageKind.REMINDER, visit))
			.isEqualTo("Unknot: reminder: video visit, Mon, Nov 8, 10:00 AM EST. Join: " + JOIN);
	}

	@Test
	void aCancellationCarriesNoJoinLinkAndTheCancelInvitation() {
		MessageComposer.Email email = composer.email(MessageKind.CANCELLED,
				video(Instant.parse("2027-03-14T14:00:00Z")));

		assertThat(email.text()).doesNotContain(JOIN.toString()).contains("Sunday, March 14, 2027 at 10:00 AM EDT");
		assertThat(email.calendarType()).isEqualTo(CalendarInvitations.CANCEL_TYPE);
	}

	@Test
	void aVideoSeriesConfirmationGivesEachVisitItsOwnJoinLink() {
		URI otherJoin = URI.create("https://unknot.example/visits/2/join?token=other");
		AppointmentDetails first = video(Instant.parse("2027-11-01T14:00:00Z"));
		AppointmentDetails second = new AppointmentDetails(UUID.randomUUID(), 0, Instant.parse("2027-11-08T15:00:00Z"),
				Instant.parse("2027-11-08T15:30:00Z"), ZoneId.of("America/New_York"), null, null, "(973) 555-0100",
				first.organizer(), first.attendee(), otherJoin);

		MessageComposer.Email email = composer.seriesEmail(List.of(first, second));

		assertThat(email.subject()).isEqualTo("Your 2 appointments are booked, from Mon, Nov 1, 10:00 AM EDT");
		assertThat(email.text()).contains("Where: Video visits")
			.contains("1. Monday, November 1, 2027 at 10:00 AM EDT\n     Join: " + JOIN)
			.contains("2. Monday, November 8, 2027 at 10:00 AM EST\n     Join: " + otherJoin)
			.contains("A reminder comes before each visit.");
		assertThat(email.calendarType()).isEqualTo(CalendarInvitations.REQUEST_TYPE);
		assertThat(composer.seriesSms(List.of(first, second))).isEqualTo("Unknot: 2 visits booked: video visit, "
				+ "Mon, Nov 1, 10:00 AM EDT; Mon, Nov 8, 10:00 AM EST. Each reminder carries its join link.");
	}

	@Test
	void aSeriesOfOneReadsLikeAnyConfirmation() {
		MessageComposer.Email email = composer.seriesEmail(List.of(video(Instant.parse("2027-03-15T14:00:00Z"))));

		assertThat(email.subject()).isEqualTo("Your appointment is booked: Mon, Mar 15, 10:00 AM EDT");
		assertThat(email.text()).contains("The attached invitation puts it in your calendar.");
	}

	@Test
	void escapesWhatPatientsTypedInTheHtmlBody() {
		var visit = new AppointmentDetails(UUID.randomUUID(), 0, Instant.parse("2027-03-15T14:00:00Z"),
				Instant.parse("2027-03-15T15:00:00Z"), ZoneId.of("America/New_York"), "Unknot Montclair",
				"12 Church Street", null, new AppointmentDetails.Participant("Unknot", "appointments@unknot.example"),
				new AppointmentDetails.Participant("<script>alert(1)</script>", "x@example.org"), null);

		assertThat(composer.email(MessageKind.BOOKED, visit).html()).doesNotContain("<script>")
			.contains("&lt;script&gt;");
	}

	@Test
	void aConfirmationPaidWithACreditSaysHowManyRemainWithoutNamingThePackage() {
		AppointmentDetails visit = video(Instant.parse("2027-03-15T14:00:00Z"));
		MessageComposer withCredits = composerSpending(Map.of(visit.appointmentId(), 4));

		MessageComposer.Email email = withCredits.email(MessageKind.BOOKED, visit);

		assertThat(email.text())
			.contains("A credit from your package pays for this visit: 4 credits left in it, "
					+ "valid until Thursday, September 30, 2027.")
			.doesNotContain("massage");
		assertThat(email.html()).contains("4 credits left").doesNotContain("massage");
		assertThat(withCredits.email(MessageKind.REMINDER, visit).text()).doesNotContain("credit");
		assertThat(composer.email(MessageKind.BOOKED, visit).text()).doesNotContain("credit");
	}

	@Test
	void aSeriesConfirmationSaysHowManyOfItsVisitsCreditsPayFor() {
		AppointmentDetails first = video(Instant.parse("2027-03-15T14:00:00Z"));
		AppointmentDetails second = video(Instant.parse("2027-03-22T14:00:00Z"));
		AppointmentDetails third = video(Instant.parse("2027-03-29T14:00:00Z"));
		MessageComposer withCredits = composerSpending(Map.of(first.appointmentId(), 1, second.appointmentId(), 0));

		String text = withCredits.seriesEmail(List.of(first, second, third)).text();

		assertThat(text).contains("Credits from your package pay for 2 of these visits: no credits left in it")
			.doesNotContain("massage");
	}

	/** A composer for which each listed visit spent a credit, leaving so many. */
	static MessageComposer composerSpending(Map<UUID, Integer> left) {
		Instant validUntil = Instant.parse("2027-10-01T03:59:00Z");
		return new MessageComposer(new CalendarInvitations(Clock.systemUTC(), "Unknot", "appointments@unknot.example"),
				new CalendarProperties("Unknot", "appointments@unknot.example"), new MessageTemplates(),
				visit -> java.util.Optional.ofNullable(left.get(visit))
					.map(remaining -> new CreditUse(visit, UUID.randomUUID(), "6 x 60-minute massage", remaining,
							validUntil)));
	}

	static AppointmentDetails video(Instant start) {
		return new AppointmentDetails(UUID.randomUUID(), 0, start, start.plusSeconds(1800),
				ZoneId.of("America/New_York"), null, null, "(973) 555-0100",
				new AppointmentDetails.Participant("Unknot", "appointments@unknot.example"),
				new AppointmentDetails.Participant("Ada Lane", "ada@example.org"), JOIN);
	}

}
