package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.unknot.account.Role;
import org.unknot.account.SignedIn;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.Booked;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.insurance.InsuranceChoice;
import org.unknot.insurance.InsuranceChoices;
import org.unknot.care.BodyRegion;
import org.unknot.care.HealthIntake;
import org.unknot.care.Intakes;
import org.unknot.care.PainDuration;
import org.unknot.care.Triage;
import org.unknot.patient.PatientDetails;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * The front desk and practitioners at work, through the workspace pages and the security
 * filters.
 */
@UnknotIntegrationTest
class FrontDeskTests {

	static final ZoneId NEW_YORK = ZoneId.of(TestNetwork.ZONE);
	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BookingDesk desk;

	@Autowired
	AvailabilitySearch availability;

	MockMvc mvc;

	String clinic;

	String otherClinic;

	String therapist;

	@BeforeEach
	void openTwoClinics() {
		mvc = SecuredMockMvc.of(context);
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		otherClinic = network.clinic(1, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void showsTheDayOfTheirClinicWithEachVisitAndItsPatient() throws Exception {
		Booked visit = book(at(10), "Marguerite", "Quill");

		String page = page(get("/staff/calendar").param("clinic", clinic).param("date", MONDAY.toString()),
				frontDesk(clinic));

		assertThat(page).contains("Marguerite Quill").contains("10:00").contains("visit-" + visit.appointment().id());
		assertThat(readsOf(visit.appointment().patientId().value())).as("the day shows who has which care: audited")
			.containsExactly("READ:schedule:FRONT_DESK");
	}

	@Test
	void keepsOtherClinicsCalendarsClosed() throws Exception {
		int status = status(get("/staff/calendar").param("clinic", clinic), frontDesk(otherClinic));

		assertThat(status).isEqualTo(403);
	}

	@Test
	void takesAVisitFromArrivalToDone() throws Exception {
		UUID id = book(at(11), "Arlo", "Finch").appointment().id();
		new TestNetwork(jdbc).startsNow(id);

		for (String verb : List.of("arrive", "check-in", "fulfil")) {
			MockHttpServletResponse response = mvc
				.perform(post("/staff/visits/{id}/{verb}", id, verb).with(csrf()).with(frontDesk(clinic)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
		}

		assertThat(statusOf(id)).isEqualTo("fulfilled");
	}

	@Test
	void refusesArrivalAndCheckInBeforeTheDayOfTheVisit() throws Exception {
		UUID id = book(at(11), "Arlo", "Finch").appointment().id();

		for (String verb : List.of("arrive", "check-in")) {
			var result = mvc.perform(post("/staff/visits/{id}/{verb}", id, verb).with(csrf()).with(frontDesk(clinic)))
				.andReturn();

			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getFlashMap().get("problem")).asString()
				.contains("only on the day of the visit, Monday, March 15, 2027");
		}
		assertThat(statusOf(id)).isEqualTo("booked");
	}

	@Test
	void explainsAStepThatIsNotAllowedInsteadOfFailing() throws Exception {
		UUID id = book(at(11), "Arlo", "Finch").appointment().id();

		var result = mvc.perform(post("/staff/visits/{id}/no-show", id).with(csrf()).with(frontDesk(clinic)))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) result.getFlashMap().get("problem")).contains("has not started yet");
		assertThat(statusOf(id)).isEqualTo("booked");
	}

	@Test
	void cancelsAndMovesForACaller() throws Exception {
		UUID cancelled = book(at(9), "Bea", "Holt").appointment().id();
		UUID moved = book(at(13), "Cy", "Moss").appointment().id();

		mvc.perform(post("/staff/visits/{id}/cancel", cancelled).param("reason", "called in sick")
			.with(csrf())
			.with(frontDesk(clinic))).andReturn();
		String movePage = page(get("/staff/visits/{id}/move", moved), frontDesk(clinic));
		String confirmPage = page(
				post("/staff/visits/{id}/move", moved).param("slot", at(15).toOffsetDateTime() + "|" + therapist)
					.with(csrf()),
				frontDesk(clinic));
		String unmoved = statusOf(moved) + jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
			.param(moved)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		var done = mvc
			.perform(post("/staff/visits/{id}/move", moved).param("slot", at(15).toOffsetDateTime() + "|" + therapist)
				.param("confirm", "yes")
				.with(csrf())
				.with(frontDesk(clinic)))
			.andReturn();

		assertThat(statusOf(cancelled)).isEqualTo("cancelled");
		assertThat(movePage).contains("3:00 PM with Test " + therapist).doesNotContain("with " + therapist);
		assertThat(confirmPage).contains("Move this visit?").contains("Mon, Mar 15, 3:00 PM EDT");
		assertThat(unmoved).as("nothing moves before it is confirmed").isEqualTo("booked" + at(13).toInstant());
		assertThat((String) done.getFlashMap().get("message"))
			.isEqualTo("Moved to Mon, Mar 15, 3:00 PM EDT, with Test " + therapist + ", LMT.");
		assertThat(jdbc.sql("SELECT start_at FROM appointment WHERE id = ?")
			.param(moved)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(at(15).toInstant());
	}

	/**
	 * The search is sent in the address (a GET form), and Tomcat refuses an address over
	 * 8 KiB before it reads the headers that say a browser asked, so the refusal could
	 * not be a page: the field stops the receptionist well short of that, however the
	 * name is spelled (up to 9 bytes a character once encoded).
	 */
	@Test
	void limitsTheCallerSearchToWhatAnAddressCanCarry() throws Exception {
		String page = page(get("/staff/book").param("clinic", clinic).param("service", TestNetwork.MASSAGE),
				frontDesk(clinic));

		Matcher search = Pattern.compile("<input id=\"q\" name=\"q\"[^>]*maxlength=\"(\\d+)\"").matcher(page);
		assertThat(search.find()).as("the search field has a maxlength").isTrue();
		assertThat(Integer.parseInt(search.group(1)) * 9).isLessThan(8 * 1024 - 1024);
	}

	@Test
	void booksACallerKeepingWhatWasTypedWhenSomethingIsMissing() throws Exception {
		String slot = at(14).toOffsetDateTime() + "|" + therapist;

		String page = refusedPage(post("/staff/book").param("clinic", clinic)
			.param("service", TestNetwork.MASSAGE)
			.param("slot", slot)
			.param("givenName", "Dora")
			.param("familyName", "Lind")
			.param("email", "dora.lind@example.org")
			.param("birthDate", "not a date")
			.with(csrf()), frontDesk(clinic));
		var booked = mvc
			.perform(post("/staff/book").param("clinic", clinic)
				.param("service", TestNetwork.MASSAGE)
				.param("slot", slot)
				.param("givenName", "Dora")
				.param("familyName", "Lind")
				.param("email", "dora.lind@example.org")
				.param("birthDate", "1979-06-02")
				.with(csrf())
				.with(frontDesk(clinic)))
			.andReturn()
			.getResponse();

		assertThat(page).contains("id=\"birthDate-error\"").contains("value=\"Dora\"").contains("value=\"Lind\"");
		assertThat(booked.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM appointment a JOIN patient p ON p.id = a.patient_id
				WHERE a.clinic_id = ? AND p.email = 'dora.lind@example.org' AND a.status = 'booked'""")
			.param(clinic)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void blocksTimeSoItIsNoLongerOffered() throws Exception {
		mvc.perform(post("/staff/block").param("clinic", clinic)
			.param("date", MONDAY.toString())
			.param("practitioner", therapist)
			.param("from", "12:00")
			.param("to", "14:00")
			.param("reason", "team training")
			.with(csrf())
			.with(frontDesk(clinic))).andReturn();

		List<ZonedDateTime> starts = availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(therapist), MONDAY, MONDAY))
			.slots()
			.stream()
			.map(slot -> slot.start().atZoneSameInstant(NEW_YORK))
			.toList();
		assertThat(starts).isNotEmpty().noneMatch(start -> start.getHour() == 12 || start.getHour() == 13);
		assertThat(page(get("/staff/calendar").param("clinic", clinic).param("date", MONDAY.toString()),
				frontDesk(clinic)))
			.contains("team training");
	}

	@Test
	void letsAPractitionerOpenOnlyTheirOwnPatientsWithoutAReason() throws Exception {
		Booked visit = book(at(10), "Eve", "Stone");
		UUID patient = visit.appointment().patientId().value();
		var stranger = practitioner("someone-else");

		MockHttpServletResponse refused = mvc.perform(get("/staff/patients/{id}", patient).with(stranger))
			.andReturn()
			.getResponse();
		MockHttpServletResponse tooShort = mvc
			.perform(post("/staff/patients/{id}", patient).param("reason", "why").with(csrf()).with(stranger))
			.andReturn()
			.getResponse();
		MockHttpServletResponse withReason = mvc
			.perform(post("/staff/patients/{id}", patient).param("reason", "covering for a colleague on call")
				.with(csrf())
				.with(stranger))
			.andReturn()
			.getResponse();
		String own = page(get("/staff/patients/{id}", patient), practitioner(therapist));

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("Reason needed");
		assertThat(tooShort.getStatus()).isEqualTo(403);
		assertThat(withReason.getStatus()).isEqualTo(200);
		assertThat(withReason.getContentAsString()).contains("Eve Stone").contains("recorded");
		assertThat(own).contains("Eve Stone")
			.as("the visits name the practitioner, not their id")
			.contains("<td>Test " + therapist)
			.doesNotContain("<td>" + therapist + "</td>");
		assertThat(jdbc
			.sql("SELECT outcome || ':' || coalesce(reason, '') FROM audit_entry WHERE patient_id = ? ORDER BY id")
			.param(patient)
			.query(String.class)
			.list()).containsExactly("DENIED:", "DENIED:", "SUCCESS:covering for a colleague on call", "SUCCESS:");
	}

	@Test
	void showsTheIntakeToTheTreatingPractitionerAndHowItIsPaidToTheFrontDesk(@Autowired Intakes intakes,
			@Autowired InsuranceChoices insurance) throws Exception {
		Booked visit = book(at(10), "Ines", "Park");
		var intake = new HealthIntake(Set.of(BodyRegion.UPPER_BACK), 7, PainDuration.ONE_TO_SIX_WEEKS, Set.of(),
				Set.of());
		intakes.record(visit.appointment().id(), intake, Triage.CLEAR, false);
		insurance.record(visit.appointment().id(), InsuranceChoice.SELF_PAY);
		UUID patient = visit.appointment().patientId().value();

		String practitionerView = page(get("/staff/patients/{id}", patient), practitioner(therapist));
		String deskView = page(get("/staff/patients/{id}", patient), frontDesk(clinic));

		assertThat(practitionerView).contains("Upper back").contains("<strong>7</strong>/10").contains("self-pay");
		assertThat(deskView).contains("self-pay").doesNotContain("Upper back");
		assertThat(jdbc.sql("SELECT subject || ':' || actor_role FROM audit_entry WHERE patient_id = ? ORDER BY id")
			.param(patient)
			.query(String.class)
			.list()).contains("intake:PRACTITIONER", "insurance:PRACTITIONER", "insurance:FRONT_DESK")
			.doesNotContain("intake:FRONT_DESK");
	}

	@Test
	void showsAPractitionerTheirDayButNoClinicCalendar() throws Exception {
		book(at(16), "Finn", "Wade");

		String day = page(get("/staff/my-day").param("date", MONDAY.toString()), practitioner(therapist));
		int calendar = status(get("/staff/calendar").param("clinic", clinic), practitioner(therapist));

		assertThat(day).contains("Finn Wade").contains("16:00");
		assertThat(calendar).isEqualTo(403);
		assertThat(
				readsOf(jdbc.sql("SELECT patient_id FROM appointment WHERE practitioner_id = ? AND status = 'booked'")
					.param(therapist)
					.query(UUID.class)
					.single()))
			.containsExactly("READ:schedule:PRACTITIONER");
	}

	private List<String> readsOf(UUID patient) {
		return jdbc.sql(
				"SELECT action || ':' || subject || ':' || actor_role FROM audit_entry WHERE patient_id = ? ORDER BY id")
			.param(patient)
			.query(String.class)
			.list();
	}

	private Booked book(ZonedDateTime start, String given, String family) {
		return desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						start.toInstant()),
				null, new PatientDetails(given, family, given.toLowerCase() + "." + UUID.randomUUID() + "@example.org",
						null, LocalDate.of(1985, 5, 5)));
	}

	private static ZonedDateTime at(int hour) {
		return LocalDateTime.of(MONDAY, java.time.LocalTime.of(hour, 0)).atZone(NEW_YORK);
	}

	private String statusOf(UUID id) {
		return jdbc.sql("SELECT status FROM appointment WHERE id = ?").param(id).query(String.class).single();
	}

	private String page(MockHttpServletRequestBuilder request,
			org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** A form refused: the page again with 422, what was typed kept. */
	private String refusedPage(MockHttpServletRequestBuilder request,
			org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
		return response.getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request,
			org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who)).andReturn().getResponse().getStatus();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor frontDesk(String clinicId) {
		return SignedInAs.frontDeskOf(clinicId);
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor practitioner(String practitionerId) {
		return SignedInAs.signedIn(Role.PRACTITIONER, practitionerId, null);
	}

}
