package org.unknot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringWriter;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

/**
 * A unique marker planted in every field of health information (session notes here) must
 * be found in no log line, in no table's contents as a dump would copy them, and on no
 * error page, even when something fails while that information is being handled.
 */
@UnknotIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HealthDataLeakTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	BookingDesk desk;

	MockMvc mvc;

	String therapist;

	Booked visit;

	String marker;

	@BeforeEach
	void aVisit() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		String clinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
		visit = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						MONDAY.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Lev", "Arden", "lev-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1979, 9, 9)));
		marker = "PHI" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void neverShowsUpInLogsDumpsOrErrorPages(CapturedOutput output) throws Exception {
		RequestPostProcessor practitioner = as(Role.PRACTITIONER, therapist, null);
		UUID id = visit.appointment().id();
		UUID patient = visit.appointment().patientId().value();

		mvc.perform(post("/staff/visits/{id}/session", id).param("painBefore", "6")
			.param("note", "Sore neck " + marker)
			.with(csrf())
			.with(practitioner)).andReturn();
		mvc.perform(post("/staff/visits/{id}/session", id).param("painBefore", "eleven")
			.param("note", "Retyped " + marker)
			.with(csrf())
			.with(practitioner)).andReturn();
		mvc.perform(get("/staff/patients/{id}", patient).with(practitioner)).andReturn();
		mvc.perform(get("/account/export").with(as(Role.PATIENT, null, patient))).andReturn();

		List<String> errorPages = new ArrayList<>();
		corruptTheSealedNoteOf(id);
		MockHttpServletResponse failing = mvc.perform(get("/staff/patients/{id}", patient).with(practitioner))
			.andReturn()
			.getResponse();
		errorPages.add(failing.getContentAsString());
		MockHttpServletResponse failingExport = mvc
			.perform(get("/account/export").with(as(Role.PATIENT, null, patient)))
			.andReturn()
			.getResponse();
		errorPages.add(failingExport.getContentAsString());

		assertThat(failing.getStatus()).isEqualTo(500);
		assertThat(failingExport.getStatus()).isEqualTo(500);
		assertThat(errorPages).allSatisfy(page -> assertThat(page).doesNotContain(marker)
			.doesNotContain("uk1:")
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("at org."));
		assertThat(output.getAll()).as("log lines").doesNotContain(marker);
		assertThat(dumpOfEveryTable()).as("table contents").doesNotContain(marker).contains("uk1:");
	}

	/**
	 * What pg_dump copies out of each table: every row of every table of the schema, as
	 * text.
	 */
	private String dumpOfEveryTable() throws Exception {
		StringWriter dump = new StringWriter();
		try (Connection connection = dataSource.getConnection()) {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
				.query(String.class)
				.list()) {
				var out = new java.io.ByteArrayOutputStream();
				copy.copyOut("COPY public.\"" + table + "\" TO STDOUT", out);
				dump.write(out.toString(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return dump.toString();
	}

	/**
	 * A sealed value damaged on disk: opening it fails while the record is being shown.
	 */
	private void corruptTheSealedNoteOf(UUID appointment) {
		jdbc.sql(
				"UPDATE session_note SET note = left(note, length(note) - 12) || 'AAAAAAAAAAAA' WHERE appointment_id = ?")
			.param(appointment)
			.update();
	}

	private static RequestPostProcessor as(Role role, String practitionerId, UUID patientId) {
		return SignedInAs.signedIn(role, practitionerId, patientId);
	}

}
