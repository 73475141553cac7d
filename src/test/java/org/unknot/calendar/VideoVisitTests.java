package org.unknot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.video.VideoLinks;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Video visits: an unguessable join link in the invitation, which opens 15 minutes before
 * the visit.
 */
@UnknotIntegrationTest
class VideoVisitTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	BookingDesk desk;

	VideoLinks links;

	String physician;

	@BeforeEach
	void setUp() {
		desk = context.getBean(BookingDesk.class);
		links = context.getBean(VideoLinks.class);
		var network = new TestNetwork(jdbc);
		physician = network.physician();
		network.weekdays(physician, null);
	}

	@Test
	void aVideoVisitsInvitationCarriesItsOwnUnguessableJoinLink() {
		Booked first = book("2027-03-15T10:00");
		Booked second = book("2027-03-15T11:00");
		String invitation = new String(
				context.getBean(AppointmentCalendar.class).invitation(first.appointment().id()).orElseThrow(),
				StandardCharsets.UTF_8)
			.replace("\r\n ", "");

		URI link = links.joinLink(first.appointment().id());
		assertThat(links.joinLink(first.appointment().id())).as("the same link every time").isEqualTo(link);
		assertThat(links.joinLink(second.appointment().id())).isNotEqualTo(link);
		assertThat(link.toString())
			.startsWith("http://localhost:8080/visits/" + first.appointment().id() + "/join?token=")
			.matches(".*token=[A-Za-z0-9_-]{43}$");
		assertThat(invitation).contains("URL:" + link).contains("SUMMARY:Video visit with Unknot");
	}

	@Test
	void theLinkOpensTheRoomFromFifteenMinutesBeforeUntilTheEnd() throws Exception {
		// a minute either side of "15 minutes before": the link opens then, not earlier,
		// not later
		UUID soon = visit(Instant.now().plus(Duration.ofMinutes(14)), physician);
		UUID later = visit(Instant.now().plus(Duration.ofMinutes(16)), new TestNetwork(jdbc).physician());
		UUID over = visit(Instant.now().minus(Duration.ofMinutes(45)), physician);

		HttpResponse<String> open = get(links.joinLink(soon));
		HttpResponse<String> early = get(links.joinLink(later));
		HttpResponse<String> ended = get(links.joinLink(over));
		HttpResponse<String> guessed = get(
				URI.create(links.joinLink(soon).toString().replaceAll("token=.*", "token=guess")));

		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(open.headers().firstValue("Location")).get()
			.satisfies(location -> assertThat(location).startsWith("https://meet.example.org/unknot-"));
		assertThat(early.statusCode()).isEqualTo(403);
		assertThat(early.body()).contains("has not opened yet");
		assertThat(ended.statusCode()).isEqualTo(410);
		assertThat(guessed.statusCode()).isEqualTo(404);
	}

	Booked book(String local) {
		return desk.book(new SlotRequest(ServiceId.of(TestNetwork.CONSULTATION), PractitionerId.of(physician),
				LocationId.VIRTUAL, LocalDateTime.parse(local).atZone(NEW_YORK).toInstant()), null, patient());
	}

	/**
	 * A booked video visit at any time, written directly: the booking rules would refuse
	 * one so soon.
	 */
	UUID visit(Instant start, String practitioner) {
		UUID id = UUID.randomUUID();
		UUID patient = context.getBean(Patients.class).identify(patient());
		Instant end = start.plus(Duration.ofMinutes(30));
		jdbc.sql("""
				INSERT INTO appointment (id, status, service_id, practitioner_id, patient_id, start_at, end_at,
				    blocked_from, blocked_to)
				VALUES (?, 'booked', ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, TestNetwork.CONSULTATION, practitioner, patient, start.atOffset(ZoneOffset.UTC),
					end.atOffset(ZoneOffset.UTC), start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	HttpResponse<String> get(URI link) throws Exception {
		URI local = URI.create(link.toString().replace("http://localhost:8080", "http://localhost:" + port));
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()
			.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static PatientDetails patient() {
		return new PatientDetails("Vi", "Deo", "vi." + TestNetwork.shortId() + "@example.org", null,
				LocalDate.of(1975, 6, 1));
	}

}
