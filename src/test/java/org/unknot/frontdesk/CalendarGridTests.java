package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.patient.PatientDetails;
import org.unknot.practitioner.PractitionerId;

/**
 * The front desk's day as a time grid: rows every 15 minutes in the clinic's zone, visits
 * as blocks as tall as they are long with their state in words, and free gaps that open
 * the caller booking at that time.
 */
@UnknotIntegrationTest
class CalendarGridTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	MockMvc mvc;

	TestNetwork network;

	String clinic;

	String therapist;

	@BeforeEach
	void aClinicWithATherapistOnWeekdays() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void showsARowEveryFifteenMinutesOverTheWorkingDay() throws Exception {
		String page = day(MONDAY, "");

		assertThat(count(page, "class=\"grid-time r")).as("09:00 to 17:00 in quarters").isEqualTo(32);
		assertThat(page).contains(">9:00 AM<").contains(">4:00 PM<").doesNotContain(">5:00 PM<");
	}

	@Test
	void drawsAVisitAsABlockAsTallAsItsLengthWithItsStateInWords() throws Exception {
		Booked booked = book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Nell", "Harrow");
		UUID id = booked.appointment().id();

		String booked60 = day(MONDAY, "");
		jdbc.sql("UPDATE appointment SET status = 'checked-in' WHERE id = ?").param(id).update();
		String checkedIn = day(MONDAY, "");

		assertThat(visitBlock(booked60, id)).as("10:00 is the fifth row (grid line 6), 60 minutes span 4 rows")
			.contains("status-booked r6 s4 c2");
		assertThat(booked60).contains("<span class=\"state\">Booked</span>").contains("Nell Harrow");
		assertThat(checkedIn).contains("<span class=\"state\">Checked in</span>");
	}

	@Test
	void offersEachFreeGapAsABookingAtThatTimeWithThatPractitioner() throws Exception {
		book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Odile", "Brand");

		String page = day(MONDAY, "");

		assertThat(page).contains(
				"/staff/book?clinic=" + clinic + "&amp;date=2027-03-15&amp;time=09:00&amp;practitioner=" + therapist);
		assertThat(count(page, "class=\"cell free")).as("before and after the visit").isEqualTo(2);
	}

	@Test
	void opensTheCallerBookingWithTheTimeFromTheGridChosen() throws Exception {
		String page = page(get("/staff/book").param("clinic", clinic)
			.param("date", MONDAY.toString())
			.param("time", "11:00")
			.param("practitioner", therapist));

		Matcher checked = Pattern
			.compile("<input type=\"radio\" name=\"slot\" id=\"slot-\\d+\" value=\"([^\"]+)\" checked")
			.matcher(page);
		assertThat(checked.find()).as("a free time is chosen").isTrue();
		assertThat(checked.group(1))
			.isEqualTo(MONDAY.atTime(11, 0).atZone(NEW_YORK).toOffsetDateTime() + "|" + therapist);
		assertThat(page).contains("11:00 AM with Test " + therapist).doesNotContain("11:00 with " + therapist);
	}

	@Test
	void showsRoomsAsColumnsWhenAskedBy() throws Exception {
		book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Pia", "Lowe");

		String page = day(MONDAY, "room");

		assertThat(count(page, "class=\"grid-head")).as("one column per massage room").isEqualTo(2);
		assertThat(page).contains("Pia Lowe").contains("By practitioner");
	}

	@Test
	void showsTheWeekPerPractitionerOrPerRoom() throws Exception {
		book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Quinn", "Abel");

		String byPractitioner = page(get("/staff/calendar").param("clinic", clinic)
			.param("date", MONDAY.plusDays(2).toString())
			.param("view", "week"));
		String byRoom = page(get("/staff/calendar").param("clinic", clinic)
			.param("date", MONDAY.toString())
			.param("view", "week")
			.param("by", "room"));

		assertThat(byPractitioner).contains("Test " + therapist)
			.contains("9:00 AM to 5:00 PM")
			.contains("10:00 AM")
			.contains("Quinn Abel")
			.contains("<span class=\"state\">Booked</span>");
		assertThat(count(byRoom, "<th scope=\"row\"")).as("a line per room").isEqualTo(2);
		assertThat(byRoom).contains("Quinn Abel");
	}

	@Nested
	class WhenAVisitIsMoved {

		@Test
		void asksForConfirmationWhenABlockIsDraggedThere() throws Exception {
			UUID id = book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Rhea", "Sand").appointment().id();

			String page = page(get("/staff/visits/{id}/move/confirm", id).param("slot",
					MONDAY.atTime(14, 0).atZone(NEW_YORK).toOffsetDateTime() + "|" + therapist));

			assertThat(page).contains("Move this visit?")
				.contains("Rhea Sand")
				.contains("Mon, Mar 15, 10:00 AM EDT")
				.contains("Mon, Mar 15, 2:00 PM EDT")
				.contains("name=\"confirm\" value=\"yes\"");
		}

		@Test
		void saysPlainlyWhyATimeOutsideTheWorkingHoursIsRefused() throws Exception {
			UUID id = book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Saul", "Tern").appointment().id();

			String page = refused(id, MONDAY.atTime(19, 0).atZone(NEW_YORK));

			assertThat(page).contains("The visit cannot move to Mon, Mar 15, 7:00 PM EDT with Test " + therapist
					+ ", LMT: the practitioner does not work at that location at that time. Nothing was changed.");
		}

		@Test
		void saysPlainlyWhyATakenTimeIsRefusedAndMovesNothing() throws Exception {
			UUID id = book(MONDAY.atTime(10, 0).atZone(NEW_YORK), "Tova", "Reed").appointment().id();
			book(MONDAY.atTime(13, 0).atZone(NEW_YORK), "Uma", "Vale");

			String page = refused(id, MONDAY.atTime(13, 0).atZone(NEW_YORK));

			assertThat(page).contains("the practitioner is busy then. Nothing was changed.").contains("Free times on");
			assertThat(jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
				.param(id)
				.query(java.time.OffsetDateTime.class)
				.single()
				.toInstant()).isEqualTo(MONDAY.atTime(10, 0).atZone(NEW_YORK).toInstant());
		}

		private String refused(UUID id, ZonedDateTime to) throws Exception {
			MockHttpServletResponse response = mvc
				.perform(post("/staff/visits/{id}/move", id).param("slot", to.toOffsetDateTime() + "|" + therapist)
					.param("confirm", "yes")
					.with(csrf())
					.with(SignedInAs.frontDeskOf(clinic)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(422);
			return response.getContentAsString();
		}

	}

	@Nested
	class OnTheDaysTheClocksChange {

		@BeforeEach
		void aNightShiftOnSundays() {
			network.hours(therapist, clinic, List.of(DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(6, 0));
		}

		@Test
		void hasAnHourLessOfRowsInSpring() throws Exception {
			assertThat(count(day(LocalDate.of(2027, 3, 21), ""), "class=\"grid-time r")).isEqualTo(24);
			assertThat(count(day(LocalDate.of(2027, 3, 14), ""), "class=\"grid-time r")).isEqualTo(20);
		}

		@Test
		void hasAnHourMoreOfRowsInAutumnNamingTheZone() throws Exception {
			String page = day(LocalDate.of(2026, 11, 1), "");

			assertThat(count(page, "class=\"grid-time r")).isEqualTo(28);
			assertThat(page).contains(">1:00 AM EDT<").contains(">1:00 AM EST<");
		}

	}

	private Booked book(ZonedDateTime start, String given, String family) {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start.toInstant()),
				null, new PatientDetails(given, family, given.toLowerCase() + "." + UUID.randomUUID() + "@example.org",
						null, LocalDate.of(1980, 4, 4)));
	}

	private String day(LocalDate date, String by) throws Exception {
		return page(get("/staff/calendar").param("clinic", clinic).param("date", date.toString()).param("by", by));
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(SignedInAs.frontDeskOf(clinic)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static String visitBlock(String page, UUID id) {
		Matcher block = Pattern.compile("<article id=\"visit-" + id + "\"\\s+class=\"([^\"]+)\"").matcher(page);
		assertThat(block.find()).as("the visit's block").isTrue();
		return block.group(1);
	}

	private static int count(String page, String needle) {
		int count = 0;
		for (int at = page.indexOf(needle); at >= 0; at = page.indexOf(needle, at + 1)) {
			count++;
		}
		return count;
	}

}
