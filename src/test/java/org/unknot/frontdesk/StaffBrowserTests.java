package org.unknot.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unknot.TestNetwork;
import org.unknot.UnknotIntegrationTest;
import org.unknot.account.Account;
import org.unknot.account.AccountDesk;
import org.unknot.account.BrowserSignIn;
import org.unknot.account.Role;
import org.unknot.account.TotpCodes;
import org.unknot.availability.AvailabilityQuery;
import org.unknot.availability.AvailabilitySearch;
import org.unknot.booking.BookingDesk;
import org.unknot.booking.SlotRequest;
import org.unknot.catalog.LocationId;
import org.unknot.patient.PatientDetails;
import org.unknot.patient.Patients;
import org.unknot.website.BrowserSupport;
import org.unknot.website.BrowserSupport.Visitor;
import org.unknot.catalog.ServiceId;
import org.unknot.practitioner.PractitionerId;

/**
 * Staff at work in a real browser, each signing in with password and authenticator code:
 * a receptionist books a caller and moves the visit, a practitioner opens a patient, an
 * admin adds a practitioner whose hours are then offered online. axe finds nothing on any
 * staff page.
 */
@UnknotIntegrationTest
@ExtendWith(BrowserSupport.class)
class StaffBrowserTests {

	static final String PASSWORD = "a long staff passphrase";
	static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);
	static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDesk accounts;

	@Autowired
	BookingDesk desk;

	@Autowired
	AvailabilitySearch availability;

	@Autowired
	Patients patients;

	String clinic;

	String therapist;

	@BeforeEach
	void aClinic() {
		var network = new TestNetwork(jdbc);
		clinic = network.clinic(2, 0, 0);
		therapist = network.therapist();
		network.weekdays(therapist, clinic);
	}

	@Test
	void enrolsTheSecondFactorAndSignsInWithIt(Visitor visitor) {
		Account admin = account(Role.ADMIN, List.of(), null);
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		visitor.check(page, "sign-in");

		String secret = signInAndEnrol(visitor, page, admin);

		assertThat(page.url()).endsWith("/staff");
		visitor.check(page, "workspace");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign out").setExact(true))
			.first()
			.click();
		page.getByLabel("Email", EXACT).fill(admin.email());
		page.getByLabel("Password", EXACT).fill(PASSWORD);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
			.click();
		assertThat(page.url()).endsWith("/sign-in/code");
		visitor.check(page, "code");
		page.getByLabel("6-digit code", EXACT).fill(TotpCodes.at(secret, Instant.now().plusSeconds(30)));
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Continue"))
			.click();
		assertThat(page.url()).endsWith("/staff");
	}

	@Test
	void aReceptionistBooksACallerAndMovesTheVisit(Visitor visitor) {
		Account frontDesk = account(Role.FRONT_DESK, List.of(clinic), null);
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		signInAndEnrol(visitor, page, frontDesk);

		page.navigate(visitor.baseUrl() + "/staff/book?clinic=" + clinic + "&date=" + MONDAY);
		page.getByLabel("Service", EXACT).selectOption(TestNetwork.MASSAGE);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Show free times"))
			.click();
		visitor.check(page, "book-for-caller");
		String name = "Test " + therapist + ", LMT";
		page.getByLabel("10:00 AM with " + name).check();
		page.getByLabel("First name", EXACT).fill("Rosa");
		page.getByLabel("Last name", EXACT).fill("Marsh");
		page.getByLabel("Email", EXACT).fill("rosa.marsh." + UUID.randomUUID() + "@example.org");
		page.getByLabel("Birth date", EXACT).fill("10/12/1975");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book"))
			.click();
		page.waitForLoadState();

		assertThat(page.content()).contains("Rosa Marsh").contains("10:00 AM");
		assertThat(page.locator(".cell.visit .state").first().textContent()).isEqualTo("Booked");
		visitor.check(page, "calendar-day");
		page.getByText("Actions for Rosa Marsh").click();
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Move Rosa Marsh"))
			.click();
		visitor.check(page, "move");
		page.getByLabel("3:00 PM with " + name).check();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Review the move"))
			.click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Move this visit?");
		assertThat(page.content()).contains("Mon, Mar 15, 3:00 PM EDT");
		visitor.check(page, "move-confirm");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Yes, move the visit"))
			.click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent())
			.isEqualTo("Moved to Mon, Mar 15, 3:00 PM EDT, with " + name + ".");
		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY + "&by=room");
		visitor.check(page, "calendar-day-by-room");
		page.navigate(visitor.baseUrl() + "/staff/calendar?clinic=" + clinic + "&date=" + MONDAY + "&view=week");
		visitor.check(page, "calendar-week");
		page.navigate(visitor.baseUrl() + "/staff/waitlist");
		visitor.check(page, "waitlist");
	}

	@Test
	void aReceptionistPicksAFoundCallerAndOnlyTheDetailsChange(Visitor visitor) {
		String email = "nell.haber." + UUID.randomUUID() + "@example.org";
		patients.identify(new PatientDetails("Nell", "Haber", email, "(973) 555-0188", LocalDate.of(1981, 7, 4)));
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		signInAndEnrol(visitor, page, account(Role.FRONT_DESK, List.of(clinic), null));
		page.navigate(visitor.baseUrl() + "/staff/book?clinic=" + clinic + "&service=" + TestNetwork.MASSAGE + "&date="
				+ MONDAY + "&q=" + email);
		page.getByLabel("10:00 AM with Test " + therapist + ", LMT").check();

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Use Nell Haber's details"))
			.click();

		assertThat(page.getByLabel("First name", EXACT).inputValue()).isEmpty();
		page.waitForCondition(() -> !page.getByLabel("First name", EXACT).inputValue().isEmpty());
		assertThat(page.getByLabel("Last name", EXACT).inputValue()).isEqualTo("Haber");
		assertThat(page.getByLabel("Email", EXACT).inputValue()).isEqualTo(email);
		assertThat(page.getByLabel("Birth date", EXACT).inputValue()).isEqualTo("07/04/1981");
		assertThat(page.getByLabel("10:00 AM with Test " + therapist + ", LMT").isChecked())
			.as("the time already chosen stays chosen")
			.isTrue();
		assertThat(page.url()).doesNotContain("caller=");
		visitor.check(page, "book-for-picked-caller");
	}

	@Test
	void withoutJavaScriptPickingAFoundCallerBringsTheFormBackFilled(Visitor visitor) {
		String email = "ivo.brandt." + UUID.randomUUID() + "@example.org";
		patients.identify(new PatientDetails("Ivo", "Brandt", email, null, LocalDate.of(1990, 1, 31)));
		Page page = visitor.open("/sign-in", Visitor.JS_OFF);
		signInAndEnrol(visitor, page, account(Role.FRONT_DESK, List.of(clinic), null));
		page.navigate(visitor.baseUrl() + "/staff/book?clinic=" + clinic + "&date=" + MONDAY + "&q=" + email);

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Use Ivo Brandt's details"))
			.click();
		page.getByLabel("Service", EXACT).selectOption(TestNetwork.MASSAGE);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Show free times"))
			.click();

		assertThat(page.getByLabel("First name", EXACT).inputValue()).isEqualTo("Ivo");
		assertThat(page.getByLabel("Birth date", EXACT).inputValue()).isEqualTo("01/31/1990");
		page.getByLabel("10:00 AM with Test " + therapist + ", LMT").check();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book"))
			.click();
		page.waitForLoadState();
		assertThat(page.content()).contains("Ivo Brandt");
		assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE email = ?").param(email).query(Long.class).single())
			.isOne();
	}

	@Test
	void aPractitionerOpensTheirPatient(Visitor visitor) {
		desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						MONDAY.atTime(LocalTime.of(11, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Tomas", "Quinn", "tq-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1966, 3, 3)));
		Account practitioner = account(Role.PRACTITIONER, List.of(), therapist);
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		signInAndEnrol(visitor, page, practitioner);

		page.navigate(visitor.baseUrl() + "/staff/my-day?date=" + MONDAY);
		visitor.check(page, "my-day");
		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Tomas Quinn"))
			.click();

		assertThat(page.locator("h1").textContent()).isEqualTo("Tomas Quinn");
		visitor.check(page, "patient-record");
	}

	@Test
	void aPractitionerAssessesPlansSignsAndBooksACourse(Visitor visitor) {
		UUID patient = desk.book(
				new SlotRequest(ServiceId.of(TestNetwork.MASSAGE), PractitionerId.of(therapist), LocationId.of(clinic),
						MONDAY.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of(TestNetwork.ZONE)).toInstant()),
				null, new PatientDetails("Wren", "Holloway", "wh-" + UUID.randomUUID() + "@example.org", null,
						LocalDate.of(1981, 7, 7)))
			.appointment()
			.patientId()
			.value();
		Account practitioner = account(Role.PRACTITIONER, List.of(), therapist);
		// a small laptop or a tablet held sideways
		Page page = visitor.open("/sign-in", Visitor.JS_ON, 1024);
		signInAndEnrol(visitor, page, practitioner);

		page.navigate(visitor.baseUrl() + "/staff/patients/" + patient + "/care");
		visitor.check(page, "care");
		link(page, "Record an assessment").click();
		visitor.check(page, "assessment-form");
		page.getByLabel("Chief complaint", EXACT).fill("Knot under the right shoulder blade");
		page.locator("input[name=regions][value=UPPER_BACK]").check();
		page.locator("#redFlagsReviewed").check();
		page.locator("input[name=diagnosisCodes][value='M54.6']").check();
		button(page, "Record the assessment").click();
		page.waitForLoadState();
		assertThat(page.content()).contains("Knot under the right shoulder blade");

		link(page, "Make a treatment plan from this assessment").click();
		visitor.check(page, "plan-form");
		page.getByLabel("Service the visits are booked as", EXACT).selectOption(TestNetwork.MASSAGE);
		page.getByLabel("Goal 1", EXACT).fill("Worst pain in a day");
		page.getByLabel("Target 1", EXACT).fill("3/10 or less");
		page.locator("input[name=techniques][value=TRIGGER_POINT]").check();
		page.getByLabel("Number of visits", EXACT).fill("4");
		page.getByLabel("Starts on", EXACT).fill(MONDAY.plusWeeks(1).toString());
		page.getByLabel("Reviewed on", EXACT).fill(MONDAY.plusWeeks(3).toString());
		// each measure on its own schedule: the activities every two weeks and at
		// discharge
		page.locator("#take-psfs").check();
		page.locator("#repeat-psfs").selectOption("weeks");
		page.locator("#every-psfs").fill("2");
		page.locator("#discharge-psfs").check();
		button(page, "Save the draft").click();
		page.waitForLoadState();
		assertThat(page.locator(".notice").textContent()).contains("Plan drafted");

		button(page, "Sign the plan").click();
		page.waitForLoadState();
		assertThat(page.content()).contains("Active");
		visitor.check(page, "plan");
		link(page, "Book this plan").click();
		visitor.check(page, "plan-book");
		page.getByLabel("Clinic", EXACT).selectOption(clinic);
		page.getByLabel("First visit on", EXACT).fill(MONDAY.plusWeeks(1).toString());
		page.getByLabel("At (clinic time)", EXACT).fill("10:00");
		button(page, "Book the visits").click();
		page.waitForLoadState();

		assertThat(page.locator(".notice").textContent()).isEqualTo("4 visits booked for this plan.");
		assertThat(page.locator(".plan-progress").textContent()).isEqualTo("0 of 4 done, 4 booked, 0 still to book.");
		assertThat(page.content()).contains("Mon, Mar 22, 10:00 AM EDT")
			.contains("Activities you find hard (PSFS): before the first visit, then every 2 weeks; at discharge")
			.contains("Pain intensity (0 to 10): before each visit; at the plan's review; at discharge");
		visitor.check(page, "plan-booked");
	}

	private static com.microsoft.playwright.Locator link(Page page, String name) {
		return page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static com.microsoft.playwright.Locator button(Page page, String name) {
		return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	@Test
	void anAdminAddsAPractitionerWhoIsThenOfferedOnline(Visitor visitor) {
		Account admin = account(Role.ADMIN, List.of(), null);
		Page page = visitor.open("/sign-in", Visitor.JS_ON);
		signInAndEnrol(visitor, page, admin);
		String family = "Okonkwo" + TestNetwork.shortId().replaceAll("[^a-z]", "");

		page.navigate(visitor.baseUrl() + "/admin/practitioners/new");
		visitor.check(page, "admin-new-practitioner");
		page.getByLabel("First name", EXACT).fill("Ada");
		page.getByLabel("Last name", EXACT).fill(family);
		page.getByLabel("Profession", EXACT).selectOption("LMT");
		page.getByLabel("Credentials (e.g. LMT, DPT, MD)", EXACT).fill("LMT");
		page.getByLabel("Type (e.g. LMT, PT, MD)", EXACT).fill("LMT");
		page.getByLabel("Number", EXACT).fill("18KT00777777");
		page.getByLabel("State (two letters)", EXACT).fill("NJ");
		page.getByLabel("Issued on", EXACT).fill("2024-02-01");
		page.getByLabel("Expires on", EXACT).fill("2029-02-01");
		page.locator("#service-" + TestNetwork.MASSAGE).check();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Add practitioner"))
			.click();
		assertThat(page.url()).contains("/admin/practitioners/ada-");
		String id = page.url().substring(page.url().lastIndexOf('/') + 1);
		page.getByLabel("Where", EXACT).selectOption(clinic);
		page.getByLabel("Weekday", EXACT).selectOption("MONDAY");
		page.getByLabel("From (local time)", EXACT).fill("13:00");
		page.getByLabel("To (local time)", EXACT).fill("16:00");
		page.getByLabel("First day", EXACT).fill("2027-01-01");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Add hours"))
			.click();
		visitor.check(page, "admin-practitioner");

		var slots = availability
			.search(new AvailabilityQuery(ServiceId.of(TestNetwork.MASSAGE), LocationId.of(clinic),
					PractitionerId.of(id), MONDAY, MONDAY))
			.slots();
		assertThat(slots).isNotEmpty();
		page.navigate(visitor.baseUrl() + "/admin");
		visitor.check(page, "admin-overview");
		for (String path : List.of("/admin/accounts", "/admin/services", "/admin/services/new",
				"/admin/services/" + TestNetwork.MASSAGE, "/admin/clinics", "/admin/clinics/new",
				"/admin/clinics/" + clinic)) {
			page.navigate(visitor.baseUrl() + path);
			visitor.check(page, "admin" + path.replace('/', '-'));
		}
		page.navigate(visitor.baseUrl() + "/admin/practitioners/" + id);
		page.getByLabel("Off from", EXACT).fill("2027-03-15T13:00");
		page.getByLabel("Back at", EXACT).fill("2027-03-15T12:00");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Add time off"))
			.click();
		assertThat(page.locator("#offTo-error").textContent()).contains("must be after its start");
		visitor.check(page, "admin-practitioner-with-error");
	}

	private Account account(Role role, List<String> clinics, String practitionerId) {
		return accounts
			.create(new AccountDesk.NewAccount(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@unknot.example",
					"Sam " + role.name().charAt(0) + role.name().substring(1).toLowerCase(), role, clinics,
					practitionerId, null, PASSWORD));
	}

	private static String signInAndEnrol(Visitor visitor, Page page, Account account) {
		return BrowserSignIn.enrol(visitor, page, account, PASSWORD);
	}

}
