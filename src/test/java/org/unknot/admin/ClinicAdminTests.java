package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.unknot.catalog.Clinics;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Admins open clinics, keep their details right, and withdraw a closure that is no longer
 * needed.
 */
@UnknotIntegrationTest
class ClinicAdminTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AvailabilitySearch availability;

	@Autowired
	Clinics clinics;

	MockMvc mvc;

	TestNetwork network;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		network = new TestNetwork(jdbc);
	}

	@Test
	void aNewClinicWithARoomAndHoursIsOfferedOnlineAndListed() throws Exception {
		String name = "Weehawken Waterfront " + TestNetwork.shortId();

		MockHttpServletResponse created = send(details(post("/admin/clinics"), name).param("zone", "America/New_York"));

		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		String id = created.getRedirectedUrl().substring("/admin/clinics/".length());
		assertThat(send(post("/admin/clinics/{id}/rooms", id).param("roomName", "Room 1").param("kind", "MASSAGE_ROOM"))
			.getStatus()).isEqualTo(302);
		String therapist = network.therapist();
		network.hours(therapist, id, List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(12, 0));
		assertThat(availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(id),
					PractitionerId.of(therapist), MONDAY, MONDAY))
			.slots()).isNotEmpty();
		assertThat(mvc.perform(get("/api/v1/locations")).andReturn().getResponse().getContentAsString()).contains(name);
		assertThat(clinics.get("clinic", id).latitude()).isEqualByComparingTo("40.770100");
	}

	@Test
	void refusesDetailsThatAreWrongBesideEachFieldKeepingWhatWasTyped() throws Exception {
		MockHttpServletResponse refused = send(post("/admin/clinics").param("name", "Nowhere clinic")
			.param("street", "")
			.param("city", "Hoboken")
			.param("state", "New Jersey")
			.param("postalCode", "7030")
			.param("phone", "call us")
			.param("zone", "Mars/Olympus")
			.param("latitude", "91"));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"street-error\"")
			.contains("id=\"state-error\"")
			.contains("id=\"postalCode-error\"")
			.contains("id=\"phone-error\"")
			.contains("id=\"zone-error\"")
			.contains("id=\"latitude-error\"")
			.contains("value=\"New Jersey\"")
			.contains("value=\"Nowhere clinic\"");
		assertThat(jdbc.sql("SELECT count(*) FROM clinic WHERE name = 'Nowhere clinic'").query(Long.class).single())
			.isZero();
	}

	@Test
	void changesAClinicsDetailsButNotItsTimeZone() throws Exception {
		String clinic = network.clinic(1, 0, 0);

		MockHttpServletResponse saved = send(
				details(post("/admin/clinics/{id}", clinic), "Renamed clinic").param("zone", "America/Los_Angeles"));

		assertThat(saved.getStatus()).isEqualTo(302);
		var changed = clinics.get("clinic", clinic);
		assertThat(changed.name()).isEqualTo("Renamed clinic");
		assertThat(changed.address().postalCode()).isEqualTo("07086");
		assertThat(changed.zone().getId()).isEqualTo(TestNetwork.ZONE);
	}

	@Test
	void aWithdrawnClosureOffersItsDaysAgain() throws Exception {
		String clinic = network.clinic(1, 0, 0);
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		send(post("/admin/clinics/{id}/closures", clinic).param("first", MONDAY.toString())
			.param("last", MONDAY.toString())
			.param("reason", "Flooded basement"));
		assertThat(slots(clinic, therapist)).isEmpty();
		long closure = jdbc.sql("SELECT id FROM clinic_closure WHERE clinic_id = ?")
			.param(clinic)
			.query(Long.class)
			.single();

		MockHttpServletResponse withdrawn = send(post("/admin/clinics/{id}/closures/{c}/withdraw", clinic, closure));

		assertThat(withdrawn.getStatus()).isEqualTo(302);
		assertThat(slots(clinic, therapist)).isNotEmpty();
		assertThat(send(post("/admin/clinics/{id}/closures/{c}/withdraw", clinic, closure)).getStatus()).isEqualTo(404);
	}

	private List<?> slots(String clinic, String therapist) {
		return availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(therapist), MONDAY, MONDAY))
			.slots();
	}

	private static MockHttpServletRequestBuilder details(MockHttpServletRequestBuilder request, String name) {
		return request.param("name", name)
			.param("street", "1500 Harbor Boulevard")
			.param("city", "Weehawken")
			.param("state", "nj")
			.param("postalCode", "07086")
			.param("phone", "(201) 555-0177")
			.param("latitude", "40.7701")
			.param("longitude", "-74.0210");
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(SignedInAs.admin())).andReturn().getResponse();
	}

}
