package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

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
import org.unknot.catalog.CareServices;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.RoomKind;
import org.unknot.catalog.ServiceCategory;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Admins add services and set every term of them: modes, room, what must come first,
 * licences.
 */
@UnknotIntegrationTest
class ServiceAdminTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AvailabilitySearch availability;

	@Autowired
	CareServices services;

	MockMvc mvc;

	TestNetwork network;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
	}

	@Test
	void anAddedServiceGivenToAPractitionerIsOfferedOnline() throws Exception {
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		String name = "Hot stone massage " + TestNetwork.shortId();

		MockHttpServletResponse created = send(service(post("/admin/services"), name).param("category", "MASSAGE"));

		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		String id = created.getRedirectedUrl().substring("/admin/services/".length());
		var service = services.get("service", id);
		assertThat(service.category()).isEqualTo(ServiceCategory.MASSAGE);
		assertThat(service.roomKind()).isEqualTo(RoomKind.MASSAGE_ROOM);
		assertThat(service.licenceTypes()).containsExactly("LMT");
		jdbc.sql("INSERT INTO practitioner_service VALUES (?, ?)").params(therapist, id).update();
		assertThat(availability
			.search(new AvailabilityQuery(ServiceId.of(id), LocationId.of(clinic), PractitionerId.of(therapist), MONDAY,
					MONDAY))
			.slots()).isNotEmpty();
	}

	@Test
	void saysWhatIsWrongWithTheSettingBesideEachFieldKeepingWhatWasTyped() throws Exception {
		MockHttpServletResponse refused = send(post("/admin/services").param("name", "Video massage")
			.param("category", "CONSULTATION")
			.param("durationMinutes", "45")
			.param("bufferBeforeMinutes", "0")
			.param("bufferAfterMinutes", "0")
			.param("priceCents", "9000")
			.param("minNoticeMinutes", "60")
			.param("maxAdvanceDays", "400")
			.param("slotStepMinutes", "15")
			.param("roomKind", "MASSAGE_ROOM")
			.param("prerequisite", "CONSULTATION")
			.param("licenceTypes", "")
			.param("description", "typed text stays"));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Offer it in person, by video, or both.")
			.contains("A service given only by video needs no room.")
			.contains("A service cannot need a visit of its own kind first.")
			.contains("Name the licence types")
			.contains("value=\"typed text stays\"");
		assertThat(
				jdbc.sql("SELECT count(*) FROM care_service WHERE name = 'Video massage'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aServiceChangedToVideoOnlyIsOfferedOnVideoAndNoLongerAtTheClinic() throws Exception {
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		network.weekdays(therapist, null);
		String id = send(service(post("/admin/services"), "Posture coaching " + TestNetwork.shortId()).param("category",
				"MASSAGE"))
			.getRedirectedUrl()
			.substring("/admin/services/".length());
		jdbc.sql("INSERT INTO practitioner_service VALUES (?, ?)").params(therapist, id).update();

		MockHttpServletResponse saved = send(post("/admin/services/{id}", id).param("name", "Posture coaching by video")
			.param("durationMinutes", "30")
			.param("bufferBeforeMinutes", "0")
			.param("bufferAfterMinutes", "0")
			.param("priceCents", "5000")
			.param("minNoticeMinutes", "60")
			.param("maxAdvanceDays", "400")
			.param("slotStepMinutes", "30")
			.param("virtual", "true")
			.param("licenceTypes", "LMT"));

		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(availability
			.search(new AvailabilityQuery(ServiceId.of(id), LocationId.VIRTUAL, PractitionerId.of(therapist), MONDAY,
					MONDAY))
			.slots()).isNotEmpty();
		assertThat(services.get("service", id).offeredAt(LocationId.of(clinic))).isFalse();
	}

	private static MockHttpServletRequestBuilder service(MockHttpServletRequestBuilder request, String name) {
		return request.param("name", name)
			.param("description", "Warm stones on tight shoulders")
			.param("durationMinutes", "60")
			.param("bufferBeforeMinutes", "0")
			.param("bufferAfterMinutes", "15")
			.param("priceCents", "11000")
			.param("billingCodes", "97124")
			.param("minNoticeMinutes", "60")
			.param("maxAdvanceDays", "400")
			.param("slotStepMinutes", "15")
			.param("inPerson", "true")
			.param("roomKind", "MASSAGE_ROOM")
			.param("licenceTypes", "lmt");
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(SignedInAs.admin())).andReturn().getResponse();
	}

}
