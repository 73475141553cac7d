package org.unknot.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

@UnknotIntegrationTest
class SessionNotesTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	MockMvc mvc;

	String clinic;

	String therapist;

	Booked visit;

	String marker;

	@BeforeEach
	void aVisit() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		visit = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						MONDAY.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Nia", "Cole", "nia-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1988, 8, 8)));
		marker = "phi-marker-" + UUID.randomUUID();
	}

	@Test
	void recordsTheSessionSealedAndShowsItToTheTreatingPractitionerAndThePatient() throws Exception {
		MockHttpServletResponse saved = mvc
			.perform(post("/staff/visits/{id}/session", visit.appointment().id()).param("painBefore", "7")
				.param("painAfter", "3")
				.param("note", "Tight left trapezius; " + marker)
				.with(csrf())
				.with(as(Role.PRACTITIONER, therapist, null)))
			.andReturn()
			.getResponse();

		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT note FROM session_note WHERE appointment_id = ?")
			.param(visit.appointment().id())
			.query(String.class)
			.single()).startsWith("uk1:").doesNotContain(marker);
		String record = page(get("/staff/patients/{id}", visit.appointment().patientId().value()),
				as(Role.PRACTITIONER, therapist, null));
		assertThat(record).contains(marker).contains("Pain before");
		String portal = page(get("/account"), as(Role.PATIENT, null, visit.appointment().patientId().value()));
		assertThat(portal).contains("Your progress").contains(">7<").contains(">3<");
	}

	@Test
	void keepsNotesFromTheFrontDesk() throws Exception {
		mvc.perform(post("/staff/visits/{id}/session", visit.appointment().id()).param("note", marker)
			.with(csrf())
			.with(as(Role.PRACTITIONER, therapist, null))).andReturn();

		String record = page(get("/staff/patients/{id}", visit.appointment().patientId().value()), frontDesk());

		assertThat(record).contains("Nia Cole").doesNotContain(marker);
	}

	@Test
	void letsOnlyTheVisitsPractitionerRecordIt() throws Exception {
		int other = mvc
			.perform(get("/staff/visits/{id}/session", visit.appointment().id())
				.with(as(Role.PRACTITIONER, "someone-else", null)))
			.andReturn()
			.getResponse()
			.getStatus();
		int desk = mvc.perform(get("/staff/visits/{id}/session", visit.appointment().id()).with(frontDesk()))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(other).isEqualTo(404);
		assertThat(desk).isEqualTo(403);
	}

	@Test
	void saysWhatIsWrongAndKeepsTheNote() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/staff/visits/{id}/session", visit.appointment().id()).param("painBefore", "12")
				.param("painAfter", "a lot")
				.param("note", "Kept as typed")
				.with(csrf())
				.with(as(Role.PRACTITIONER, therapist, null)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("id=\"painAfter-error\"").contains("Kept as typed");
		MockHttpServletResponse outOfRange = mvc
			.perform(post("/staff/visits/{id}/session", visit.appointment().id()).param("painBefore", "12")
				.with(csrf())
				.with(as(Role.PRACTITIONER, therapist, null)))
			.andReturn()
			.getResponse();
		assertThat(outOfRange.getContentAsString()).contains("id=\"painBefore-error\"");
		assertThat(jdbc.sql("SELECT count(*) FROM session_note WHERE appointment_id = ?")
			.param(visit.appointment().id())
			.query(Long.class)
			.single()).isZero();
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private RequestPostProcessor frontDesk() {
		return SignedInAs.frontDeskOf(clinic);
	}

	private static RequestPostProcessor as(Role role, String practitionerId, UUID patientId) {
		return SignedInAs.signedIn(role, practitionerId, patientId);
	}

}
