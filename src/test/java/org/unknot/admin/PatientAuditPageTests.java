package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditEvent.Outcome;
import org.unknot.audit.AuditLog;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;

@UnknotIntegrationTest
class PatientAuditPageTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	Patients patients;

	MockMvc mvc;

	UUID patient;

	@BeforeEach
	void setUp() {
		mvc = SecuredMockMvc.of(context);
		patient = patients.identify(new PatientDetails("Marisol", "Quintero",
				"audit-" + UUID.randomUUID() + "@example.org", null, LocalDate.of(1979, 8, 14)));
	}

	@Test
	void namesWhoViewedAPatientByNameAndRoleWithTimesInTheNetworksZone() throws Exception {
		UUID desk = frontDeskAccount("Odette Brannigan");
		audit.record(new AuditEvent("account:" + desk, "FRONT_DESK", patient, "READ", "patient-record", null,
				"10.0.0.7", Outcome.SUCCESS));
		audit.record(new AuditEvent("patient:" + patient, "PATIENT", patient, "EXPORT", "care-record", null, "10.0.0.8",
				Outcome.SUCCESS));

		String page = page();

		assertThat(page).contains("Who viewed Marisol Quintero")
			.contains("<td>Odette Brannigan</td>")
			.contains("<td>Front desk</td>")
			.contains("<td>Marisol Quintero</td>")
			.contains("<td>Patient</td>")
			.contains("read patient record")
			.containsPattern("<td>\\w+day, \\w+ \\d{1,2}, \\d{4} at \\d{1,2}:\\d{2} [AP]M E[SD]T</td>")
			.doesNotContain("account:")
			.doesNotContain("patient:" + patient)
			.doesNotContain("FRONT_DESK");
	}

	@Test
	void saysWhenAnAccountThatViewedWasRemovedSinceRatherThanShowingItsId() throws Exception {
		UUID gone = UUID.randomUUID();
		audit.record(new AuditEvent("account:" + gone, "PRACTITIONER", patient, "READ", "notes", null, null,
				Outcome.DENIED));

		assertThat(page()).contains("An account since removed")
			.contains("<td>Practitioner</td>")
			.contains("<td>denied</td>")
			.doesNotContain(gone.toString());
	}

	private String page() throws Exception {
		var response = mvc.perform(get("/admin/patients/{id}/audit", patient).with(SignedInAs.admin()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private UUID frontDeskAccount(String name) throws Exception {
		String clinic = new TestNetwork(jdbc).clinic(1, 0, 0);
		String email = "desk-" + UUID.randomUUID() + "@unknot.example";
		var created = mvc
			.perform(post("/admin/accounts").with(csrf())
				.with(SignedInAs.admin())
				.param("displayName", name)
				.param("email", email)
				.param("role", "FRONT_DESK")
				.param("clinicIds", clinic)
				.param("password", "long enough password"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		return jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(UUID.class).single();
	}

}
