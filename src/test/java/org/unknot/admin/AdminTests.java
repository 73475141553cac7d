package org.unknot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.unknot.SecuredMockMvc;
import org.unknot.SignedInAs;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.Role;
import org.unknot.audit.AuditEntry;
import org.unknot.audit.AuditEvent;
import org.unknot.audit.AuditLog;
import org.unknot.system.Times;
import org.unknot.account.SignedIn;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.catalog.LocationId;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

@UnknotIntegrationTest
class AdminTests {

	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AvailabilitySearch availability;

	@Autowired
	AuditLog audit;

	@Autowired
	AccountDesk accounts;

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
	void addsAPractitionerWithHoursWhoIsThenOfferedOnline() throws Exception {
		MockHttpServletResponse created = mvc
			.perform(post("/admin/practitioners").with(csrf())
				.with(admin())
				.param("givenName", "Wren")
				.param("familyName", "Albright-" + TestNetwork.shortId())
				.param("profession", "LMT")
				.param("credentials", "LMT")
				.param("npi", "1245319599")
				.param("languages", "English, Spanish")
				.param("licenceType", "LMT")
				.param("licenceNumber", "18KT00999999")
				.param("licenceState", "NJ")
				.param("licenceIssued", "2024-01-01")
				.param("licenceExpires", "2029-01-01")
				.param("serviceIds", TestNetwork.MASSAGE))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
		String id = created.getRedirectedUrl().substring("/admin/practitioners/".length());

		MockHttpServletResponse hours = mvc
			.perform(post("/admin/practitioners/{id}/hours", id).with(csrf())
				.with(admin())
				.param("location", clinic)
				.param("weekday", "MONDAY")
				.param("start", "10:00")
				.param("end", "14:00")
				.param("from", "2027-01-01"))
			.andReturn()
			.getResponse();

		assertThat(hours.getStatus()).isEqualTo(302);
		var slots = availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(id), MONDAY, MONDAY))
			.slots();
		assertThat(slots).isNotEmpty();
		assertThat(slots.get(0).start().atZoneSameInstant(ZoneId.of(TestNetwork.ZONE)).getHour()).isEqualTo(10);
	}

	@Test
	void keepsWhatWasTypedAndSaysWhatIsWrongBesideEachField() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/admin/practitioners").with(csrf())
				.with(admin())
				.param("givenName", "Wren")
				.param("familyName", "")
				.param("profession", "WIZARD")
				.param("credentials", "LMT")
				.param("npi", "1234567890")
				.param("licenceType", "LMT")
				.param("licenceNumber", "X1")
				.param("licenceState", "New Jersey")
				.param("licenceIssued", "yesterday")
				.param("licenceExpires", "2029-01-01"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("value=\"Wren\"")
			.contains("id=\"familyName-error\"")
			.contains("id=\"profession-error\"")
			.contains("id=\"npi-error\"")
			.contains("id=\"licenceState-error\"")
			.contains("id=\"licenceIssued-error\"")
			.contains("value=\"New Jersey\"");
	}

	@Test
	void staffReadingTheWebsiteAreLedBackToTheirWorkspaceNotToThePatientsPortal() throws Exception {
		String asAdmin = mvc.perform(get("/services").with(admin())).andReturn().getResponse().getContentAsString();
		String asVisitor = mvc.perform(get("/services")).andReturn().getResponse().getContentAsString();

		assertThat(asAdmin).contains("<a href=\"/staff\">Your workspace</a>").doesNotContain("href=\"/account\"");
		assertThat(asVisitor).contains("<a href=\"/account\">Your account</a>").doesNotContain("Your workspace");
	}

	@Test
	void warnsOfALicenceExpiringWithinThirtyDays() throws Exception {
		LocalDate soon = LocalDate.now(ZoneId.of(TestNetwork.ZONE)).plusDays(12);
		String practitioner = network.practitioner("LMT", soon, TestNetwork.MASSAGE);

		String page = mvc.perform(get("/admin").with(admin())).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(practitioner)
			.contains(org.unknot.system.Times.date(soon))
			.doesNotContain(soon.toString())
			.contains("Expires in 12 days");
	}

	@Test
	void namesWhenARecordWasOpenedAndWhenAClosureWasAskedInTheNetworksZone() throws Exception {
		AuditEntry opened = audit.record(new AuditEvent("staff:dr-okafor", "PRACTITIONER", UUID.randomUUID(), "READ",
				"patient-record", "Covering for a colleague", "127.0.0.1", AuditEvent.Outcome.SUCCESS));
		Account leaving = accounts.create(new AccountDesk.NewAccount("leaving-" + UUID.randomUUID() + "@example.org",
				"Ada Leaving", Role.PATIENT, List.of(), null, null, "long enough password"));
		accounts.requestClosure(leaving.id());
		Instant asked = jdbc.sql("SELECT closure_requested_at FROM account WHERE id = ?")
			.param(leaving.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		ZoneId newYork = ZoneId.of(TestNetwork.ZONE);

		String overview = mvc.perform(get("/admin").with(admin())).andReturn().getResponse().getContentAsString();
		String accountsPage = mvc.perform(get("/admin/accounts").with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(overview).contains(Times.dateTime(opened.at(), newYork))
			.containsPattern("at \\d{1,2}:\\d{2} [AP]M E[SD]T")
			.doesNotContain("UTC")
			.doesNotContain(opened.at().toString());
		assertThat(accountsPage).contains(Times.dateTime(asked, newYork)).doesNotContain("(UTC)");
	}

	@Test
	void createsAndDisablesStaffAccounts() throws Exception {
		String email = "new-desk-" + UUID.randomUUID() + "@unknot.example";

		MockHttpServletResponse created = mvc
			.perform(post("/admin/accounts").with(csrf())
				.with(admin())
				.param("displayName", "Nell Desk")
				.param("email", email)
				.param("role", "FRONT_DESK")
				.param("clinicIds", clinic)
				.param("password", "long enough password"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse refused = mvc
			.perform(post("/admin/accounts").with(csrf())
				.with(admin())
				.param("displayName", "Short Pass")
				.param("email", "short-" + email)
				.param("role", "FRONT_DESK")
				.param("password", "short"))
			.andReturn()
			.getResponse();
		UUID id = jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(UUID.class).single();
		mvc.perform(post("/admin/accounts/{id}/disable", id).with(csrf()).with(admin())).andReturn();

		assertThat(created.getStatus()).isEqualTo(302);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"password-error\"")
			.contains("id=\"clinicIds-error\"")
			.doesNotContain("value=\"short\"");
		assertThat(jdbc.sql("SELECT enabled FROM account WHERE id = ?").param(id).query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void movesAFrontDeskMemberToAnotherClinicEndingTheirSessions() throws Exception {
		String otherClinic = network.clinic(1, 0, 0);
		String email = "moving-desk-" + UUID.randomUUID() + "@unknot.example";
		mvc.perform(post("/admin/accounts").with(csrf())
			.with(admin())
			.param("displayName", "Mo Desk")
			.param("email", email)
			.param("role", "FRONT_DESK")
			.param("clinicIds", clinic)
			.param("password", "long enough password")).andReturn();
		UUID id = jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(UUID.class).single();

		var refused = mvc
			.perform(post("/admin/accounts/{id}/access", id).with(csrf()).with(admin()).param("role", "FRONT_DESK"))
			.andReturn();
		var moved = mvc
			.perform(post("/admin/accounts/{id}/access", id).with(csrf())
				.with(admin())
				.param("role", "FRONT_DESK")
				.param("clinicIds", otherClinic))
			.andReturn();

		assertThat(refused.getFlashMap().get("problem").toString()).contains("Choose at least one clinic");
		assertThat(moved.getFlashMap().get("message").toString()).contains("sessions have ended");
		assertThat(jdbc.sql("SELECT clinic_ids[1] FROM account WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(otherClinic);
	}

	@Test
	void changesAServicesTermsAndAvailabilityFollows() throws Exception {
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);
		jdbc.sql(
				"""
						INSERT INTO care_service (id, name, category, description, duration_minutes, room_kind, in_person, virtual,
						    price_cents, min_notice_minutes, slot_step_minutes, licence_types)
						VALUES (?, 'Admin test massage', 'MASSAGE', 'for a test', 60, 'MASSAGE_ROOM', true, false, 9000, 60, 15,
						    '{LMT}')""")
			.param("admin-" + TestNetwork.shortId())
			.update();
		String service = jdbc
			.sql("SELECT id FROM care_service WHERE name = 'Admin test massage' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single();
		jdbc.sql("INSERT INTO practitioner_service VALUES (?, ?)").params(therapist, service).update();

		MockHttpServletResponse bad = mvc
			.perform(post("/admin/services/{id}", service).with(csrf())
				.with(admin())
				.param("name", "Admin test massage")
				.param("durationMinutes", "ninety")
				.param("bufferBeforeMinutes", "0")
				.param("bufferAfterMinutes", "0")
				.param("priceCents", "9000")
				.param("billingCodes", "97124")
				.param("minNoticeMinutes", "60")
				.param("maxAdvanceDays", "400")
				.param("slotStepMinutes", "7")
				.param("inPerson", "true")
				.param("roomKind", "MASSAGE_ROOM")
				.param("licenceTypes", "LMT"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse good = mvc
			.perform(post("/admin/services/{id}", service).with(csrf())
				.with(admin())
				.param("name", "Admin test massage")
				.param("durationMinutes", "60")
				.param("bufferBeforeMinutes", "0")
				.param("bufferAfterMinutes", "0")
				.param("priceCents", "9500")
				.param("billingCodes", "97124")
				.param("minNoticeMinutes", "60")
				.param("maxAdvanceDays", "400")
				.param("slotStepMinutes", "60")
				.param("inPerson", "true")
				.param("roomKind", "MASSAGE_ROOM")
				.param("licenceTypes", "LMT"))
			.andReturn()
			.getResponse();

		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"durationMinutes-error\"")
			.contains("id=\"slotStepMinutes-error\"")
			.contains("value=\"ninety\"");
		assertThat(good.getStatus()).isEqualTo(302);
		var starts = availability
			.search(new AvailabilityQuery(ServiceId.of(service), LocationId.of(clinic), PractitionerId.of(therapist),
					MONDAY, MONDAY))
			.slots()
			.stream()
			.map(slot -> slot.start().getMinute())
			.distinct()
			.toList();
		assertThat(starts).containsExactly(0);
	}

	@Test
	void closesAClinicForADaySoNothingIsOffered() throws Exception {
		String therapist = network.therapist();
		network.weekdays(therapist, clinic);

		MockHttpServletResponse closed = mvc
			.perform(post("/admin/clinics/{id}/closures", clinic).with(csrf())
				.with(admin())
				.param("first", MONDAY.toString())
				.param("last", MONDAY.toString())
				.param("reason", "Boiler repair"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse backwards = mvc
			.perform(post("/admin/clinics/{id}/closures", clinic).with(csrf())
				.with(admin())
				.param("first", "2027-03-20")
				.param("last", "2027-03-19")
				.param("reason", ""))
			.andReturn()
			.getResponse();
		MockHttpServletResponse room = mvc
			.perform(post("/admin/clinics/{id}/rooms", clinic).with(csrf())
				.with(admin())
				.param("roomName", "Garden room")
				.param("kind", "MASSAGE_ROOM"))
			.andReturn()
			.getResponse();

		assertThat(closed.getStatus()).isEqualTo(302);
		assertThat(availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(therapist), MONDAY, MONDAY))
			.slots()).isEmpty();
		assertThat(backwards.getStatus()).isEqualTo(422);
		assertThat(backwards.getContentAsString()).contains("id=\"last-error\"").contains("id=\"reason-error\"");
		assertThat(room.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM room WHERE clinic_id = ?").param(clinic).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void isClosedToEveryoneButAdmins() throws Exception {
		RequestPostProcessor frontDesk = as(new SignedIn(UUID.randomUUID(), "d@unknot.example", "Desk", Role.FRONT_DESK,
				List.of(clinic), null, null));

		for (String path : List.of("/admin", "/admin/accounts", "/admin/practitioners", "/admin/services",
				"/admin/clinics", "/admin/clinics/" + clinic)) {
			assertThat(mvc.perform(get(path).with(frontDesk)).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(403);
			assertThat(mvc.perform(get(path).with(SecurityMockMvcRequestPostProcessors.anonymous()))
				.andReturn()
				.getResponse()
				.getStatus()).as(path).isEqualTo(302);
		}
		assertThat(mvc.perform(post("/admin/accounts").with(csrf()).with(frontDesk).param("email", "x@y.z"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	static RequestPostProcessor admin() {
		return SignedInAs.admin();
	}

	static RequestPostProcessor as(SignedIn who) {
		return SignedInAs.signedIn(who);
	}

}
