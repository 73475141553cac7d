package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.availability.Slot;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Admins keep a practitioner up to date after adding them: profile and services, licence
 * renewals, working hours that stop on a date, time off. Online availability follows
 * every change.
 */
@UnknotIntegrationTest
class PractitionerUpkeepTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);
	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AvailabilitySearch availability;

	@Autowired
	BookingDesk desk;

	MockMvc mvc;

	TestNetwork network;

	String clinic;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
	}

	@Test
	void aRenewedLicenceMakesThePractitionerBookableAgain() throws Exception {
		String therapist = network.practitioner("LMT", LocalDate.of(2027, 1, 31), TestNetwork.MASSAGE);
		network.weekdays(therapist, clinic);
		assertThat(slotsOn(therapist, MONDAY)).as("licence expired by then").isEmpty();

		MockHttpServletResponse renewed = send(
				post("/admin/practitioners/{id}/licences/{l}/renewal", therapist, licenceOf(therapist))
					.param("renewIssued", "2027-01-15")
					.param("renewExpires", "2029-01-31"));

		assertThat(renewed.getStatus()).isEqualTo(302);
		assertThat(slotsOn(therapist, MONDAY)).isNotEmpty();
		assertThat(page(therapist)).contains("Jan 1, 2020 to Jan 31, 2029");
	}

	@Test
	void refusesARenewalThatDoesNotExtendTheLicenceBesideTheField() throws Exception {
		String therapist = network.therapist();

		MockHttpServletResponse refused = send(
				post("/admin/practitioners/{id}/licences/{l}/renewal", therapist, licenceOf(therapist))
					.param("renewIssued", "2027-01-15")
					.param("renewExpires", "2028-01-31"));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("A renewal expires after the current expiry, 2030-12-31.")
			.contains("id=\"renewExpires-error\"")
			.contains("value=\"2028-01-31\"");
	}

	@Test
	void refusesALicenceThatIsOnRecordAlready() throws Exception {
		String therapist = network.therapist();
		String number = jdbc.sql("SELECT number FROM practitioner_licence WHERE practitioner_id = ?")
			.param(therapist)
			.query(String.class)
			.single();

		MockHttpServletResponse refused = send(
				post("/admin/practitioners/{id}/licences", therapist).param("licenceType", "LMT")
					.param("licenceNumber", number)
					.param("licenceState", "nj")
					.param("licenceIssued", "2024-01-01")
					.param("licenceExpires", "2028-01-01"));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("This licence is on record already")
			.contains("value=\"" + number + "\"");
	}

	@Test
	void addsALicenceInAnotherState() throws Exception {
		String therapist = network.therapist();

		MockHttpServletResponse added = send(
				post("/admin/practitioners/{id}/licences", therapist).param("licenceType", "LMT")
					.param("licenceNumber", "NY-" + TestNetwork.shortId())
					.param("licenceState", "ny")
					.param("licenceIssued", "2024-01-01")
					.param("licenceExpires", "2028-01-01"));

		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(page(therapist)).contains(", NY").contains("Jan 1, 2024 to Jan 1, 2028");
	}

	@Test
	void timeOffHidesItsHoursSaysWhichVisitsStayBookedAndCanBeWithdrawn() throws Exception {
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						at(MONDAY, 10)),
				null, new PatientDetails("Ivo", "Lind", "ivo-" + TestNetwork.shortId() + "@example.org", null,
						LocalDate.of(1980, 1, 1)));

		var added = mvc
			.perform(post("/admin/practitioners/{id}/time-off", therapist).with(csrf())
				.with(SignedInAs.admin())
				.param("offFrom", MONDAY + "T09:00")
				.param("offTo", MONDAY + "T13:00")
				.param("offReason", "training"))
			.andReturn();

		assertThat(added.getResponse().getStatus()).isEqualTo(302);
		assertThat(added.getFlashMap().get("message").toString()).contains("1 visit is still booked in it");
		assertThat(slotsOn(therapist, MONDAY))
			.allSatisfy(slot -> assertThat(slot.start().atZoneSameInstant(NEW_YORK).toLocalTime())
				.isAfterOrEqualTo(LocalTime.of(13, 0)));
		assertThat(page(therapist))
			.contains("Mon, Mar 15, 2027, 9:00 AM EDT to Mon, Mar 15, 2027, 1:00 PM EDT (training)")
			.contains("<td>9:00 AM–5:00 PM</td>")
			.contains("Local time (EST/EDT).")
			.doesNotContain("America/New_York")
			.doesNotContainPattern("<td>\\d{4}-\\d{2}-\\d{2}</td>");

		long timeOffId = jdbc.sql("SELECT id FROM time_off WHERE practitioner_id = ?")
			.param(therapist)
			.query(Long.class)
			.single();
		assertThat(send(post("/admin/practitioners/{id}/time-off/{t}/withdraw", therapist, timeOffId)).getStatus())
			.isEqualTo(302);
		assertThat(slotsOn(therapist, MONDAY))
			.anySatisfy(slot -> assertThat(slot.start().atZoneSameInstant(NEW_YORK).toLocalTime())
				.isBefore(LocalTime.of(13, 0)));
	}

	@Test
	void refusesTimeOffThatEndsBeforeItStartsKeepingWhatWasTyped() throws Exception {
		String therapist = network.therapist();

		MockHttpServletResponse refused = send(
				post("/admin/practitioners/{id}/time-off", therapist).param("offFrom", "2027-03-15T13:00")
					.param("offTo", "2027-03-15T09:00")
					.param("offReason", "leave"));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"offTo-error\"")
			.contains("value=\"2027-03-15T13:00\"")
			.contains("value=\"leave\"");
		assertThat(
				send(post("/admin/practitioners/{id}/time-off", therapist).param("offFrom", "soon").param("offTo", ""))
					.getStatus())
			.isEqualTo(422);
	}

	@Test
	void stoppedHoursAreOfferedUpToTheirLastDayOnly() throws Exception {
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		long monday = jdbc.sql("SELECT id FROM working_hours WHERE practitioner_id = ? AND weekday = 1")
			.param(therapist)
			.query(Long.class)
			.single();

		MockHttpServletResponse stopped = send(post("/admin/practitioners/{id}/hours/{r}/stop", therapist, monday)
			.param("lastDay", MONDAY.minusDays(1).toString()));

		assertThat(stopped.getStatus()).isEqualTo(302);
		assertThat(slotsOn(therapist, MONDAY)).isEmpty();
		assertThat(slotsOn(therapist, MONDAY.minusWeeks(1))).isNotEmpty();
		assertThat(send(post("/admin/practitioners/{id}/hours/{r}/stop", therapist, monday).param("lastDay", "someday"))
			.getStatus()).isEqualTo(422);
	}

	@Test
	void anInactivePractitionerIsOfferedForNothing() throws Exception {
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);

		MockHttpServletResponse saved = send(
				post("/admin/practitioners/{id}/profile", therapist).param("credentials", "LMT, CMT")
					.param("languages", "English, Portuguese")
					.param("serviceIds", TestNetwork.MASSAGE));

		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic), null, MONDAY,
					MONDAY))
			.slots()).noneMatch(slot -> slot.practitionerId().value().equals(therapist));
		assertThat(page(therapist)).contains("Inactive")
			.contains("value=\"English, Portuguese\"")
			.containsPattern("id=\"service-" + TestNetwork.MASSAGE + "\"[^>]*checked");
	}

	@Test
	void refusesAProfileWithAnInvalidNpiKeepingWhatWasTyped() throws Exception {
		String therapist = network.therapist();

		MockHttpServletResponse refused = send(
				post("/admin/practitioners/{id}/profile", therapist).param("credentials", "LMT")
					.param("npi", "1234567890")
					.param("bio", "Ten years of sports massage")
					.param("active", "true")
					.param("serviceIds", TestNetwork.MASSAGE));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"npi-error\"")
			.contains(">Ten years of sports massage</textarea>");
		assertThat(jdbc.sql("SELECT bio FROM practitioner WHERE id = ?").param(therapist).query(String.class).single())
			.isEmpty();
	}

	private List<Slot> slotsOn(String practitioner, LocalDate day) {
		return availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(practitioner), day, day))
			.slots();
	}

	private long licenceOf(String practitioner) {
		return jdbc.sql("SELECT id FROM practitioner_licence WHERE practitioner_id = ?")
			.param(practitioner)
			.query(Long.class)
			.single();
	}

	private String page(String practitioner) throws Exception {
		return mvc.perform(get("/admin/practitioners/{id}", practitioner).with(SignedInAs.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(SignedInAs.admin())).andReturn().getResponse();
	}

	private static java.time.Instant at(LocalDate day, int hour) {
		return ZonedDateTime.of(day, LocalTime.of(hour, 0), NEW_YORK).toInstant();
	}

}
