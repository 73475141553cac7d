package org.unknot.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * A practitioner's private feed: a secret address, only its hash stored, revocable,
 * without health details.
 */
@UnknotIntegrationTest
class PractitionerFeedTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);
	static final Pattern FEED = Pattern.compile("/calendar/feeds/([A-Za-z0-9_-]+)\\.ics");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	BookingDesk desk;

	String clinic;

	String therapist;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		desk = context.getBean(BookingDesk.class);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void showsThePractitionersVisitsByInitialsAtTheirLocalTimesUntilRevoked() throws Exception {
		Booked spring = book("2027-03-15T10:00", "Ada", "Lane");
		Booked autumn = book("2027-11-08T10:00", "Bo", "Kim");
		Booked cancelled = book("2027-11-09T10:00", "Cy", "Ray");
		desk.cancel(cancelled.appointment().id(), cancelled.manageToken(), "patient");

		MockHttpServletResponse created = mvc
			.perform(post("/admin/practitioners/" + therapist + "/calendar-feed").with(csrf())
				.with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		Matcher link = FEED.matcher(created.getContentAsString());
		assertThat(link.find()).isTrue();
		String token = link.group(1);

		MockHttpServletResponse feed = mvc.perform(get("/calendar/feeds/" + token + ".ics")).andReturn().getResponse();
		assertThat(feed.getStatus()).isEqualTo(200);
		assertThat(feed.getContentType()).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(feed.getContentAsByteArray()));
		List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
		assertThat(events).extracting(e -> e.getProperty(Property.SUMMARY).orElseThrow().getValue())
			.containsExactly("Visit: A. L.", "Visit: B. K.");
		assertThat(events).extracting(e -> Instant.from(e.getDateTimeStart().getDate()))
			.containsExactly(Instant.parse("2027-03-15T14:00:00Z"), Instant.parse("2027-11-08T15:00:00Z"));
		assertThat(events).allSatisfy(e -> assertThat(e.getProperties(Property.ATTENDEE)).isEmpty());
		assertThat(new String(feed.getContentAsByteArray(), StandardCharsets.UTF_8))
			.doesNotContainIgnoringCase("massage")
			.doesNotContain("@example.org");
		assertThat(events).extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
			.containsExactly(spring.appointment().id() + "@unknot", autumn.appointment().id() + "@unknot");

		assertThat(jdbc.sql("SELECT count(*) FROM calendar_feed WHERE encode(token_hash, 'escape') LIKE ?")
			.param("%" + token + "%")
			.query(Long.class)
			.single()).as("only a hash of the token is stored").isZero();

		var revoked = mvc
			.perform(delete("/admin/practitioners/" + therapist + "/calendar-feed").with(csrf())
				.with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse();
		assertThat(revoked.getStatus()).isEqualTo(204);
		assertThat(mvc.perform(get("/calendar/feeds/" + token + ".ics")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void aGuessedAddressFindsNothingAndOnlyStaffMakeFeeds() throws Exception {
		assertThat(mvc.perform(get("/calendar/feeds/guessed.ics")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(post("/admin/practitioners/" + therapist + "/calendar-feed").with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(mvc
			.perform(post("/admin/practitioners/" + therapist + "/calendar-feed").with(csrf())
				.with(user("desk").roles("FRONT_DESK")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc
			.perform(post("/admin/practitioners/nobody/calendar-feed").with(csrf()).with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	Booked book(String local, String given, String family) {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						LocalDateTime.parse(local).atZone(NEW_YORK).toInstant()),
				null,
				new PatientDetails(given, family, given.toLowerCase() + "." + TestNetwork.shortId() + "@example.org",
						null, LocalDate.of(1980, 1, 1)));
	}

}
